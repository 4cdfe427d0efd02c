import { describe, expect, it } from 'vitest';
import { dedupeRepresentations, expandEntitiesResponse, representationKey } from './entity-dedup.js';

describe('entity representation deduplication', () => {
  it('sends each distinct representation once', () => {
    const { distinct, positionOf } = dedupeRepresentations([
      { __typename: 'User', id: '1' },
      { __typename: 'User', id: '1' },
      { __typename: 'User', id: '2' },
      { __typename: 'User', id: '1' },
      { __typename: 'Product', upc: 'p1', price: null, weight: 3 },
      { __typename: 'Product', upc: 'p1', price: null, weight: 3 },
    ]);
    expect(distinct).toEqual([{ __typename: 'User', id: '1' }, { __typename: 'User', id: '2' }, { __typename: 'Product', upc: 'p1', price: null, weight: 3 }]);
    expect(positionOf).toEqual([0, 0, 1, 0, 2, 2]);
  });

  it('keys representations so that only equal ones collide', () => {
    const values = [
      { __typename: 'P', upc: '1' },
      { __typename: 'P', upc: 1 },
      { __typename: 'P', upc: true },
      { __typename: 'P', upc: 'true' },
      { __typename: 'P', upc: null },
      { __typename: 'P', upc: 'null' },
      { __typename: 'P', upc: '1', price: 2 },
      { __typename: 'P', upc: '1\u00012' },
      { __typename: 'P', upc: '1', x: '\u0000' },
      { __typename: 'P', upc: { id: 1 } },
      { __typename: 'P', upc: { id: '1' } },
      { __typename: 'P', upc: [1, 2] },
    ];
    const keys = values.map(representationKey);
    expect(new Set(keys).size).toBe(values.length);
    expect(values.map((value) => representationKey(structuredClone(value)))).toEqual(keys);
  });

  it('keeps representations that differ in any value apart', () => {
    const { distinct } = dedupeRepresentations([
      { __typename: 'Product', upc: 'p1', price: 10 },
      { __typename: 'Product', upc: 'p1', price: null },
      { __typename: 'Product', upc: 'p1', price: '10' },
    ]);
    expect(distinct).toHaveLength(3);
  });

  it('maps entities, nulls and errors back to every position, errors in position order', () => {
    const positionOf = [0, 1, 0, 2, 1];
    const response = {
      data: { _entities: [{ name: 'a' }, null, { name: 'c', flagged: null }] },
      errors: [
        { message: 'b missing', path: ['_entities', 1] },
        { message: 'c flagged', path: ['_entities', 2, 'flagged'], extensions: { code: 'X' } },
        { message: 'general' },
      ],
    };
    expect(expandEntitiesResponse(response, positionOf)).toEqual({
      data: { _entities: [{ name: 'a' }, null, { name: 'a' }, { name: 'c', flagged: null }, null] },
      errors: [
        { message: 'general' },
        { message: 'b missing', path: ['_entities', 1] },
        { message: 'c flagged', path: ['_entities', 3, 'flagged'], extensions: { code: 'X' } },
        { message: 'b missing', path: ['_entities', 4] },
      ],
    });
  });

  it('leaves a failed fetch (no entities) as it is', () => {
    const response = { data: null, errors: [{ message: 'down' }] };
    expect(expandEntitiesResponse(response, [0, 0])).toEqual(response);
  });
});
