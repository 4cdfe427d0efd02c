import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';

export const REQUEST_ID_HEADER = 'x-request-id';
const ACCEPTABLE_REQUEST_ID = /^[\w.:-]{1,128}$/;

/**
 * Gives every request an id, kept from the caller's `x-request-id` when it looks like one, echoed
 * in the response and forwarded to subgraphs so one request can be followed through every log.
 */
export const requestIdMiddleware: RequestHandler = (req, res, next) => {
  const requestId = acceptedRequestId(req.header(REQUEST_ID_HEADER));
  res.locals.requestId = requestId;
  res.setHeader(REQUEST_ID_HEADER, requestId);
  next();
};

/** The caller's request id when it looks like one, else a new one. */
export function acceptedRequestId(given: string | undefined): string {
  return given && ACCEPTABLE_REQUEST_ID.test(given) ? given : randomUUID();
}

export function requestIdOf(locals: Record<string, unknown>): string {
  return typeof locals.requestId === 'string' ? locals.requestId : randomUUID();
}
