import { Arg, Args, Ctx, Field, FieldResolver, ID, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { ConnectionArgs, connectionType, expectGlobalId, runAuditedMutation, tenantScope, UserError } from '@dotmac/kernel';
import { readerScope, writerTenant } from '../access/billing-access.js';
import type { BillingContext } from '../context.js';
import { InvoiceErrors } from '../invoice/invoice.errors.js';
import { InvoiceNode } from '../invoice/invoice.type.js';
import { listCreditNotes, visibleCreditNote } from './credit-note-query.service.js';
import { CreditNoteFilter, IssueCreditNoteInput } from './credit-note.input.js';
import { issueCreditNote } from './credit-note.service.js';
import { CreditNoteLineNode, CreditNoteNode } from './credit-note.type.js';

export const CreditNoteConnection = connectionType(CreditNoteNode, 'CreditNote');

@ObjectType()
class CreditNotePayload {
  @Field(() => CreditNoteNode, { nullable: true }) creditNote?: CreditNoteNode;
  @Field(() => InvoiceNode, { nullable: true, description: 'The credited invoice, after the credit.' }) invoice?: InvoiceNode;
  @Field(() => [UserError]) userErrors: UserError[];
}

@Resolver(() => CreditNoteNode)
export class CreditNoteResolver {
  @Query(() => CreditNoteConnection, { description: 'Credit notes, newest first. A portal login sees its own.' })
  creditNotes(
    @Ctx() ctx: BillingContext,
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Arg('tenantId', () => ID, { nullable: true }) tenantId?: string,
    @Arg('filter', () => CreditNoteFilter, { nullable: true }) filter?: CreditNoteFilter,
  ) {
    const scope = readerScope(ctx.viewer, tenantId);
    return ctx.db.inTenant(scope.tenantId, (em) => listCreditNotes(em, scope, filter, page));
  }

  @Query(() => CreditNoteNode)
  creditNote(@Ctx() ctx: BillingContext, @Arg('id', () => ID) id: string, @Arg('tenantId', () => ID, { nullable: true }) tenantId?: string) {
    const scope = readerScope(ctx.viewer, tenantId);
    const creditNoteId = expectGlobalId(id, 'CreditNote');
    return ctx.db.inTenant(scope.tenantId, async (em) => CreditNoteNode.from(await visibleCreditNote(em, scope, creditNoteId)));
  }

  @Mutation(() => CreditNotePayload, { description: 'Credits an issued invoice, whole or per line; the invoice itself never changes.' })
  issueCreditNote(@Ctx() ctx: BillingContext, @Arg('input', () => IssueCreditNoteInput) input: IssueCreditNoteInput) {
    const tenantId = writerTenant(ctx.viewer, input.tenantId);
    return runAuditedMutation(ctx, {
      service: 'billing',
      operation: 'issueCreditNote',
      scope: tenantScope(tenantId),
      work: async (em) => {
        const { creditNote, invoice } = await issueCreditNote(em, tenantId, {
          invoiceId: expectGlobalId(input.invoiceId, 'Invoice', 'invoiceId'),
          reason: input.reason,
          whole: input.whole,
          lines: input.lines?.map((line, index) => ({
            invoiceLineId: expectGlobalId(line.invoiceLineId, 'InvoiceLine', `lines.${index}.invoiceLineId`),
            amountMinor: line.amount,
          })),
        });
        return {
          payload: { creditNote: CreditNoteNode.from(creditNote), invoice: InvoiceNode.from(invoice) },
          target: { type: 'CreditNote', id: creditNote.id, tenantId },
        };
      },
    });
  }

  @FieldResolver(() => InvoiceNode)
  async invoice(@Root() note: CreditNoteNode, @Ctx() ctx: BillingContext): Promise<InvoiceNode> {
    const row = await ctx.loaders.invoices.invoiceById.load(note.invoiceId);
    if (!row) throw InvoiceErrors.notFound();
    return InvoiceNode.from(row);
  }

  @FieldResolver(() => [CreditNoteLineNode])
  async lines(@Root() note: CreditNoteNode, @Ctx() ctx: BillingContext): Promise<CreditNoteLineNode[]> {
    return (await ctx.loaders.creditNotes.linesByCreditNote.load(note.rawId)).map((line) => CreditNoteLineNode.from(line, note.currency));
  }
}
