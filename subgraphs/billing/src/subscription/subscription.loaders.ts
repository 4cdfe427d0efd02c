import DataLoader from 'dataloader';
import type { Database, Viewer } from '@dotmac/kernel';
import { loaderScope } from '../access/read-scope.js';
import type { Subscription } from './subscription.entity.js';
import { subscriptionsOfSubscribers } from './subscription.service.js';

/** Every subscription of each subscriber asked for, one statement per page of subscribers. */
export function createSubscriptionsBySubscriberLoader(db: Database, viewer: Viewer): DataLoader<string, Subscription[]> {
  const scope = loaderScope(viewer);
  return new DataLoader(async (subscriberIds) => {
    if (!scope) return subscriberIds.map(() => []);
    const bySubscriber = await db.run(scope, (em) => subscriptionsOfSubscribers(em, subscriberIds));
    return subscriberIds.map((id) => bySubscriber.get(id) ?? []);
  });
}
