import { Arg, Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { AppError, ConnectionArgs, SortDirection } from '@dotmac/kernel';
import type { CustomersContext } from '../context.js';
import { canReadInternalRecords } from '../shared/access.js';
import { ChronologicalOrder } from '../shared/chronological-order.js';
import { pageArgs } from '../shared/page-args.js';
import { SubscriberNode } from '../subscriber/subscriber.type.js';
import { SubscriberChangeConnection, SubscriberChangeFilter } from './change-log.type.js';

@Resolver(() => SubscriberNode)
export class SubscriberChangeLogResolver {
  @FieldResolver(() => SubscriberChangeConnection, { description: 'Every change to this subscriber and its details: who, when, what. Staff only.' })
  changeLog(
    @Root() subscriber: SubscriberNode,
    @Ctx() ctx: CustomersContext,
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Arg('filter', () => SubscriberChangeFilter, { nullable: true }) filter?: SubscriberChangeFilter,
    @Arg('orderBy', () => ChronologicalOrder, { nullable: true }) orderBy?: ChronologicalOrder,
  ) {
    if (!canReadInternalRecords(ctx.viewer)) throw AppError.forbidden("Only staff read a subscriber's change log");
    const actions = filter?.actions?.length ? filter.actions : undefined;
    return ctx.loaders.changeLogPages.load({
      subscriberId: subscriber.subscriberId,
      args: pageArgs(page),
      direction: orderBy?.direction ?? SortDirection.DESC,
      where: actions && { sql: 't.action in (select jsonb_array_elements_text(?::jsonb))', params: [JSON.stringify(actions)] },
    });
  }
}
