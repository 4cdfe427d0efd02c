import { referenceResolver } from '../shared/reference.js';
import { Service } from './service.entity.js';
import { ServiceType } from './service.type.js';

/** Resolves Service entities for the gateway; another ISP's is NOT_FOUND. */
export const resolveServiceReference = referenceResolver('Service', Service, ServiceType.from);
