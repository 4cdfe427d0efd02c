import PDFDocument from 'pdfkit';
import { formatMinor, minorDigits } from '../money/currency.js';
import { formatScaledDecimal, parseScaledDecimal } from '../money/rounding.js';
import { UNIT_PRICE_SCALE } from '../money/tiers.js';

export interface InvoicePdfTax {
  name: string;
  jurisdiction: string;
  /** Percent as decimal text ("7.25"). */
  rate: string;
  amountMinor: number;
}

export interface InvoicePdfLine {
  description: string;
  quantity: string;
  /** Minor units per unit, decimal text. */
  unitPriceMinor: string;
  amountMinor: number;
  taxes: InvoicePdfTax[];
}

/** Everything printed on an invoice document. */
export interface InvoicePdfData {
  number: string;
  status: string;
  currency: string;
  subscriberReference: string;
  issueDate?: string;
  dueDate?: string;
  periodStart?: string;
  periodEnd?: string;
  memo?: string;
  lines: InvoicePdfLine[];
  subtotalMinor: number;
  taxMinor: number;
  totalMinor: number;
  creditedMinor: number;
  paidMinor: number;
  balanceDueMinor: number;
}

const LEFT = 50;
const COLUMNS = { description: LEFT, quantity: 300, unitPrice: 370, amount: 465 };
const WIDTHS = { description: 240, quantity: 60, unitPrice: 85, amount: 80 };
const PAGE_BOTTOM = 760;

/** A unit price in major units with the currency's digits at least ("79.99", "0.005"). */
export function formatUnitPrice(unitPriceMinor: string, currency: string): string {
  const digits = minorDigits(currency);
  const text = formatScaledDecimal(parseScaledDecimal(unitPriceMinor, UNIT_PRICE_SCALE) ?? 0n, UNIT_PRICE_SCALE + digits);
  const [whole, fraction = ''] = text.split('.');
  return digits || fraction ? `${whole}.${fraction.padEnd(digits, '0')}` : whole!;
}

/** Taxes of all lines summed per rate, in first-seen order. */
function taxesPerRate(lines: readonly InvoicePdfLine[]): InvoicePdfTax[] {
  const sums = new Map<string, InvoicePdfTax>();
  for (const tax of lines.flatMap((line) => line.taxes)) {
    const key = `${tax.jurisdiction}|${tax.name}|${tax.rate}`;
    const sum = sums.get(key) ?? { ...tax, amountMinor: 0 };
    sum.amountMinor += tax.amountMinor;
    sums.set(key, sum);
  }
  return [...sums.values()];
}

/** Renders an invoice as a PDF with the built-in Helvetica (no font files). */
export function renderInvoicePdf(data: InvoicePdfData): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: LEFT, info: { Title: `Invoice ${data.number}` } });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const money = (amountMinor: number) => `${formatMinor(amountMinor, data.currency)} ${data.currency}`;
  const row = (cells: Partial<Record<keyof typeof COLUMNS, string>>, bold = false) => {
    if (doc.y > PAGE_BOTTOM) doc.addPage();
    const y = doc.y;
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(10);
    let bottom = y;
    for (const [column, text] of Object.entries(cells) as Array<[keyof typeof COLUMNS, string]>) {
      doc.text(text, COLUMNS[column], y, { width: WIDTHS[column], align: column === 'description' ? 'left' : 'right' });
      bottom = Math.max(bottom, doc.y);
    }
    doc.x = LEFT;
    doc.y = bottom + 4;
  };

  doc.font('Helvetica-Bold').fontSize(20).text(`Invoice ${data.number}`, LEFT, LEFT);
  if (data.status === 'void') doc.fillColor('red').fontSize(14).text('VOID').fillColor('black');
  doc.moveDown(0.5).font('Helvetica').fontSize(10);
  doc.text(`Account: ${data.subscriberReference}`);
  if (data.issueDate) doc.text(`Issue date: ${data.issueDate}`);
  if (data.dueDate) doc.text(`Due date: ${data.dueDate}`);
  if (data.periodStart && data.periodEnd) doc.text(`Period: ${data.periodStart} to ${data.periodEnd} (end exclusive)`);
  if (data.memo) doc.text(`Memo: ${data.memo}`);
  doc.moveDown();

  row({ description: 'Description', quantity: 'Qty', unitPrice: 'Unit price', amount: 'Amount' }, true);
  for (const line of data.lines) {
    row({ description: line.description, quantity: line.quantity, unitPrice: formatUnitPrice(line.unitPriceMinor, data.currency), amount: money(line.amountMinor) });
  }
  doc.moveDown();
  for (const tax of taxesPerRate(data.lines)) row({ description: `${tax.name} (${tax.jurisdiction}) ${tax.rate}%`, amount: money(tax.amountMinor) });
  doc.moveDown(0.5);
  row({ description: 'Subtotal', amount: money(data.subtotalMinor) });
  row({ description: 'Tax', amount: money(data.taxMinor) });
  row({ description: 'Total', amount: money(data.totalMinor) }, true);
  row({ description: 'Credited', amount: money(data.creditedMinor) });
  row({ description: 'Paid', amount: money(data.paidMinor) });
  row({ description: 'Balance due', amount: money(data.balanceDueMinor) }, true);
  doc.end();
  return done;
}
