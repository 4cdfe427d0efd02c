import express, { type Express, type Request, type Response } from 'express';
import { AppError, expectGlobalId, hasAnyRole, INTERNAL_CONTEXT_HEADER, isPlatformAdmin, verifyInternalContext, type Database, type Logger, type Viewer } from '@dotmac/kernel';
import { NETWORK_WRITERS } from '../../access/network-access.js';
import { itemsOf, readAgentAlert, readHealthCheck, type AgentReport, type ItemError } from './agent-report.rules.js';
import { applyAgentReports, unknownDevices, type ReportKind } from './agent-report.service.js';

export const AGENT_ALERTS_PATH = '/internal/monitoring/alerts';
export const HEALTH_CHECKS_PATH = '/internal/monitoring/health-checks';

type Reader = (item: Record<string, unknown>, index: number, now: number) => { report?: AgentReport; errors: ItemError[] };

const fail = (res: Response, status: number, code: string, message: string, errors?: ItemError[]) => res.status(status).json({ code, message, ...(errors ? { errors } : {}) });

/** The ISP a report is for: the caller's own, or the one a platform admin names; undefined after answering 401/403. */
function reportTenant(req: Request, res: Response, signingKey: string): string | undefined {
  const internal = verifyInternalContext(req.header(INTERNAL_CONTEXT_HEADER), signingKey);
  if (!internal) return void fail(res, 401, 'UNAUTHENTICATED', 'Requests must come through the DotMac gateway');
  const viewer: Viewer = internal.viewer;
  if (isPlatformAdmin(viewer)) {
    try {
      return expectGlobalId(String(req.body?.tenantId ?? ''), 'Tenant', 'tenantId');
    } catch {
      return void fail(res, 400, 'BAD_USER_INPUT', 'Platform admins name the ISP with tenantId');
    }
  }
  if (!viewer.tenantId || !hasAnyRole(viewer, NETWORK_WRITERS)) return void fail(res, 403, 'FORBIDDEN', 'Reporting alerts needs the tenant_admin or noc role');
  return viewer.tenantId;
}

function mountReportRoute(app: Express, path: string, listName: string, kind: ReportKind, read: Reader, db: Database, signingKey: string, logger: Logger): void {
  app.post(path, express.json({ limit: '1mb' }), async (req, res) => {
    const tenantId = reportTenant(req, res, signingKey);
    if (!tenantId) return;
    const { items, error } = itemsOf(req.body, listName);
    if (error) return void fail(res, 400, 'BAD_USER_INPUT', error);
    const now = Date.now();
    const parsed = items.map((item, index) => read(item, index, now));
    const errors = parsed.flatMap((item) => item.errors);
    const reports = parsed.flatMap((item) => (item.report ? [item.report] : []));
    try {
      const outcome = await db.inTenant(tenantId, async (em) => {
        errors.push(...(await unknownDevices(em, reports, listName)));
        if (errors.length) return undefined;
        return applyAgentReports(em, tenantId, kind, reports);
      });
      if (!outcome) return void fail(res, 400, 'BAD_USER_INPUT', 'Some items are invalid; nothing was recorded', errors.sort((a, b) => a.index - b.index));
      res.json(outcome);
    } catch (failure) {
      if (failure instanceof AppError) return void fail(res, 400, failure.code, failure.message);
      logger.error({ err: failure, path }, 'agent report failed');
      fail(res, 500, 'INTERNAL', 'The report could not be recorded');
    }
  });
}

/**
 * Internal endpoints for external monitoring agents, reached through the gateway's
 * `/api/v1/monitoring/*` forwarder (signed context required; tenant_admin or noc, or a platform
 * admin naming `tenantId`). Each takes one item or a list, validates every item (400 listing every
 * bad one, nothing recorded), and skips items whose `idempotencyKey` was seen before.
 */
export function mountMonitoringRoutes(app: Express, db: Database, signingKey: string, logger: Logger): void {
  mountReportRoute(app, AGENT_ALERTS_PATH, 'alerts', 'alert', readAgentAlert, db, signingKey, logger);
  mountReportRoute(app, HEALTH_CHECKS_PATH, 'checks', 'health_check', readHealthCheck, db, signingKey, logger);
}
