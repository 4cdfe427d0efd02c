import type { SubgraphContext } from '@dotmac/kernel';
import type { TenantsLoaders } from './loaders.js';
import type { AuthService } from './auth/auth.service.js';

export interface TenantsServices {
  auth: AuthService;
}

export interface TenantsContext extends SubgraphContext<TenantsLoaders> {
  services: TenantsServices;
}
