import { OutboxEvent } from '@dotmac/kernel';
import { ServiceAddress } from './address/service-address.entity.js';
import { ChangeLogEntry } from './change-log/change-log-entry.entity.js';
import { Contact } from './contact/contact.entity.js';
import { CustomFieldDefinition } from './custom-field/custom-field-definition.entity.js';
import { CustomFieldValue } from './custom-field/custom-field-value.entity.js';
import { Note } from './note/note.entity.js';
import { Subscriber } from './subscriber/subscriber.entity.js';
import { migrations } from './migrations/index.js';

export const entities = [Subscriber, Contact, ServiceAddress, CustomFieldDefinition, CustomFieldValue, Note, ChangeLogEntry, OutboxEvent];
export const databaseModel = { entities, migrations };
