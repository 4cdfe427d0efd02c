/** The closed set of codes a client can see in `extensions.code`. */
export enum ErrorCode {
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  NOT_FOUND = 'NOT_FOUND',
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  CONFLICT = 'CONFLICT',
  RATE_LIMITED = 'RATE_LIMITED',
  ENTITLEMENT_REQUIRED = 'ENTITLEMENT_REQUIRED',
  INTERNAL = 'INTERNAL',
}

export const PUBLIC_ERROR_CODES: ReadonlySet<string> = new Set(Object.values(ErrorCode));
