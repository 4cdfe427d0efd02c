import {
  isCompositeType,
  isEnumType,
  isListType,
  isNonNullType,
  isSpecifiedScalarType,
  type GraphQLCompositeType,
  type GraphQLOutputType,
} from 'graphql';

/**
 * A field's output type, unwrapped once when an operation is prepared so that shaping a response
 * never calls graphql-js type predicates per value.
 */
export type OutputType =
  | { readonly kind: 'nonNull'; readonly ofType: OutputType; readonly text: string }
  | { readonly kind: 'list'; readonly ofType: OutputType; readonly text: string }
  | { readonly kind: 'composite'; readonly type: GraphQLCompositeType; readonly text: string }
  | { readonly kind: 'leaf'; readonly isValid: (value: unknown) => boolean; readonly text: string };

const INTEGER_TEXT = /^-?(?:0|[1-9][0-9]*)$/;

/** Whether a leaf value from a subgraph fits its type: the rule of the federation result shaper. */
function leafValidator(type: GraphQLOutputType): (value: unknown) => boolean {
  if (isEnumType(type)) return (value) => typeof value === 'string' && type.getValue(value) !== undefined;
  if (!isSpecifiedScalarType(type as never)) return () => true;
  const name = (type as { name: string }).name;
  const isNumeric = name === 'Int' || name === 'Float' || name === 'Boolean';
  return (value) => {
    if (typeof value === 'boolean') return name === 'Boolean';
    if (typeof value === 'number' && Number.isFinite(value)) {
      if (name === 'Int' || name === 'ID') return INTEGER_TEXT.test(String(value));
      return name === 'Float';
    }
    if (typeof value === 'string') return !isNumeric;
    return false;
  };
}

export function outputTypeOf(type: GraphQLOutputType): OutputType {
  const text = String(type);
  if (isNonNullType(type)) return { kind: 'nonNull', ofType: outputTypeOf(type.ofType), text };
  if (isListType(type)) return { kind: 'list', ofType: outputTypeOf(type.ofType), text };
  if (isCompositeType(type)) return { kind: 'composite', type, text };
  return { kind: 'leaf', isValid: leafValidator(type), text };
}
