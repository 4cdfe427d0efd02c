import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';

export const REQUEST_ID_HEADER = 'x-request-id';
const ACCEPTABLE_REQUEST_ID = /^[\w.:-]{1,128}$/;

/**
 * Gives every request an id, kept from the caller's `x-request-id` when it looks like one, echoed
 * in the response and forwarded to subgraphs so one request can be followed through every log.
 */
export const requestIdMiddleware: RequestHandler = (req, res, next) => {
  const given = req.header(REQUEST_ID_HEADER);
  const requestId = given && ACCEPTABLE_REQUEST_ID.test(given) ? given : randomUUID();
  res.locals.requestId = requestId;
  res.setHeader(REQUEST_ID_HEADER, requestId);
  next();
};

export function requestIdOf(locals: Record<string, unknown>): string {
  return typeof locals.requestId === 'string' ? locals.requestId : randomUUID();
}
