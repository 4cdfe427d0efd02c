import { referenceResolver } from '../shared/reference.js';
import { NetworkInterface } from './interface.entity.js';
import { InterfaceType } from './interface.type.js';

export const resolveInterfaceReference = referenceResolver('NetworkInterface', NetworkInterface, InterfaceType.from);
