import {
  Kind,
  type DirectiveNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';
import { outputTypeOf, type OutputType } from './output-type.js';

export type Variables = Record<string, unknown>;

/** `@skip` / `@include` of one selection: answers whether it is left out for these variables. */
export type SkipTest = (variables: Variables) => boolean;

export type Step =
  | { readonly kind: 'field'; readonly responseName: string; readonly skip?: SkipTest; readonly type: OutputType; readonly selection?: Step[] }
  | { readonly kind: 'typename'; readonly responseName: string; readonly skip?: SkipTest }
  | { readonly kind: 'fragment'; readonly skip?: SkipTest; readonly typeCondition?: GraphQLCompositeType; readonly selection: Step[] };

/** Raised while preparing when an operation needs what only the stock executor handles. */
export class UnsupportedOperation extends Error {}

function conditionValue(directive: DirectiveNode): (variables: Variables) => boolean {
  const argument = directive.arguments?.find(({ name }) => name.value === 'if')?.value;
  if (argument?.kind === Kind.VARIABLE) {
    const name = argument.name.value;
    return (variables) => {
      const value = variables[name];
      if (typeof value !== 'boolean') throw new Error(`Unexpected value ${String(value)} for variable $${name} of @${directive.name.value}`);
      return value;
    };
  }
  if (argument?.kind === Kind.BOOLEAN) {
    const value = argument.value;
    return () => value;
  }
  throw new UnsupportedOperation(`@${directive.name.value} without a boolean "if"`);
}

function skipTestOf(directives: readonly DirectiveNode[] | undefined): SkipTest | undefined {
  const skip = directives?.find(({ name }) => name.value === 'skip');
  const include = directives?.find(({ name }) => name.value === 'include');
  if (!skip && !include) return undefined;
  const skipIf = skip ? conditionValue(skip) : undefined;
  const includeIf = include ? conditionValue(include) : undefined;
  return (variables) => (skipIf ? skipIf(variables) : false) || (includeIf ? !includeIf(variables) : false);
}

/**
 * Turns a selection set of the client's operation into steps over the API schema, resolving field
 * types, fragment type conditions and `@skip`/`@include` once per operation.
 */
export function compileSelection(
  schema: GraphQLSchema,
  selectionSet: SelectionSetNode,
  parentType: GraphQLCompositeType,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
): Step[] {
  const steps: Step[] = [];
  for (const selection of selectionSet.selections) {
    const skip = skipTestOf(selection.directives);
    if (selection.kind === Kind.FIELD) {
      const fieldName = selection.name.value;
      const responseName = selection.alias?.value ?? fieldName;
      if (fieldName === '__typename') {
        steps.push({ kind: 'typename', responseName, skip });
        continue;
      }
      if (fieldName === '__schema' || fieldName === '__type') throw new UnsupportedOperation('introspection');
      const field = 'getFields' in parentType ? parentType.getFields()[fieldName] : undefined;
      if (!field) throw new UnsupportedOperation(`no field ${parentType.name}.${fieldName}`);
      const type = outputTypeOf(field.type);
      const namedType = namedCompositeOf(type);
      const selection_ = selection.selectionSet && namedType ? compileSelection(schema, selection.selectionSet, namedType, fragments) : undefined;
      steps.push({ kind: 'field', responseName, skip, type, selection: selection_ });
    } else {
      const fragment = selection.kind === Kind.FRAGMENT_SPREAD ? fragments.get(selection.name.value) : selection;
      if (!fragment) throw new UnsupportedOperation(`unknown fragment ${selection.kind === Kind.FRAGMENT_SPREAD ? selection.name.value : ''}`);
      const conditionName = fragment.typeCondition?.name.value;
      const typeCondition = conditionName ? (schema.getType(conditionName) as GraphQLCompositeType | undefined) : undefined;
      if (conditionName && !typeCondition) throw new UnsupportedOperation(`unknown type ${conditionName}`);
      steps.push({ kind: 'fragment', skip, typeCondition, selection: compileSelection(schema, fragment.selectionSet, typeCondition ?? parentType, fragments) });
    }
  }
  return steps;
}

function namedCompositeOf(type: OutputType): GraphQLCompositeType | undefined {
  if (type.kind === 'composite') return type.type;
  if (type.kind === 'nonNull' || type.kind === 'list') return namedCompositeOf(type.ofType);
  return undefined;
}
