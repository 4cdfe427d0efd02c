import { AppError } from '../errors/app-error.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Relay global id: base64url of `Type:uuid`. Opaque to clients, stable for the object's life. */
export function toGlobalId(type: string, id: string): string {
  return Buffer.from(`${type}:${id}`, 'utf8').toString('base64url');
}

export interface DecodedGlobalId {
  type: string;
  id: string;
}

/** Decodes a global id; a malformed one answers BAD_USER_INPUT naming the field. */
export function fromGlobalId(globalId: string, field = 'id'): DecodedGlobalId {
  const decoded = /^[A-Za-z0-9_-]+$/.test(globalId) ? Buffer.from(globalId, 'base64url').toString('utf8') : '';
  const colon = decoded.indexOf(':');
  const type = decoded.slice(0, colon);
  const id = decoded.slice(colon + 1);
  if (colon <= 0 || !/^[A-Z][A-Za-z]*$/.test(type) || !UUID.test(id)) {
    throw AppError.badInput(`Malformed global id "${globalId}"`, field);
  }
  return { type, id: id.toLowerCase() };
}

/** Decodes a global id that must name an object of `expectedType`; another type is BAD_USER_INPUT. */
export function expectGlobalId(globalId: string, expectedType: string, field = 'id'): string {
  const { type, id } = fromGlobalId(globalId, field);
  if (type !== expectedType) throw AppError.badInput(`Expected a ${expectedType} id, got a ${type} id`, field);
  return id;
}
