import { lockKey, tenantScope, type Database, type EntityManager, type LocalDate, type Logger } from '@dotmac/kernel';
import { policyOf } from '../dunning/dunning-policy.service.js';
import { lockLedgers } from '../invoice/ledger-lock.js';
import { settingsOf } from '../settings/billing-settings.service.js';
import { TaxRate } from '../tax/tax-rate.entity.js';
import type { RateForTax } from '../tax/tax-calculation.js';
import { BillingRun, BillingRunStatus, type BillingRunTrigger } from './billing-run.entity.js';
import { endFinishedSubscriptions, lockDueSubscriptions, usageOfPreviousPeriods } from './due-subscriptions.js';
import { buildInvoice } from './invoice-builder.js';
import { writeIssuedInvoices, type IssueContext } from './invoice-writer.js';

export interface BillingRunOptions {
  tenantId: string;
  asOf: LocalDate;
  trigger: BillingRunTrigger;
  /** Subscriptions issued per transaction. */
  batchSize: number;
  logger?: Logger;
  /** Called after each committed batch (progress reporting). */
  onBatch?: (issued: number) => void;
}

/** A run that has not reported for this long is taken to have died (its last batch rolled back). */
const STALE_RUN_MS = 5 * 60_000;

async function startRun(em: EntityManager, options: BillingRunOptions): Promise<BillingRun> {
  await em.execute(
    `update billing_run set status = 'failed', finished_at = now(), error = 'interrupted'
      where tenant_id = ? and status = 'running' and reported_at < now() - make_interval(secs => ?)`,
    [options.tenantId, STALE_RUN_MS / 1000],
  );
  const run = em.create(BillingRun, { tenantId: options.tenantId, asOf: options.asOf, trigger: options.trigger });
  await em.flush();
  return run;
}

/**
 * Issues every subscription invoice of a tenant whose period starts on or before `asOf`, in
 * batches of one transaction each. Idempotent: a billed period has advanced its subscription and is
 * protected by a unique index, so running again issues nothing new. Resumable: a run that dies
 * loses at most its open batch (rolled back whole, numbers included) and the next run carries on.
 */
export async function runBilling(db: Database, options: BillingRunOptions): Promise<BillingRun> {
  const scope = tenantScope(options.tenantId);
  const run = await db.run(scope, (em) => startRun(em, options));
  const prepared = await db.run(scope, async (em) => {
    await endFinishedSubscriptions(em, options.tenantId);
    const rates: RateForTax[] = await em.find(TaxRate, { tenantId: options.tenantId });
    const settings = await settingsOf(em, options.tenantId);
    const policy = await policyOf(em, options.tenantId);
    const context: IssueContext = { tenantId: options.tenantId, runId: run.id, invoicePrefix: settings.invoicePrefix, dueDays: policy.dueDays };
    return { rates, context };
  });
  let issued = 0;
  try {
    for (;;) {
      const count = await db.run(scope, async (em) => {
        // One batch at a time per tenant, whichever process runs it.
        await lockKey(em, `billing-run:${options.tenantId}`);
        const due = await lockDueSubscriptions(em, options.tenantId, options.asOf, options.batchSize);
        if (due.length === 0) return 0;
        // Money changes lock subscriber ledgers first, then invoices, then the number series.
        await lockLedgers(em, due.map((subscription) => subscription.subscriberId));
        const usage = await usageOfPreviousPeriods(em, options.tenantId, due);
        const built = due.map((subscription) => buildInvoice(subscription, prepared.rates, usage.get(subscription.id), options.asOf));
        const written = await writeIssuedInvoices(em, prepared.context, built);
        await em.execute(`update billing_run set invoices_issued = invoices_issued + ?, reported_at = now() where id = ?`, [written, run.id]);
        return written;
      });
      if (count === 0) break;
      issued += count;
      options.onBatch?.(issued);
    }
  } catch (error) {
    await db.run(scope, (em) =>
      em.execute(`update billing_run set status = 'failed', finished_at = now(), error = ? where id = ?`, [String((error as Error).message ?? error).slice(0, 500), run.id]),
    );
    throw error;
  }
  return db.run(scope, async (em) => {
    await em.execute(`update billing_run set status = ?, finished_at = now() where id = ?`, [BillingRunStatus.COMPLETED, run.id]);
    return em.findOneOrFail(BillingRun, { id: run.id }, { refresh: true } as never);
  });
}
