/**
 * Deterministic fixture data: every record is a pure function of its index, so two runs (and two
 * gateways) always see the same graph. Nulls appear on fixed arithmetic patterns.
 */
export const USER_COUNT = 50;
export const PRODUCT_COUNT = 200;
export const REVIEW_COUNT = 400;
export const BRAND_COUNT = 10;

export interface UserRecord { id: string; name: string; username: string; birthDate: string | null }
export interface ProductRecord {
  upc: string;
  name: string;
  price: number | null;
  weight: number;
  brandId: string;
  kind: 'BOOK' | 'FURNITURE';
  tags: (string | null)[];
}
export interface ReviewRecord { id: string; body: string; rating: number | null; authorId: string; productUpc: string; editorNote: string | null }
export interface BrandRecord { id: string; name: string }

const pad = (value: number) => String(value).padStart(2, '0');

export function userAt(index: number): UserRecord {
  return {
    id: `u${index}`,
    name: `User ${index}`,
    username: `user${index}`,
    birthDate: index % 5 === 0 ? null : `${1960 + (index % 40)}-${pad(1 + (index % 12))}-${pad(1 + (index % 28))}`,
  };
}

export function productAt(index: number): ProductRecord {
  return {
    upc: `p${index}`,
    name: `${index % 2 === 0 ? 'Book' : 'Chair'} ${index}`,
    price: index % 13 === 0 ? null : 100 + ((index * 37) % 1900),
    weight: 1 + ((index * 11) % 60),
    brandId: `b${1 + (index % BRAND_COUNT)}`,
    kind: index % 2 === 0 ? 'BOOK' : 'FURNITURE',
    tags: [`t${index % 4}`, index % 3 === 0 ? null : `t${index % 5}`, `k${index % 7}`],
  };
}

export function reviewAt(index: number): ReviewRecord {
  return {
    id: `r${index}`,
    body: `Review ${index} of product ${1 + ((index * 7) % PRODUCT_COUNT)}`,
    rating: index % 9 === 0 ? null : 1 + (index % 5),
    authorId: `u${1 + ((index * 3) % USER_COUNT)}`,
    productUpc: `p${1 + ((index * 7) % PRODUCT_COUNT)}`,
    editorNote: index % 3 === 0 ? `Note on review ${index}` : null,
  };
}

export function brandAt(index: number): BrandRecord {
  return { id: `b${index}`, name: `Brand ${index}` };
}

/** The index a generated id like `u12` or `p7` stands for, or undefined if it names no record. */
export function indexOf(id: string, prefix: string, count: number): number | undefined {
  if (!id.startsWith(prefix)) return undefined;
  const index = Number(id.slice(prefix.length));
  return Number.isInteger(index) && index >= 1 && index <= count && String(index) === id.slice(prefix.length) ? index : undefined;
}

export const range = (count: number, from = 1): number[] => Array.from({ length: Math.max(0, count) }, (_, offset) => from + offset);

export const ALL_REVIEWS: readonly ReviewRecord[] = range(REVIEW_COUNT).map(reviewAt);
