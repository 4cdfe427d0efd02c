import { AppError } from '@dotmac/kernel';
import { MAX_AMOUNT_MINOR } from '../money/amount.js';
import { formatScaledDecimal, parseScaledDecimal, roundHalfUp } from '../money/rounding.js';
import { QUANTITY_SCALE, UNIT_PRICE_SCALE } from '../money/tiers.js';
import { InvoiceLineKind } from './invoice-line.entity.js';

/** A line as a client writes it: decimal text for quantity and unit price (minor units). */
export interface LineRequest {
  description: string;
  quantity: string;
  unitPrice: string;
  kind?: InvoiceLineKind | null;
}

/** A line checked and priced: its amount is rounded HALF_UP once, here. */
export interface PricedLine {
  description: string;
  kind: InvoiceLineKind;
  quantity: string;
  unitPriceMinor: string;
  amountMinor: number;
}

export const MAX_LINES_PER_INVOICE = 500;
const MAX_DESCRIPTION = 500;

/** The amount of `quantity` × `unitPrice`, both scaled by 10^6, rounded HALF_UP to a minor unit. */
export function lineAmount(quantityScaled: bigint, unitPriceScaled: bigint): number {
  return Number(roundHalfUp(quantityScaled * unitPriceScaled, 10n ** BigInt(QUANTITY_SCALE + UNIT_PRICE_SCALE)));
}

/** Checks one requested line (`field` names it in errors, e.g. "lines.2") and prices it. */
export function priceLine(line: LineRequest, field: string): PricedLine {
  const description = line.description.trim();
  if (description.length < 1 || description.length > MAX_DESCRIPTION) {
    throw AppError.badInput(`A line description is 1–${MAX_DESCRIPTION} characters`, `${field}.description`);
  }
  const quantity = parseScaledDecimal(line.quantity, QUANTITY_SCALE);
  if (quantity === undefined || quantity <= 0n) {
    throw AppError.badInput('Quantity is a positive decimal with at most six decimal places (e.g. "1" or "2.5")', `${field}.quantity`);
  }
  const unitPrice = parseScaledDecimal(line.unitPrice, UNIT_PRICE_SCALE);
  if (unitPrice === undefined) {
    throw AppError.badInput('Unit price is zero or more minor units, with at most six decimal places (e.g. "7999" or "0.5")', `${field}.unitPrice`);
  }
  const amountMinor = lineAmount(quantity, unitPrice);
  if (amountMinor > MAX_AMOUNT_MINOR) throw AppError.badInput(`A line amount exceeds the limit of ${MAX_AMOUNT_MINOR} minor units`, `${field}.unitPrice`);
  return {
    description,
    kind: line.kind ?? InvoiceLineKind.MANUAL,
    quantity: formatScaledDecimal(quantity, QUANTITY_SCALE),
    unitPriceMinor: formatScaledDecimal(unitPrice, UNIT_PRICE_SCALE),
    amountMinor,
  };
}

/** A stored decimal ("2.500000") as a client reads it ("2.5"). */
export const plainDecimal = (stored: string, scale: number): string => formatScaledDecimal(parseScaledDecimal(stored, scale) ?? 0n, scale);
