import { readFileSync } from 'node:fs';
import type { Logger } from 'pino';
import { createWebhookDispatcher, type WebhookDispatcher } from '../actions/webhook-dispatcher.js';
import { createCaseService, type CaseService } from '../cases/case-service.js';
import type { WardenConfig } from '../config/config-schema.js';
import { AppError } from '../core/app-error.js';
import type { Clock } from '../core/clock.js';
import type { Ledger } from '../ledger/ledger.js';
import { createPolicyStore, type PolicyStore } from '../rules/policy-store.js';
import { createRuleRunner, type RuleRunner } from '../rules/rule-runner.js';
import { createReportService, type ReportService } from '../reporting/report-service.js';
import { createEvidenceService, type EvidenceService } from '../reporting/evidence/evidence-service.js';
import { createBackgroundLoop } from '../core/background-loop.js';
import { createReportSubmitter, type ReportSubmitter } from '../reporting/report-submitter.js';
import type { Store } from '../store/store.js';
import type { MediaMatcher } from '../media/media-matcher.js';
import type { ExchangeService } from '../exchanges/exchange-service.js';
import { exchangeServiceFromConfig } from '../exchanges/exchange-service-from-config.js';
import { createAppealService, type AppealService } from '../appeals/appeal-service.js';

/** What sits above ingest: policy, cases, the rule runner and the webhook outbox. */
export interface Services {
  policies: PolicyStore;
  reports: ReportService;
  evidence: EvidenceService;
  submitter: ReportSubmitter;
  cases: CaseService;
  runner: RuleRunner;
  dispatcher: WebhookDispatcher;
  /** Hash exchanges: sources fetched into banks, verdicts sent back. */
  exchanges: ExchangeService;
  /** Appeals filed by the platform and answered by reviewers (issue 17). */
  appeals: AppealService;
  start(): void;
  stop(): Promise<void>;
}

export async function createServices(deps: {
  store: Store;
  engine: Ledger;
  config: WardenConfig;
  clock: Clock;
  logger: Logger;
  /** The engine's hash matcher, read per call; exchanges add what they fetch to it. */
  matcher?: () => MediaMatcher;
}): Promise<Services> {
  // Only the ledger half of the engine: nothing above ingest folds events or runs detectors.
  const { store, engine: ledger, config, clock, logger } = deps;
  const policies = createPolicyStore({ store, ledger, clock });
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
  const dispatcher = createWebhookDispatcher({ store, ledger, config: config.actions, clock, logger });
  const evidence = createEvidenceService({ store, engine: ledger, config, clock });
  const preserve = (caseId: string, reason: string) => {
    if (!evidence.enabled) {
      logger.warn({ caseId }, 'evidence.keys is not set: a preserve_evidence action could not be carried out');
      return;
    }
    void evidence
      .preserve(caseId, reason, 'system:rules')
      .catch((err: unknown) => logger.error({ err, caseId }, 'could not preserve evidence'));
  };
  const sweeper = createBackgroundLoop('evidence-retention', async () => (evidence.enabled ? evidence.sweep() : 0), 3_600_000, logger);
  const submitter = createReportSubmitter({
    store,
    ledger,
    config,
    clock,
    logger,
    onFinished: (caseId, ncmecReportId) => preserve(caseId, `report filed with NCMEC (${ncmecReportId})`),
  });
  const reports = createReportService({ store, ledger, config, clock, onApproved: () => submitter.wake() });
  const cases = createCaseService({
    store,
    ledger,
    config,
    clock,
    policies,
    onDeliverable: () => dispatcher.wake(),
    // A live draft_cybertipline_report on a confirmed case starts the report draft at once.
    onConfirmed: (caseId, actionTypes) => {
      if (actionTypes.includes('draft_cybertipline_report'))
        void reports
          .draftForCase(caseId, 'system:rules')
          .catch((err: unknown) => logger.error({ err, caseId }, 'could not draft the CyberTipline report'));
      if (actionTypes.includes('preserve_evidence')) preserve(caseId, 'confirmed by a reviewer (policy: preserve_evidence)');
    },
    onAlertActions: (caseId, actionTypes) => {
      if (actionTypes.includes('preserve_evidence')) preserve(caseId, 'alert (policy: preserve_evidence)');
    },
  });
  const runner = createRuleRunner({ store, cases, policies, clock, logger });
  const exchanges = exchangeServiceFromConfig({
    db: store.db,
    config: config.exchanges,
    matcher: deps.matcher,
    clock,
    logger,
    audit: (entries) => ledger.audit(entries),
  });
  return {
    policies,
    reports,
    evidence,
    submitter,
    cases,
    runner,
    dispatcher,
    exchanges,
    appeals: createAppealService({ store, ledger, clock, onDeliverable: () => dispatcher.wake() }),
    start() {
      runner.start();
      if (config.exchanges.sources.length > 0) exchanges.start();
      dispatcher.start();
      submitter.start();
      sweeper.start();
    },
    async stop() {
      await runner.stop();
      await dispatcher.stop();
      await submitter.stop();
      await sweeper.stop();
      await exchanges.stop();
    },
  };
}
