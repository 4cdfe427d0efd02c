/**
 * Runs one billing run outside the subgraph process, e.g. from cron or an operator's shell:
 *   DATABASE_URL=postgres://… TENANT_ID=<uuid> [AS_OF=YYYY-MM-DD] [BATCH_SIZE=1000] node subgraphs/billing/dist/cli/run-billing.js
 * Prints one line per committed batch and a summary; exits non-zero on failure.
 */
import { Database, env, isLocalDate, openOrm, readConfig, todayUtc } from '@dotmac/kernel';
import { databaseModel } from '../entities.js';
import { BillingRunTrigger } from '../run/billing-run.entity.js';
import { runBilling } from '../run/billing-run.service.js';

const config = readConfig({ DATABASE_URL: env.url(), TENANT_ID: env.string(), AS_OF: env.string(''), BATCH_SIZE: env.int(1000) });
const asOf = config.AS_OF || todayUtc();
if (!isLocalDate(asOf)) throw new Error(`AS_OF must be YYYY-MM-DD, got ${asOf}`);
const orm = await openOrm({ url: config.DATABASE_URL, ...databaseModel });
const db = new Database(orm);
try {
  const started = Date.now();
  const run = await runBilling(db, {
    tenantId: config.TENANT_ID,
    asOf,
    trigger: BillingRunTrigger.MANUAL,
    batchSize: config.BATCH_SIZE,
    onBatch: (issued) => console.log(`issued ${issued}`),
  });
  console.log(`run ${run.id} ${run.status}: ${run.invoicesIssued} invoices in ${((Date.now() - started) / 1000).toFixed(2)} s`);
} finally {
  await db.close();
}
