import { PLATFORM_SCOPE, tenantScope, todayUtc, type Database, type Logger } from '@dotmac/kernel';
import { runDunningPass } from '../dunning/dunning.service.js';
import { BillingRunTrigger } from './billing-run.entity.js';
import { runBilling } from './billing-run.service.js';

/**
 * Runs billing and dunning for every tenant with work due today, every `intervalMs`. A tick never
 * overlaps the previous one; across replicas the per-tenant advisory locks keep work single.
 */
export class BillingScheduler {
  private timer: NodeJS.Timeout | undefined;
  private tick: Promise<void> | undefined;

  constructor(
    private readonly db: Database,
    private readonly logger: Logger,
    private readonly options: { intervalMs: number; batchSize: number; today?: () => string },
  ) {}

  start(): void {
    if (this.options.intervalMs <= 0) return;
    this.timer = setInterval(() => {
      if (!this.tick) this.tick = this.runOnce().finally(() => (this.tick = undefined));
    }, this.options.intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.tick;
  }

  /** One pass over every tenant: bill what is due, then chase what is overdue. */
  async runOnce(): Promise<void> {
    const asOf = this.options.today?.() ?? todayUtc();
    try {
      const tenants = await this.db.run(PLATFORM_SCOPE, (em) =>
        em.execute<{ tenant_id: string; billing: boolean }[]>(
          `select tenant_id, bool_or(billing) as billing from (
             select distinct tenant_id, true as billing from subscription where status in ('active', 'cancelled') and next_bill_date <= ?
             union all
             select distinct tenant_id, false from invoice where status in ('issued', 'partially_paid', 'overdue') and due_date < ?
           ) due group by tenant_id`,
          [asOf, asOf],
        ),
      );
      for (const { tenant_id: tenantId, billing } of tenants) {
        if (billing) await runBilling(this.db, { tenantId, asOf, trigger: BillingRunTrigger.SCHEDULER, batchSize: this.options.batchSize, logger: this.logger });
        await this.db.run(tenantScope(tenantId), (em) => runDunningPass(em, tenantId, asOf));
      }
    } catch (error) {
      this.logger.error({ err: error }, 'billing scheduler pass failed');
    }
  }
}
