import { buildSchema } from 'graphql';

/** A small DotMac-shaped schema for the limit tests: connections, a self-reference, a plain list. */
export const limitsTestSchema = buildSchema(/* GraphQL */ `
  type Query {
    customer(id: ID!): Customer
    customers(first: Int, last: Int, after: String): CustomerConnection!
  }
  type Customer {
    id: ID!
    name: String!
    tags: [String!]!
    referrer: Customer
    invoices(first: Int, last: Int): InvoiceConnection!
  }
  type CustomerConnection { edges: [CustomerEdge!]! totalCount: Int! }
  type CustomerEdge { cursor: String! node: Customer! }
  type Invoice { id: ID! amountMinor: Int! }
  type InvoiceConnection { edges: [InvoiceEdge!]! }
  type InvoiceEdge { node: Invoice! }
`);
