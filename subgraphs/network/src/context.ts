import type { SubgraphContext } from '@dotmac/kernel';
import type { CredentialCipher } from './credentials/credential-cipher.js';
import type { NetworkLoaders } from './loaders.js';

export type NetworkContext = SubgraphContext<NetworkLoaders> & { credentials: CredentialCipher };
