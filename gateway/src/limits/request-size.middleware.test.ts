import { describe, expect, it } from 'vitest';
import type { Request, Response } from 'express';
import { bodyErrorHandler, operationSizeGuard } from './request-size.middleware.js';

function run(handler: (res: Response, next: () => void) => void) {
  const outcome = { status: 0, body: undefined as unknown, passed: false };
  const res = {
    status(code: number) {
      outcome.status = code;
      return this;
    },
    json(body: unknown) {
      outcome.body = body;
      return this;
    },
  } as unknown as Response;
  handler(res, () => (outcome.passed = true));
  return outcome;
}

const guard = operationSizeGuard(100);
const request = (body: unknown, query: Record<string, unknown> = {}) => ({ body, query }) as unknown as Request;

describe('operationSizeGuard', () => {
  it('lets an operation within the limit through', () => {
    expect(run((res, next) => guard(request({ query: '{ a }' }), res, next)).passed).toBe(true);
  });

  it('refuses an operation text over the limit before it is parsed', () => {
    const outcome = run((res, next) => guard(request({ query: `{ ${'a '.repeat(100)}}` }), res, next));
    expect(outcome).toMatchObject({ passed: false, status: 413 });
    expect(outcome.body).toEqual({
      errors: [{ message: 'Query of 203 bytes exceeds the limit of 100 bytes', extensions: { code: 'BAD_USER_INPUT' } }],
    });
  });

  it('checks the query string of GET requests', () => {
    const outcome = run((res, next) => guard(request(undefined, { query: 'x'.repeat(101) }), res, next));
    expect(outcome.status).toBe(413);
  });

  it('refuses batched requests', () => {
    const outcome = run((res, next) => guard(request([{ query: '{ a }' }, { query: '{ b }' }]), res, next));
    expect(outcome).toMatchObject({ passed: false, status: 400 });
  });
});

describe('bodyErrorHandler', () => {
  it('answers an oversized body with a coded 413', () => {
    const handle = bodyErrorHandler(1000);
    const outcome = run((res, next) => handle({ type: 'entity.too.large', message: 'too large' }, request(undefined), res, next));
    expect(outcome.status).toBe(413);
    expect(outcome.body).toEqual({
      errors: [{ message: 'Request body exceeds the limit of 1000 bytes', extensions: { code: 'BAD_USER_INPUT' } }],
    });
  });
});
