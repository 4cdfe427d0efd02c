import { buildFederatedSchema, type ReferenceResolvers } from '@dotmac/kernel';
import { SubscriberAddressesResolver } from './address/service-address.resolver.js';
import { SubscriberChangeLogResolver } from './change-log/change-log.resolver.js';
import { SubscriberContactsResolver } from './contact/contact.resolver.js';
import { CustomFieldDefinitionResolver } from './custom-field/custom-field-definition.resolver.js';
import { SubscriberCustomFieldsResolver } from './custom-field/subscriber-custom-fields.resolver.js';
import { ImportResolver } from './import/import.resolver.js';
import { SubscriberNotesResolver } from './note/note.resolver.js';
import { resolveSubscriberReference } from './subscriber/subscriber.reference.js';
import { SubscriberResolver } from './subscriber/subscriber.resolver.js';
import { TenantSubscribersResolver } from './tenant/tenant-subscribers.resolver.js';

/** The customers subgraph schema (and its SDL, for composition). */
export function buildSchema() {
  return buildFederatedSchema({
    resolvers: [
      SubscriberResolver,
      SubscriberContactsResolver,
      SubscriberAddressesResolver,
      SubscriberCustomFieldsResolver,
      CustomFieldDefinitionResolver,
      SubscriberNotesResolver,
      SubscriberChangeLogResolver,
      ImportResolver,
      TenantSubscribersResolver,
    ],
    references: { Subscriber: resolveSubscriberReference } as unknown as ReferenceResolvers,
  });
}
