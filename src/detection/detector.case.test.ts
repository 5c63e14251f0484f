import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ALERT_CATEGORIES, SEVERITIES, type AlertDraft } from '../alerts/alert-schema.js';
import { DETECTOR_EXAMPLES, type DetectorExample } from '../engine/detector-examples.js';
import { packedUtcDate } from '../core/age-band.js';
import { systemClock } from '../core/clock.js';
import { engineSettings } from '../engine/engine-settings.js';
import { buildState } from '../engine/engine-state.js';
import { applyEvent } from '../facts/apply-event.js';
import { WriteSet } from '../store/write-set.js';
import { testConfig, valid } from '../testing/events.js';

/** Runs events through the real facts and contact tracker, returning one detector's drafts per event. */
// Every detector wired, the optional ones included (the classifier's URL is never called here).
const config = () => engineSettings(testConfig({ conversations: { externalClassifier: { url: 'http://127.0.0.1:9/classify' } } }));

function run(
  name: string,
  events: object[],
  setup?: (s: ReturnType<typeof buildState>) => void,
  external?: DetectorExample['external'],
): AlertDraft[][] {
  const state = buildState(config(), systemClock);
  setup?.(state);
  const detector = state.detectors.all.find((d) => d.name === name)!;
  return events.map((raw, i) => {
    const ev = valid(raw);
    const ws = new WriteSet();
    const datePacked = packedUtcDate(ev.tsMs);
    applyEvent(state.facts, ev, datePacked, ws);
    const unconnected = state.tracker.record(ev, state.facts, datePacked, ws);
    const verdicts = external && i === events.length - 1 ? { [ev.event.id]: external } : undefined;
    return [
      ...detector.evaluate({
        ev,
        facts: state.facts,
        datePacked,
        unconnected,
        external: verdicts,
        effects: { quarantineEntry: () => undefined, countUpload: () => undefined },
      }),
    ];
  });
}

/** The shared contract every Detector meets (docs/architecture.md, plug-in contracts). */
describe('Detector contract', () => {
  const names = buildState(config(), systemClock).detectors.all.map((d) => d.name);

  it('every detector has a stable, unique snake_case name and examples', () => {
    assert.equal(new Set(names).size, names.length);
    for (const name of names) {
      assert.match(name, /^[a-z][a-z0-9_]*$/);
      assert.ok(DETECTOR_EXAMPLES[name]?.length, `${name} has no examples in detector-examples.ts`);
    }
  });

  for (const name of names) {
    describe(name, () => {
      for (const example of DETECTOR_EXAMPLES[name] ?? []) {
        it(`${example.title}: raises ${example.expectOnLast.join(', ') || 'nothing'} on the last event`, () => {
          const drafts = run(name, example.events, example.setup, example.external);
          assert.deepEqual(
            drafts.at(-1)!.map((d) => d.category),
            example.expectOnLast,
          );
        });
      }

      it('produces well-formed, explainable drafts whose evidence names real events', () => {
        for (const example of DETECTOR_EXAMPLES[name] ?? []) {
          const ids = new Set(example.events.map((e) => (e as { id: string }).id));
          for (const draft of run(name, example.events, example.setup, example.external).flat()) {
            assert.ok((ALERT_CATEGORIES as readonly string[]).includes(draft.category));
            assert.ok((SEVERITIES as readonly string[]).includes(draft.severity));
            assert.ok(draft.score >= 0 && draft.score <= 1, `score ${draft.score}`);
            assert.ok(draft.subjectAccountId.length > 0);
            assert.ok(draft.dedupeKey.length > 0);
            assert.ok(draft.evidence.length > 0 && draft.evidence.every((e) => ids.has(e)), 'evidence names events of the example');
            assert.ok(draft.reasons.length > 0 && draft.reasons.every((r) => /^[a-z0-9_]+$/.test(r.code) && r.detail.length > 10));
          }
        }
      });

      it('is deterministic: the same events give the same drafts', () => {
        for (const example of DETECTOR_EXAMPLES[name] ?? [])
          assert.deepEqual(
            run(name, example.events, example.setup, example.external),
            run(name, example.events, example.setup, example.external),
          );
      });

      it('ignores events it does not look at', () => {
        const drafts = run(name, [
          {
            id: `srch_${name}`,
            type: 'search.performed',
            ts: new Date(Date.now() - 1000).toISOString(),
            actor: 'anyone',
            query: 'weather',
          },
        ]);
        assert.deepEqual(drafts, [[]]);
      });
    });
  }
});
