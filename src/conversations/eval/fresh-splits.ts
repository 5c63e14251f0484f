/** The fresh splits are data files now (`data/eval-phrases/`); this module keeps the old import path. */
export { FRESH_SPLITS, type FreshSplit } from './phrases.js';
export type FreshSplitName = string;
