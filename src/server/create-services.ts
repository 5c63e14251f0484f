import { readFileSync } from 'node:fs';
import type { Logger } from 'pino';
import { createWebhookDispatcher, type WebhookDispatcher } from '../actions/webhook-dispatcher.js';
import { createCaseService, type CaseService } from '../cases/case-service.js';
import type { WardenConfig } from '../config/config-schema.js';
import { AppError } from '../core/app-error.js';
import type { Clock } from '../core/clock.js';
import type { Engine } from '../engine/create-engine.js';
import { createPolicyStore, type PolicyStore } from '../rules/policy-store.js';
import { createRuleRunner, type RuleRunner } from '../rules/rule-runner.js';
import { createReportService, type ReportService } from '../reporting/report-service.js';
import { createReportSubmitter, type ReportSubmitter } from '../reporting/report-submitter.js';
import type { Store } from '../store/store.js';

/** What sits above ingest: policy, cases, the rule runner and the webhook outbox. */
export interface Services {
  policies: PolicyStore;
  reports: ReportService;
  submitter: ReportSubmitter;
  cases: CaseService;
  runner: RuleRunner;
  dispatcher: WebhookDispatcher;
  start(): void;
  stop(): Promise<void>;
}

export async function createServices(deps: { store: Store; engine: Engine; config: WardenConfig; clock: Clock; logger: Logger }): Promise<Services> {
  const { store, engine, config, clock, logger } = deps;
  const policies = createPolicyStore({ store, engine, clock });
  if (config.rules.policyFile) {
    let source: string;
    try {
      source = readFileSync(config.rules.policyFile, 'utf8');
    } catch (cause) {
      throw new AppError('config_invalid', `cannot read rules.policyFile ${config.rules.policyFile}`, { cause });
    }
    // A new version only when the file says something the policy in force does not.
    if ((await policies.current()).source !== source) await policies.save(source, 'config', `loaded from ${config.rules.policyFile}`);
  }
  const dispatcher = createWebhookDispatcher({ store, engine, config: config.actions, clock, logger });
  const submitter = createReportSubmitter({ store, engine, config, clock, logger });
  const reports = createReportService({ store, engine, config, clock, onApproved: () => submitter.wake() });
  const cases = createCaseService({
    store,
    engine,
    config,
    clock,
    policies,
    onDeliverable: () => dispatcher.wake(),
    // A live draft_cybertipline_report on a confirmed case starts the report draft at once.
    onConfirmed: (caseId, actionTypes) => {
      if (actionTypes.includes('draft_cybertipline_report')) void reports.draftForCase(caseId, 'system:rules').catch((err: unknown) => logger.error({ err, caseId }, 'could not draft the CyberTipline report'));
    },
  });
  const runner = createRuleRunner({ store, cases, policies, clock, logger });
  return {
    policies,
    reports,
    submitter,
    cases,
    runner,
    dispatcher,
    start() {
      runner.start();
      dispatcher.start();
      submitter.start();
    },
    async stop() {
      await runner.stop();
      await dispatcher.stop();
      await submitter.stop();
    },
  };
}
