import type { FastifyInstance } from 'fastify';
import { requestableTypes } from '../actions/action-control.js';
import type { CaseDetail, CasesTable } from '../cases/case-store.js';
import type { RouteContext } from '../server/route-context.js';
import { appealConsoleRoutes } from './appeals-page.js';
import { caseEnforcementPanel, mayEnforce } from './case-enforcement-panel.js';
import { caseEvidencePanel } from './case-evidence-panel.js';
import type { ConsoleUser } from './console-auth.js';
import { enforcementConsoleRoutes, ENFORCEMENT_FLASH } from './enforcement-console-routes.js';
import { evidenceConsoleRoutes } from './evidence-console-routes.js';
import { html, type Html } from './html.js';
import type { ConsolePageSender } from './report-console-routes.js';

/*
 * Issue 17, part A: enforcement, appeals and evidence in the console, each in its own module;
 * console-routes.ts calls the two functions here, so the case page and its routes change by a line.
 */

export const CASE_PANEL_FLASH = ENFORCEMENT_FLASH;

/** The case page's enforcement and evidence cards. */
export async function casePanels(ctx: RouteContext, u: ConsoleUser, c: CasesTable, detail: CaseDetail): Promise<Html> {
  const requestable = mayEnforce(u.viewer, 'request') ? requestableTypes((await ctx.services.policies.current()).policy) : [];
  const enforcement = caseEnforcementPanel({ caseId: c.id, actions: detail.actions, viewer: u.viewer, csrf: u.csrf, requestable });
  return html`${enforcement}${await caseEvidencePanel(ctx, u.viewer, c.id, u.csrf)}`;
}

export function casePanelRoutes(app: FastifyInstance, ctx: RouteContext, pages: ConsolePageSender): void {
  enforcementConsoleRoutes(app, ctx);
  evidenceConsoleRoutes(app, ctx, pages);
  appealConsoleRoutes(app, ctx, pages);
}
