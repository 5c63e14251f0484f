import { FRESH, FRESH_BENIGN, FRESH_PEER, FRESH_STRANGER } from './phrases-fresh.js';
import { FRESH2, FRESH2_BENIGN, FRESH2_PEER, FRESH2_STRANGER } from './phrases-fresh2.js';
import { FRESH3, FRESH3_BENIGN, FRESH3_PEER, FRESH3_STRANGER } from './phrases-fresh3.js';
import { FRESH4, FRESH4_BENIGN, FRESH4_PEER, FRESH4_STRANGER } from './phrases-fresh4.js';
import { FRESH5, FRESH5_BENIGN, FRESH5_PEER, FRESH5_STRANGER } from './phrases-fresh5.js';
import { FRESH6, FRESH6_BENIGN, FRESH6_PEER, FRESH6_STRANGER } from './phrases-fresh6.js';
import { FRESH7, FRESH7_BENIGN, FRESH7_PEER, FRESH7_STRANGER } from './phrases-fresh7.js';
import { FRESH8, FRESH8_BENIGN, FRESH8_PEER, FRESH8_STRANGER } from './phrases-fresh8.js';
import { FRESH9, FRESH9_BENIGN, FRESH9_PEER, FRESH9_STRANGER } from './phrases-fresh9.js';
import { FRESH10, FRESH10_BENIGN, FRESH10_PEER, FRESH10_STRANGER } from './phrases-fresh10.js';
import { FRESH11, FRESH11_BENIGN, FRESH11_PEER, FRESH11_STRANGER } from './phrases-fresh11.js';
import { FRESH12, FRESH12_BENIGN, FRESH12_PEER, FRESH12_STRANGER } from './phrases-fresh12.js';
import { FRESH13, FRESH13_BENIGN, FRESH13_PEER, FRESH13_STRANGER } from './phrases-fresh13.js';
import { FRESH14, FRESH14_BENIGN, FRESH14_PEER, FRESH14_STRANGER } from './phrases-fresh14.js';
import { FRESH15, FRESH15_BENIGN, FRESH15_PEER, FRESH15_STRANGER } from './phrases-fresh15.js';
import { FRESH16, FRESH16_BENIGN, FRESH16_PEER, FRESH16_STRANGER } from './phrases-fresh16.js';
import type { Bank, Lang } from './phrases.js';

export interface FreshSplit {
  /** The seed its corpus is generated with (kept when splits are added, so each corpus stays the same). */
  seed: number;
  bank: Record<Lang, Bank>;
  benign: Record<string, string[]>;
  stranger: readonly string[];
  peer: readonly string[];
}

/** Every fresh split, each written once for one clean run (docs/conversations.md): a new one is one line here. */
export const FRESH_SPLITS = {
  fresh: { seed: 3, bank: FRESH, benign: FRESH_BENIGN, stranger: FRESH_STRANGER, peer: FRESH_PEER },
  fresh2: { seed: 4, bank: FRESH2, benign: FRESH2_BENIGN, stranger: FRESH2_STRANGER, peer: FRESH2_PEER },
  fresh3: { seed: 5, bank: FRESH3, benign: FRESH3_BENIGN, stranger: FRESH3_STRANGER, peer: FRESH3_PEER },
  fresh4: { seed: 6, bank: FRESH4, benign: FRESH4_BENIGN, stranger: FRESH4_STRANGER, peer: FRESH4_PEER },
  fresh5: { seed: 7, bank: FRESH5, benign: FRESH5_BENIGN, stranger: FRESH5_STRANGER, peer: FRESH5_PEER },
  fresh6: { seed: 8, bank: FRESH6, benign: FRESH6_BENIGN, stranger: FRESH6_STRANGER, peer: FRESH6_PEER },
  fresh7: { seed: 9, bank: FRESH7, benign: FRESH7_BENIGN, stranger: FRESH7_STRANGER, peer: FRESH7_PEER },
  fresh8: { seed: 10, bank: FRESH8, benign: FRESH8_BENIGN, stranger: FRESH8_STRANGER, peer: FRESH8_PEER },
  fresh9: { seed: 11, bank: FRESH9, benign: FRESH9_BENIGN, stranger: FRESH9_STRANGER, peer: FRESH9_PEER },
  fresh10: { seed: 12, bank: FRESH10, benign: FRESH10_BENIGN, stranger: FRESH10_STRANGER, peer: FRESH10_PEER },
  fresh11: { seed: 13, bank: FRESH11, benign: FRESH11_BENIGN, stranger: FRESH11_STRANGER, peer: FRESH11_PEER },
  fresh12: { seed: 14, bank: FRESH12, benign: FRESH12_BENIGN, stranger: FRESH12_STRANGER, peer: FRESH12_PEER },
  fresh13: { seed: 15, bank: FRESH13, benign: FRESH13_BENIGN, stranger: FRESH13_STRANGER, peer: FRESH13_PEER },
  fresh14: { seed: 16, bank: FRESH14, benign: FRESH14_BENIGN, stranger: FRESH14_STRANGER, peer: FRESH14_PEER },
  fresh15: { seed: 17, bank: FRESH15, benign: FRESH15_BENIGN, stranger: FRESH15_STRANGER, peer: FRESH15_PEER },
  fresh16: { seed: 18, bank: FRESH16, benign: FRESH16_BENIGN, stranger: FRESH16_STRANGER, peer: FRESH16_PEER },
} satisfies Record<string, FreshSplit>;

export type FreshSplitName = keyof typeof FRESH_SPLITS;
