import { sumMinor } from '../money/amount.js';
import { roundHalfUp } from '../money/rounding.js';

/** One invoice line as crediting sees it: its net amount, its taxes per rate and what was credited before. */
export interface CreditableLine {
  amountMinor: number;
  taxMinor: number;
  /** The line's tax under each rate. */
  rateTaxesMinor: readonly number[];
  creditedAmountMinor: number;
  creditedTaxMinor: number;
}

/** Tax under each rate on the first `creditedMinor` of the line: each rate proportional, HALF_UP on its own. */
function taxThrough(line: CreditableLine, creditedMinor: number): number {
  if (creditedMinor >= line.amountMinor) return line.taxMinor;
  return sumMinor(line.rateTaxesMinor.map((tax) => Number(roundHalfUp(BigInt(tax) * BigInt(creditedMinor), BigInt(line.amountMinor)))));
}

/**
 * The tax a credit of `amountMinor` on the line gives back. Crediting is cumulative: after this
 * credit, the line's credited tax is each rate's tax times the share of the line credited so far,
 * rounded HALF_UP per rate; this credit takes the difference from what earlier credit notes took.
 * A first partial credit is therefore plainly proportional, partial credits can never add up to
 * more than the line's tax, and the credit that completes the line takes exactly the tax left.
 */
export function creditedTax(line: CreditableLine, amountMinor: number): number {
  const through = taxThrough(line, line.creditedAmountMinor + amountMinor);
  return Math.min(Math.max(0, through - line.creditedTaxMinor), line.taxMinor - line.creditedTaxMinor);
}
