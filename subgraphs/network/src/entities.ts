import { OutboxEvent } from '@dotmac/kernel';
import { migrations } from './migrations/index.js';
import { Site } from './site/site.entity.js';

export const entities = [Site, OutboxEvent];
export const databaseModel = { entities, migrations };
