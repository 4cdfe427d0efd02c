import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { AppError, recordEvent, type EntityManager } from '@dotmac/kernel';
import { ensureAccount } from '../account/billing-account.service.js';
import { Invoice, InvoiceStatus } from '../invoice/invoice.entity.js';
import { lockLedgers } from '../invoice/ledger-lock.js';
import { validAmount } from '../money/amount.js';
import { validCurrency } from '../money/currency.js';
import { allocate, openInvoices } from './allocation.js';
import { AllocationReason } from './payment-allocation.entity.js';
import { Payment, PaymentMethod } from './payment.entity.js';
import { PaymentErrors } from './payment.errors.js';
import { afterSettlement } from './settlement-hooks.js';

export interface NewPayment {
  subscriberId: string;
  amountMinor: number;
  currency: string;
  method: PaymentMethod;
  processor?: string | null;
  processorPaymentId?: string | null;
  receivedAt?: Date | null;
  /** Paid first; the rest goes to the oldest open invoices, then to account credit. */
  invoiceId?: string | null;
  memo?: string | null;
}

export interface RecordedPayment {
  payment: Payment;
  /** A retry of a payment already recorded with the same processor id: nothing was written. */
  duplicate: boolean;
}

/** Clock skew tolerated on `receivedAt`. */
const FUTURE_TOLERANCE_MS = 5 * 60_000;

function optionalText(value: string | null | undefined, field: string, max: number): string | undefined {
  const trimmed = value?.trim();
  if (!trimmed) return undefined;
  if (trimmed.length > max) throw AppError.badInput(`At most ${max} characters`, field);
  return trimmed;
}

/** An earlier payment with this processor id: the same one again is a retry, anything else a conflict. */
async function earlierRecord(em: EntityManager, input: NewPayment, currency: string): Promise<Payment | undefined> {
  if (!input.processorPaymentId) return undefined;
  const earlier = await em.findOne(Payment, { processorPaymentId: input.processorPaymentId }, { refresh: true });
  if (!earlier) return undefined;
  const same = earlier.subscriberId === input.subscriberId && earlier.amountMinor === input.amountMinor && earlier.currency === currency;
  if (!same) throw PaymentErrors.retryDiffers();
  return earlier;
}

async function targetInvoice(em: EntityManager, input: NewPayment, currency: string): Promise<Invoice | undefined> {
  if (!input.invoiceId) return undefined;
  const invoice = await em.findOne(Invoice, { id: input.invoiceId });
  if (!invoice) throw AppError.notFound('Invoice', undefined);
  if (invoice.subscriberId !== input.subscriberId) throw PaymentErrors.invoiceOfAnother();
  if (invoice.status === InvoiceStatus.VOID) throw PaymentErrors.invoiceVoid(invoice.number);
  if (invoice.status === InvoiceStatus.DRAFT) throw PaymentErrors.invoiceDraft();
  if (invoice.currency !== currency) throw PaymentErrors.currencyMismatch(invoice.currency, currency);
  return invoice;
}

/**
 * Records money received from a subscriber and allocates it: to `invoiceId` first when given, then
 * to the subscriber's oldest open invoices; what is left is account credit, applied to the next
 * invoice issued. A retry with the same processor payment id returns the payment already recorded
 * and writes nothing.
 */
export async function recordPayment(em: EntityManager, tenantId: string, input: NewPayment): Promise<RecordedPayment> {
  const amountMinor = validAmount(input.amountMinor, 'amount');
  const currency = validCurrency(input.currency);
  const processor = optionalText(input.processor, 'processor', 100);
  const processorPaymentId = optionalText(input.processorPaymentId, 'processorPaymentId', 200);
  const memo = optionalText(input.memo, 'memo', 2000);
  const receivedAt = input.receivedAt ?? new Date();
  if (Number.isNaN(receivedAt.getTime()) || receivedAt.getTime() > Date.now() + FUTURE_TOLERANCE_MS) throw PaymentErrors.inTheFuture();
  const request = { ...input, amountMinor, processorPaymentId };

  const retried = await earlierRecord(em, request, currency);
  if (retried) return { payment: retried, duplicate: true };
  await ensureAccount(em, tenantId, input.subscriberId, currency);
  await lockLedgers(em, [input.subscriberId]);
  // A concurrent retry of the same subscriber may have committed while this one waited for the lock.
  const raced = await earlierRecord(em, request, currency);
  if (raced) return { payment: raced, duplicate: true };
  const target = await targetInvoice(em, request, currency);

  const payment = em.create(Payment, {
    tenantId, subscriberId: input.subscriberId, amountMinor, currency, method: input.method, processor, processorPaymentId,
    unallocatedMinor: amountMinor, receivedAt, memo,
  });
  await em.flush().catch((error: unknown) => {
    // Another subscriber's payment took this processor id at the same moment.
    if (error instanceof UniqueConstraintViolationException) throw PaymentErrors.retryDiffers();
    throw error;
  });
  const others = (await openInvoices(em, input.subscriberId)).filter((invoice) => invoice.id !== target?.id);
  allocate(em, [payment], target ? [target, ...others] : others, AllocationReason.PAYMENT);
  await em.flush();
  await afterSettlement(em, tenantId, input.subscriberId);
  recordEvent(em, 'billing.payment.recorded', tenantId, {
    paymentId: payment.id, subscriberId: payment.subscriberId, amountMinor, currency, unallocatedMinor: payment.unallocatedMinor,
  });
  return { payment, duplicate: false };
}
