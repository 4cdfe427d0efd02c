import { AppError } from '@dotmac/kernel';

export const CreditNoteErrors = {
  notFound: (id?: string) => AppError.notFound('CreditNote', id),
  wholeOrLines: () => AppError.badInput('Give either the lines to credit or whole: true', 'lines'),
  draft: () => AppError.conflict('A draft is corrected by editing it, not with a credit note', 'invoiceId'),
  isVoid: (number?: string) => AppError.conflict(`Invoice ${number} is void; nothing is left to credit`, 'invoiceId'),
  nothingLeft: (number?: string) => AppError.conflict(`Invoice ${number} is fully credited already`, 'whole'),
  lineNotOnInvoice: (field: string) => AppError.badInput('This line is not on the invoice', field),
  lineTwice: (field: string) => AppError.badInput('Each invoice line is credited at most once per credit note', field),
  exceedsRemaining: (field: string, remainingMinor: number) =>
    AppError.badInput(`The amount exceeds what is left to credit on this line (${remainingMinor} minor units)`, field),
  reason: () => AppError.badInput('A reason is 1–500 characters', 'reason'),
} as const;
