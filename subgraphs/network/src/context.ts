import type { SubgraphContext } from '@dotmac/kernel';
import type { CredentialCipher } from './credentials/credential-cipher.js';
import type { NetworkLoaders } from './loaders.js';
import type { TelemetryIngestion } from './monitoring/telemetry/ingestion/ingestion.service.js';

export type NetworkContext = SubgraphContext<NetworkLoaders> & { credentials: CredentialCipher; telemetry: TelemetryIngestion };
