import { referenceResolver } from '../shared/reference.js';
import { IpAllocation } from './ip-allocation.entity.js';
import { IpAllocationType } from './ip-allocation.type.js';
import { IpPool } from './ip-pool.entity.js';
import { IpPoolType } from './ip-pool.type.js';
import { IpPrefix } from './ip-prefix.entity.js';
import { IpPrefixType } from './ip-prefix.type.js';

export const resolvePrefixReference = referenceResolver('IpPrefix', IpPrefix, IpPrefixType.from);
export const resolvePoolReference = referenceResolver('IpPool', IpPool, IpPoolType.from);
export const resolveAllocationReference = referenceResolver('IpAllocation', IpAllocation, IpAllocationType.from);
