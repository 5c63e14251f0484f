import { adult, at, block, message, minor, report } from '../testing/events.js';

/**
 * Example inputs for each detector, by its persisted name: a sequence of synthetic events
 * and the alert categories the last event must raise. The shared contract suite
 * (core/detector.case.test.ts) runs every detector the engine wires against its examples;
 * a detector without examples fails it.
 */
export interface DetectorExample {
  title: string;
  events: object[];
  /** Categories the detector must raise on the last event, in order ([] for "nothing"). */
  expectOnLast: string[];
}

export const DETECTOR_EXAMPLES: Record<string, DetectorExample[]> = {
  unwanted_contact: [
    { title: 'adult to unconnected minor', events: [adult('x_a'), minor('x_k'), message('x_a', 'x_k', at(5))], expectOnLast: ['unwanted_contact'] },
    { title: 'minor to minor', events: [minor('x_k1'), minor('x_k2'), message('x_k1', 'x_k2', at(5))], expectOnLast: [] },
    { title: 'adult to adult', events: [adult('x_a1'), adult('x_a2'), message('x_a1', 'x_a2', at(5))], expectOnLast: [] },
  ],
  suspicious_adult: [
    {
      title: 'five unconnected minors in a day',
      events: [adult('y_a'), ...[1, 2, 3, 4, 5].map((i) => minor(`y_k${i}`)), ...[1, 2, 3, 4, 5].map((i) => message('y_a', `y_k${i}`, at(10 + i)))],
      expectOnLast: ['suspicious_adult'],
    },
    {
      title: 'blocked and reported by two minors',
      events: [adult('z_a'), minor('z_k1'), minor('z_k2'), block('z_k1', 'z_a'), report('z_k2', 'z_a')],
      expectOnLast: ['suspicious_adult'],
    },
    { title: 'blocked by one minor', events: [adult('w_a'), minor('w_k1'), block('w_k1', 'w_a')], expectOnLast: [] },
  ],
};
