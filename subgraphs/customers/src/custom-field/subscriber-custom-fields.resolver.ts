import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { AppError, expectGlobalId, requireRole } from '@dotmac/kernel';
import type { CustomersContext } from '../context.js';
import { canReadSubscriberDetails, WRITERS } from '../shared/access.js';
import { mutateRecord } from '../shared/mutation.js';
import { SubscriberPayload } from '../shared/payloads.js';
import { SubscriberNode } from '../subscriber/subscriber.type.js';
import { SetCustomFieldValuesInput } from './custom-field.input.js';
import { CustomFieldValueNode } from './custom-field.type.js';
import { setCustomFieldValues } from './custom-field-value.service.js';

@Resolver(() => SubscriberNode)
export class SubscriberCustomFieldsResolver {
  @FieldResolver(() => [CustomFieldValueNode], { description: 'Values of the ISP\'s active custom fields that this subscriber has.' })
  async customFields(@Root() subscriber: SubscriberNode, @Ctx() ctx: CustomersContext): Promise<CustomFieldValueNode[]> {
    if (!canReadSubscriberDetails(ctx.viewer, subscriber.subscriberId)) throw AppError.forbidden("Not allowed to read this subscriber's custom fields");
    return ctx.loaders.customFieldsBySubscriber.load(subscriber.subscriberId);
  }

  @Mutation(() => SubscriberPayload, { description: 'Sets (null: clears) custom field values, each checked against its definition.' })
  setCustomFieldValues(@Ctx() ctx: CustomersContext, @Arg('input', () => SetCustomFieldValuesInput) input: SetCustomFieldValuesInput) {
    requireRole(ctx.viewer, ...WRITERS);
    return mutateRecord(ctx, {
      operation: 'setCustomFieldValues',
      work: async (em, actor) => {
        const subscriber = await setCustomFieldValues(em, expectGlobalId(input.subscriberId, 'Subscriber', 'subscriberId'), input.values, actor);
        return { payload: { subscriber: SubscriberNode.from(subscriber) }, target: { type: 'Subscriber', id: subscriber.id, tenantId: subscriber.tenantId } };
      },
    });
  }
}
