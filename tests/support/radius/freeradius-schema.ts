// The FreeRADIUS schema is the network subgraph's (its migration creates it); tests use the same definition.
export { assertIdentifier, FREERADIUS_TABLES, freeradiusGrantsSql, freeradiusSchemaSql } from '@dotmac/network/radius/freeradius-schema';
