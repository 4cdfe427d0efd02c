import { buildFederatedSchema, type ReferenceResolvers } from '@dotmac/kernel';
import { resolveCreditNoteReference } from './credit-note/credit-note.reference.js';
import { CreditNoteResolver } from './credit-note/credit-note.resolver.js';
import { InvoiceFieldsResolver, InvoiceLineFieldsResolver } from './invoice/invoice-fields.resolver.js';
import { resolveInvoiceReference } from './invoice/invoice.reference.js';
import { InvoiceResolver } from './invoice/invoice.resolver.js';
import { PaymentAllocationFieldsResolver, PaymentFieldsResolver } from './payment/payment-fields.resolver.js';
import { resolvePaymentReference } from './payment/payment.reference.js';
import { PaymentResolver } from './payment/payment.resolver.js';
import { BillingSettingsResolver } from './settings/billing-settings.resolver.js';
import { SubscriberLedgerResolver } from './subscriber/subscriber-ledger.resolver.js';

/** The billing subgraph schema (and its SDL, for composition). */
export function buildSchema() {
  return buildFederatedSchema({
    resolvers: [
      BillingSettingsResolver,
      InvoiceResolver,
      InvoiceFieldsResolver,
      InvoiceLineFieldsResolver,
      PaymentResolver,
      PaymentFieldsResolver,
      PaymentAllocationFieldsResolver,
      CreditNoteResolver,
      SubscriberLedgerResolver,
    ],
    references: {
      Invoice: resolveInvoiceReference,
      Payment: resolvePaymentReference,
      CreditNote: resolveCreditNoteReference,
    } as unknown as ReferenceResolvers,
  });
}
