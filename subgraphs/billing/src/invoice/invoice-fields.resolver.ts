import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { BillingContext } from '../context.js';
import { CreditNoteNode } from '../credit-note/credit-note.type.js';
import { PaymentAllocationNode } from '../payment/payment.type.js';
import { renderInvoicePdf } from './invoice-pdf.js';
import { InvoiceStatus } from './invoice.entity.js';
import { InvoiceLineNode, InvoiceLineTaxNode, InvoiceNode } from './invoice.type.js';

@Resolver(() => InvoiceNode)
export class InvoiceFieldsResolver {
  @FieldResolver(() => [InvoiceLineNode])
  async lines(@Root() invoice: InvoiceNode, @Ctx() ctx: BillingContext): Promise<InvoiceLineNode[]> {
    return (await ctx.loaders.invoices.linesByInvoice.load(invoice.rawId)).map((line) => InvoiceLineNode.from(line, invoice.currency));
  }

  @FieldResolver(() => [PaymentAllocationNode], { description: 'Payments and credit applied to this invoice (negative rows: released by credit notes).' })
  async payments(@Root() invoice: InvoiceNode, @Ctx() ctx: BillingContext): Promise<PaymentAllocationNode[]> {
    return (await ctx.loaders.payments.allocationsByInvoice.load(invoice.rawId)).map((row) => PaymentAllocationNode.from(row, invoice.currency));
  }

  @FieldResolver(() => [CreditNoteNode])
  async creditNotes(@Root() invoice: InvoiceNode, @Ctx() ctx: BillingContext): Promise<CreditNoteNode[]> {
    return (await ctx.loaders.creditNotes.creditNotesByInvoice.load(invoice.rawId)).map(CreditNoteNode.from);
  }

  @FieldResolver(() => String, { nullable: true, description: 'The invoice document as a base64 PDF; null for drafts.' })
  async pdf(@Root() invoice: InvoiceNode, @Ctx() ctx: BillingContext): Promise<string | null> {
    if (invoice.status === InvoiceStatus.DRAFT || !invoice.number) return null;
    const [lines, taxes] = await Promise.all([
      ctx.loaders.invoices.linesByInvoice.load(invoice.rawId),
      ctx.loaders.invoices.taxesByInvoice.load(invoice.rawId),
    ]);
    const pdf = await renderInvoicePdf({
      number: invoice.number,
      status: invoice.status,
      currency: invoice.currency,
      subscriberReference: invoice.subscriber.id,
      issueDate: invoice.issueDate,
      dueDate: invoice.dueDate,
      periodStart: invoice.periodStart,
      periodEnd: invoice.periodEnd,
      memo: invoice.memo,
      lines: lines.map((line) => {
        const node = InvoiceLineNode.from(line, invoice.currency);
        return {
          description: node.description,
          quantity: node.quantity,
          unitPriceMinor: node.unitPrice,
          amountMinor: line.amountMinor,
          taxes: taxes.filter((tax) => tax.lineId === line.id).map((tax) => ({ ...InvoiceLineTaxNode.from(tax, invoice.currency), amountMinor: tax.amountMinor })),
        };
      }),
      subtotalMinor: invoice.subtotal.amount,
      taxMinor: invoice.tax.amount,
      totalMinor: invoice.total.amount,
      creditedMinor: invoice.credited.amount,
      paidMinor: invoice.paid.amount,
      balanceDueMinor: invoice.balanceDue.amount,
    });
    return pdf.toString('base64');
  }
}

@Resolver(() => InvoiceLineNode)
export class InvoiceLineFieldsResolver {
  @FieldResolver(() => [InvoiceLineTaxNode], { description: 'One entry per tax rate applied (set when the invoice is issued).' })
  async taxes(@Root() line: InvoiceLineNode, @Ctx() ctx: BillingContext): Promise<InvoiceLineTaxNode[]> {
    const taxes = await ctx.loaders.invoices.taxesByInvoice.load(line.invoiceId);
    return taxes.filter((tax) => tax.lineId === line.rawId).map((tax) => InvoiceLineTaxNode.from(tax, line.currency));
  }
}
