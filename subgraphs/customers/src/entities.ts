import { OutboxEvent } from '@dotmac/kernel';
import { Subscriber } from './subscriber/subscriber.entity.js';
import { migrations } from './migrations/index.js';

export const entities = [Subscriber, OutboxEvent];
export const databaseModel = { entities, migrations };
