import { describe, expect, it } from 'vitest';
import { parse, type OperationDefinitionNode } from 'graphql';
import { DEFAULT_PAGE_SIZE, estimateCost, UNKNOWN_PAGE_SIZE, type Variables } from './cost-estimate.js';
import { fragmentsOf } from './operation-fold.js';
import { limitsTestSchema as schema } from './limits-schema.fixture.js';

function cost(query: string, variables?: Variables, withSchema = true): number {
  const document = parse(query);
  const operation = document.definitions.find((definition) => definition.kind === 'OperationDefinition') as OperationDefinitionNode;
  return estimateCost(operation, fragmentsOf(document), variables, withSchema ? schema : undefined);
}

/** customers → edges → node { id name }: 1 + pageSize × (edges 1 + node 1 + 2 leaves). */
const page = (size: number) => 1 + size * 4;

describe('estimateCost', () => {
  it('charges one per field', () => {
    expect(cost('{ customer(id: "1") { id name tags } }')).toBe(4);
  });

  it('multiplies the subtree of a field by its literal first or last', () => {
    expect(cost('{ customers(first: 10) { edges { node { id name } } } }')).toBe(page(10));
    expect(cost('{ customers(last: 7) { edges { node { id name } } } }')).toBe(page(7));
  });

  it('resolves first from the variables, then from the variable default', () => {
    const query = 'query Page($size: Int = 7) { customers(first: $size) { edges { node { id name } } } }';
    expect(cost(query, { size: 5 })).toBe(page(5));
    expect(cost(query, {})).toBe(page(7));
  });

  it('assumes the largest page when first is not a number', () => {
    const query = 'query Page($size: Int) { customers(first: $size) { edges { node { id name } } } }';
    expect(cost(query, { size: 'ten' })).toBe(page(UNKNOWN_PAGE_SIZE));
  });

  it('charges the default page size for a connection without first or last', () => {
    expect(cost('{ customers { edges { node { id name } } } }')).toBe(page(DEFAULT_PAGE_SIZE));
    expect(cost('{ customers(first: null) { edges { node { id name } } } }')).toBe(page(DEFAULT_PAGE_SIZE));
    expect(cost('query Page($size: Int) { customers(first: $size) { edges { node { id name } } } }', {})).toBe(page(DEFAULT_PAGE_SIZE));
    expect(cost('{ customers { edges { node { id name } } } }', undefined, false)).toBe(page(1));
  });

  it('multiplies nested pages', () => {
    const query = /* GraphQL */ `
      { customers(first: 50) { edges { node { invoices(first: 50) { edges { node { id } } } } } } }
    `;
    const invoices = 1 + 50 * 3;
    expect(cost(query)).toBe(1 + 50 * (1 + 1 + invoices));
  });

  it('counts fragments once per spread and follows their type conditions', () => {
    const query = /* GraphQL */ `
      { a: customers(first: 2) { ...Page } b: customers { ...Page } }
      fragment Page on CustomerConnection { edges { node { id name invoices { edges { node { id } } } } } }
    `;
    const invoices = 1 + DEFAULT_PAGE_SIZE * 3;
    const perPage = 1 + 1 + 2 + invoices;
    expect(cost(query)).toBe(1 + 2 * perPage + 1 + DEFAULT_PAGE_SIZE * perPage);
  });
});
