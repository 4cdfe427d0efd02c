import { describe, expect, it } from 'vitest';
import { getIntrospectionQuery, parse, specifiedRules, validate, type OperationDefinitionNode, type ValidationRule } from 'graphql';
import { fragmentsOf } from './operation-fold.js';
import { aliasLimitRule, depthLimitRule, operationAliases, operationDepth } from './shape-limit.rules.js';
import { limitsTestSchema as schema } from './limits-schema.fixture.js';

function errorsOf(query: string, rules: ValidationRule[]) {
  return validate(schema, parse(query), rules).map((error) => ({ message: error.message, code: error.extensions.code }));
}

function measure(query: string, of: typeof operationDepth) {
  const document = parse(query);
  return of(document.definitions[0] as OperationDefinitionNode, fragmentsOf(document), schema);
}

/** `{ customer(id: "1") { referrer { referrer { … { id } } } } }` with `depth` levels of fields. */
function nestedQuery(depth: number): string {
  return `{ customer(id: "1") { ${'referrer { '.repeat(depth - 2)}id${' }'.repeat(depth - 2)} } }`;
}

describe('operationDepth', () => {
  it('counts nested fields, expanding named and inline fragments', () => {
    expect(measure('{ customer(id: "1") { id } }', operationDepth)).toBe(2);
    const viaFragments = /* GraphQL */ `
      query { customer(id: "1") { ...WithReferrer } }
      fragment WithReferrer on Customer { referrer { ... on Customer { referrer { id } } } }
    `;
    expect(measure(viaFragments, operationDepth)).toBe(4);
  });

  it('does not count ofType, so the standard introspection query stays shallow', () => {
    expect(measure(getIntrospectionQuery(), operationDepth)).toBeLessThanOrEqual(6);
    expect(errorsOf(getIntrospectionQuery(), [...specifiedRules, depthLimitRule(12), aliasLimitRule(30)])).toEqual([]);
  });
});

describe('depthLimitRule', () => {
  it('accepts an operation exactly at the limit', () => {
    expect(errorsOf(nestedQuery(12), [depthLimitRule(12)])).toEqual([]);
  });

  it('rejects a deeper operation with a coded error naming the limit', () => {
    expect(errorsOf(nestedQuery(40), [depthLimitRule(12)])).toEqual([
      { message: 'Query depth 40 exceeds the limit of 12', code: 'BAD_USER_INPUT' },
    ]);
  });

  it('counts depth hidden in fragments', () => {
    const query = /* GraphQL */ `
      { customer(id: "1") { ...A } }
      fragment A on Customer { referrer { ...B } }
      fragment B on Customer { referrer { ...C } }
      fragment C on Customer { referrer { referrer { id } } }
    `;
    expect(errorsOf(query, [depthLimitRule(5)])).toEqual([{ message: 'Query depth 6 exceeds the limit of 5', code: 'BAD_USER_INPUT' }]);
  });

  it('terminates on cyclic fragments (which graphql-js rejects on its own)', () => {
    const query = /* GraphQL */ `
      { customer(id: "1") { ...A } }
      fragment A on Customer { referrer { ...B } }
      fragment B on Customer { referrer { ...A } }
    `;
    expect(errorsOf(query, [depthLimitRule(12)])).toEqual([]);
    expect(errorsOf(query, [...specifiedRules, depthLimitRule(12)]).some((error) => /cannot spread fragment/i.test(error.message))).toBe(true);
  });
});

describe('aliasLimitRule', () => {
  it('counts aliases once per expansion of the fragment holding them', () => {
    const query = /* GraphQL */ `
      { customer(id: "1") { a: referrer { ...Names } b: referrer { ...Names } } }
      fragment Names on Customer { x: name y: name z: name }
    `;
    expect(measure(query, operationAliases)).toBe(8);
    expect(errorsOf(query, [aliasLimitRule(7)])).toEqual([
      { message: 'Query uses 8 aliases, more than the limit of 7', code: 'BAD_USER_INPUT' },
    ]);
    expect(errorsOf(query, [aliasLimitRule(8)])).toEqual([]);
  });

  it('measures an exponentially expanding fragment chain without expanding it', () => {
    const levels = 40;
    const fragments = Array.from({ length: levels }, (_, level) =>
      level === levels - 1
        ? `fragment F${level} on Customer { n: name }`
        : `fragment F${level} on Customer { a: referrer { ...F${level + 1} } b: referrer { ...F${level + 1} } }`,
    );
    const query = `{ customer(id: "1") { ...F0 } } ${fragments.join(' ')}`;
    const started = performance.now();
    const [error] = errorsOf(query, [aliasLimitRule(30), depthLimitRule(100)]);
    expect(performance.now() - started).toBeLessThan(500);
    expect(error?.message).toMatch(/^Query uses \d+ aliases, more than the limit of 30$/);
    expect(measure(query, operationAliases)).toBe(3 * 2 ** 39 - 2);
  });
});
