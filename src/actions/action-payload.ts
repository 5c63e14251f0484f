import type { ActionsTable } from './action-store.js';
import type { ActionContent } from './plan-actions.js';

/** The body the platform receives for one action (README: "Webhooks"). */
export interface ActionPayload {
  id: string;
  type: string;
  subject: { accountId: string };
  caseId: string | null;
  alertId: string | null;
  ruleId: string | null;
  policyVersion: number | null;
  createdAt: string;
  content: ActionContent;
}

export function actionPayload(a: ActionsTable): ActionPayload {
  return {
    id: a.id,
    type: a.type,
    subject: { accountId: a.subject_account },
    caseId: a.case_id,
    alertId: a.alert_id,
    ruleId: a.rule_id,
    policyVersion: a.policy_version,
    createdAt: new Date(a.created_ms).toISOString(),
    content: JSON.parse(a.params) as ActionContent,
  };
}
