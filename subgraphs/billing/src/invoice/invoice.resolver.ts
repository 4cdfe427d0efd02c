import { Arg, Args, Ctx, Field, ID, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { ConnectionArgs, connectionType, expectGlobalId, runAuditedMutation, tenantScope, UserError, type EntityManager } from '@dotmac/kernel';
import { readerScope, writerTenant } from '../access/billing-access.js';
import type { BillingContext } from '../context.js';
import { addDraftLine, createDraft, removeDraftLine } from './invoice-draft.service.js';
import { issueInvoice } from './invoice-issue.service.js';
import { listInvoices, visibleInvoice } from './invoice-query.service.js';
import { voidInvoice } from './invoice-void.service.js';
import type { Invoice } from './invoice.entity.js';
import {
  AddInvoiceLineInput, CreateInvoiceInput, InvoiceFilter, InvoiceOrder, IssueInvoiceInput, RemoveInvoiceLineInput, VoidInvoiceInput,
} from './invoice.input.js';
import { InvoiceNode } from './invoice.type.js';

export const InvoiceConnection = connectionType(InvoiceNode, 'Invoice');

@ObjectType()
class InvoicePayload {
  @Field(() => InvoiceNode, { nullable: true }) invoice?: InvoiceNode;
  @Field(() => [UserError]) userErrors: UserError[];
}

function mutateInvoice(ctx: BillingContext, operation: string, tenantId: string, work: (em: EntityManager) => Promise<Invoice>) {
  return runAuditedMutation(ctx, {
    service: 'billing',
    operation,
    scope: tenantScope(tenantId),
    work: async (em) => {
      const invoice = await work(em);
      return { payload: { invoice: InvoiceNode.from(invoice) }, target: { type: 'Invoice', id: invoice.id, tenantId } };
    },
  });
}

const invoiceIdOf = (globalId: string) => expectGlobalId(globalId, 'Invoice', 'invoiceId');

@Resolver(() => InvoiceNode)
export class InvoiceResolver {
  @Query(() => InvoiceConnection, { description: "Invoices, newest first. Staff see the ISP's; a portal login sees its own issued invoices." })
  invoices(
    @Ctx() ctx: BillingContext,
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Arg('tenantId', () => ID, { nullable: true }) tenantId?: string,
    @Arg('filter', () => InvoiceFilter, { nullable: true }) filter?: InvoiceFilter,
    @Arg('orderBy', () => InvoiceOrder, { nullable: true }) orderBy?: InvoiceOrder,
  ) {
    const scope = readerScope(ctx.viewer, tenantId);
    return ctx.db.inTenant(scope.tenantId, (em) => listInvoices(em, scope, filter, orderBy, page));
  }

  @Query(() => InvoiceNode, { description: 'One invoice by global id; NOT_FOUND when the viewer may not see it.' })
  invoice(@Ctx() ctx: BillingContext, @Arg('id', () => ID) id: string, @Arg('tenantId', () => ID, { nullable: true }) tenantId?: string) {
    const scope = readerScope(ctx.viewer, tenantId);
    const invoiceId = expectGlobalId(id, 'Invoice');
    return ctx.db.inTenant(scope.tenantId, async (em) => InvoiceNode.from(await visibleInvoice(em, scope, invoiceId)));
  }

  @Mutation(() => InvoicePayload, { description: 'A manual draft invoice; lines can change until it is issued.' })
  createInvoice(@Ctx() ctx: BillingContext, @Arg('input', () => CreateInvoiceInput) input: CreateInvoiceInput) {
    const tenantId = writerTenant(ctx.viewer, input.tenantId);
    return mutateInvoice(ctx, 'createInvoice', tenantId, (em) =>
      createDraft(em, tenantId, { ...input, subscriberId: expectGlobalId(input.subscriberId, 'Subscriber', 'subscriberId') }),
    );
  }

  @Mutation(() => InvoicePayload, { description: 'Adds a line to a draft.' })
  addInvoiceLine(@Ctx() ctx: BillingContext, @Arg('input', () => AddInvoiceLineInput) input: AddInvoiceLineInput) {
    const tenantId = writerTenant(ctx.viewer, input.tenantId);
    return mutateInvoice(ctx, 'addInvoiceLine', tenantId, (em) => addDraftLine(em, invoiceIdOf(input.invoiceId), input.line));
  }

  @Mutation(() => InvoicePayload, { description: 'Removes a line from a draft.' })
  removeInvoiceLine(@Ctx() ctx: BillingContext, @Arg('input', () => RemoveInvoiceLineInput) input: RemoveInvoiceLineInput) {
    const tenantId = writerTenant(ctx.viewer, input.tenantId);
    return mutateInvoice(ctx, 'removeInvoiceLine', tenantId, (em) => removeDraftLine(em, expectGlobalId(input.lineId, 'InvoiceLine', 'lineId')));
  }

  @Mutation(() => InvoicePayload, {
    description: 'Issues a draft: taxes, totals, due date and the next gapless number; account credit is applied to it.',
  })
  issueInvoice(@Ctx() ctx: BillingContext, @Arg('input', () => IssueInvoiceInput) input: IssueInvoiceInput) {
    const tenantId = writerTenant(ctx.viewer, input.tenantId);
    return mutateInvoice(ctx, 'issueInvoice', tenantId, (em) => issueInvoice(em, invoiceIdOf(input.invoiceId), input.issueDate ?? undefined));
  }

  @Mutation(() => InvoicePayload, { description: 'Voids an issued invoice with no payments or credit notes; its number stays used.' })
  voidInvoice(@Ctx() ctx: BillingContext, @Arg('input', () => VoidInvoiceInput) input: VoidInvoiceInput) {
    const tenantId = writerTenant(ctx.viewer, input.tenantId);
    return mutateInvoice(ctx, 'voidInvoice', tenantId, (em) => voidInvoice(em, invoiceIdOf(input.invoiceId), input.reason));
  }
}
