import type { ConfirmCategory } from '../../rules/policy-schema.js';

/** The eight incident types of the CyberTipline schema (`incidentType`), verbatim. */
export const INCIDENT_TYPES = [
  'Child Pornography (possession, manufacture, and distribution)',
  'Child Sex Trafficking',
  'Child Sex Tourism',
  'Child Sexual Molestation',
  'Misleading Domain Name',
  'Misleading Words or Digital Images on the Internet',
  'Online Enticement of Children for Sexual Acts',
  'Unsolicited Obscene Material Sent to a Child',
] as const;
export type IncidentType = (typeof INCIDENT_TYPES)[number];

/**
 * The incident type a confirmed category pre-fills; the reviewer can change it. Grooming,
 * solicitation and sextortion are enticement (18 U.S.C. 2422(b), reportable since the
 * 2024 REPORT Act); `other_child_safety` has no default and must be chosen.
 */
export const INCIDENT_TYPE_OF: Partial<Record<ConfirmCategory, IncidentType>> = {
  csam: 'Child Pornography (possession, manufacture, and distribution)',
  grooming: 'Online Enticement of Children for Sexual Acts',
  solicitation: 'Online Enticement of Children for Sexual Acts',
  sextortion: 'Online Enticement of Children for Sexual Acts',
  trafficking: 'Child Sex Trafficking',
  obscene_material_to_child: 'Unsolicited Obscene Material Sent to a Child',
};
