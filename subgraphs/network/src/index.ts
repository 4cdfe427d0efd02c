export { buildSchema } from './schema.js';
export { startNetworkSubgraph } from './app.js';
export { readNetworkConfig, type NetworkConfig } from './config.js';
export { databaseModel } from './entities.js';
export { CredentialCipher, parseCredentialsKey } from './credentials/credential-cipher.js';
