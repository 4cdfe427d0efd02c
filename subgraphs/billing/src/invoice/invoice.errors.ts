import { AppError } from '@dotmac/kernel';

const named = (number?: string) => (number ? `Invoice ${number}` : 'The invoice');

/** The expected failures of invoice work, each with its code and the input field at fault. */
export const InvoiceErrors = {
  notFound: (id?: string) => AppError.notFound('Invoice', id),
  lineNotFound: () => AppError.notFound('InvoiceLine'),
  notDraft: (number?: string) => AppError.conflict(`${named(number)} is issued and never changes; correct it with a credit note`, 'invoiceId'),
  notIssued: () => AppError.conflict('The invoice is still a draft', 'invoiceId'),
  isVoid: (number?: string) => AppError.conflict(`${named(number)} is void`, 'invoiceId'),
  empty: () => AppError.conflict('An invoice without lines cannot be issued', 'invoiceId'),
  notVoidable: (number: string | undefined, why: string) => AppError.conflict(`${named(number)} cannot be voided: ${why}`, 'invoiceId'),
  tooLarge: (field: string) => AppError.badInput('The invoice subtotal would exceed the limit of one amount', field),
  tooManyLines: (max: number) => AppError.badInput(`An invoice has at most ${max} lines`, 'lines'),
} as const;
