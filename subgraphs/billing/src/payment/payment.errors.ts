import { AppError } from '@dotmac/kernel';

export const PaymentErrors = {
  notFound: (id?: string) => AppError.notFound('Payment', id),
  retryDiffers: () =>
    AppError.conflict('This processor payment id is already recorded with another subscriber, amount or currency', 'processorPaymentId'),
  invoiceOfAnother: () => AppError.badInput('The invoice belongs to another subscriber', 'invoiceId'),
  invoiceVoid: (number?: string) => AppError.conflict(`Invoice ${number} is void and cannot be paid`, 'invoiceId'),
  invoiceDraft: () => AppError.conflict('A draft invoice cannot be paid; issue it first', 'invoiceId'),
  currencyMismatch: (expected: string, given: string) => AppError.badInput(`The invoice is in ${expected}; a ${given} payment cannot pay it`, 'currency'),
  inTheFuture: () => AppError.badInput('A payment cannot be received in the future', 'receivedAt'),
} as const;
