import { referenceResolver } from '../shared/reference.js';
import { Site } from './site.entity.js';
import { SiteType } from './site.type.js';

/** Resolves Site entities for the gateway (e.g. `node(id)`); another ISP's is NOT_FOUND. */
export const resolveSiteReference = referenceResolver('Site', Site, SiteType.from);
