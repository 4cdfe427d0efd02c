import { OutboxEvent } from '@dotmac/kernel';
import { BillingAccount } from './account/billing-account.entity.js';
import { CreditNoteLine } from './credit-note/credit-note-line.entity.js';
import { CreditNote } from './credit-note/credit-note.entity.js';
import { DunningActionRecord } from './dunning/dunning-action.entity.js';
import { DunningPolicy } from './dunning/dunning-policy.entity.js';
import { InvoiceLineTax } from './invoice/invoice-line-tax.entity.js';
import { InvoiceLine } from './invoice/invoice-line.entity.js';
import { Invoice } from './invoice/invoice.entity.js';
import { migrations } from './migrations/index.js';
import { PaymentAllocation } from './payment/payment-allocation.entity.js';
import { Payment } from './payment/payment.entity.js';
import { ServicePlan } from './plan/service-plan.entity.js';
import { BillingRun } from './run/billing-run.entity.js';
import { BillingSettings } from './settings/billing-settings.entity.js';
import { Subscription } from './subscription/subscription.entity.js';
import { TaxRate } from './tax/tax-rate.entity.js';
import { UsageEvent } from './usage/usage-event.entity.js';

export const entities = [
  BillingSettings,
  DunningPolicy,
  DunningActionRecord,
  ServicePlan,
  BillingAccount,
  Subscription,
  TaxRate,
  Invoice,
  InvoiceLine,
  InvoiceLineTax,
  Payment,
  PaymentAllocation,
  CreditNote,
  CreditNoteLine,
  UsageEvent,
  BillingRun,
  OutboxEvent,
];
export const databaseModel = { entities, migrations };
