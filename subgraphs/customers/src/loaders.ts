import DataLoader from 'dataloader';
import { isPlatformAdmin, PLATFORM_SCOPE, tenantScope, type Connection, type Database, type Scope, type Viewer } from '@dotmac/kernel';
import { addressesOf } from './address/service-address.service.js';
import type { ServiceAddress } from './address/service-address.entity.js';
import { ChangeLogEntry } from './change-log/change-log-entry.entity.js';
import { SubscriberChangeNode } from './change-log/change-log.type.js';
import type { Contact } from './contact/contact.entity.js';
import { contactsOf } from './contact/contact.service.js';
import type { CustomFieldValueNode } from './custom-field/custom-field.type.js';
import { valuesOf } from './custom-field/custom-field-value.service.js';
import { Note } from './note/note.entity.js';
import { NoteNode } from './note/note.type.js';
import { subscriberListLoader } from './shared/list-loader.js';
import { subscriberPagesLoader, type PageQuery } from './shared/subscriber-pages.js';
import { Subscriber } from './subscriber/subscriber.entity.js';
import { countByTenant } from './subscriber/subscriber.service.js';

export interface CustomersLoaders {
  subscriberById: DataLoader<string, Subscriber | undefined>;
  subscriberCountByTenant: DataLoader<string, number>;
  contactsBySubscriber: DataLoader<string, Contact[]>;
  addressesBySubscriber: DataLoader<string, ServiceAddress[]>;
  customFieldsBySubscriber: DataLoader<string, CustomFieldValueNode[]>;
  notePages: DataLoader<PageQuery, Connection<NoteNode>, string>;
  changeLogPages: DataLoader<PageQuery, Connection<SubscriberChangeNode>, string>;
}

/** Platform admins read across tenants here (these serve platform-level fields); others their own tenant. */
function readScope(viewer: Viewer): Scope | undefined {
  if (isPlatformAdmin(viewer)) return PLATFORM_SCOPE;
  return viewer.tenantId ? tenantScope(viewer.tenantId) : undefined;
}

export function createCustomersLoaders(db: Database, viewer: Viewer): CustomersLoaders {
  const scope = readScope(viewer);
  return {
    subscriberById: new DataLoader(async (ids) => {
      if (!scope) return ids.map(() => undefined);
      const rows = await db.run(scope, (em) => em.find(Subscriber, { id: { $in: [...ids] } }));
      const byId = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id));
    }),
    subscriberCountByTenant: new DataLoader(async (tenantIds) => {
      if (!scope) return tenantIds.map(() => 0);
      const counts = await db.run(scope, (em) => countByTenant(em, tenantIds));
      return tenantIds.map((id) => counts.get(id) ?? 0);
    }),
    contactsBySubscriber: subscriberListLoader(db, scope, contactsOf),
    addressesBySubscriber: subscriberListLoader(db, scope, addressesOf),
    customFieldsBySubscriber: subscriberListLoader(db, scope, valuesOf),
    notePages: subscriberPagesLoader(db, scope, { entity: Note, table: 'subscriber_note', timeColumn: 'created_at', timeOf: (row) => row.createdAt }, NoteNode.from),
    changeLogPages: subscriberPagesLoader(
      db,
      scope,
      { entity: ChangeLogEntry, table: 'subscriber_change', timeColumn: 'occurred_at', timeOf: (row) => row.occurredAt },
      SubscriberChangeNode.from,
    ),
  };
}
