import {
  getNamedType,
  isCompositeType,
  isInterfaceType,
  isObjectType,
  Kind,
  SchemaMetaFieldDef,
  TypeMetaFieldDef,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

export type FragmentTable = ReadonlyMap<string, FragmentDefinitionNode>;

export function fragmentsOf(document: DocumentNode): FragmentTable {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  return fragments;
}

/** How one measure combines: a field's value given its children's, and the value of siblings. */
export interface Measure {
  /** `type` is the field's named return type when a schema was given and the field is known. */
  field(node: FieldNode, children: number, type: GraphQLNamedType | undefined): number;
  siblings(values: number[]): number;
}

/**
 * Measures an operation as if every fragment were expanded in place, in time linear in the size of
 * the document: a fragment's value does not depend on where it is spread (its type condition fixes
 * its parent type), so each is measured once. A spread that re-enters a fragment being measured
 * counts as empty, which keeps the walk finite on cyclic fragments (graphql-js rejects those anyway).
 */
export function measureOperation(
  operation: OperationDefinitionNode,
  fragments: FragmentTable,
  measure: Measure,
  schema?: GraphQLSchema,
): number {
  const measured = new Map<string, number>();
  const inProgress = new Set<string>();
  const namedType = (name: string | undefined) => {
    const type = name ? schema?.getType(name) : undefined;
    return isCompositeType(type) ? type : undefined;
  };

  const rootQuery = schema?.getQueryType();
  const fieldType = (parent: GraphQLCompositeType | undefined, name: string) => {
    if (parent && parent === rootQuery && (name === SchemaMetaFieldDef.name || name === TypeMetaFieldDef.name)) {
      return getNamedType(name === SchemaMetaFieldDef.name ? SchemaMetaFieldDef.type : TypeMetaFieldDef.type);
    }
    const definition = isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[name] : undefined;
    return definition ? getNamedType(definition.type) : undefined;
  };

  const fragmentValue = (name: string): number => {
    const known = measured.get(name);
    if (known !== undefined) return known;
    const fragment = fragments.get(name);
    if (!fragment || inProgress.has(name)) return measure.siblings([]);
    inProgress.add(name);
    const value = selectionValue(fragment.selectionSet, namedType(fragment.typeCondition.name.value));
    inProgress.delete(name);
    measured.set(name, value);
    return value;
  };

  const selectionValue = (set: SelectionSetNode, parent: GraphQLCompositeType | undefined): number =>
    measure.siblings(
      set.selections.map((selection) => {
        switch (selection.kind) {
          case Kind.FIELD: {
            const type = fieldType(parent, selection.name.value);
            const children = selection.selectionSet
              ? selectionValue(selection.selectionSet, isCompositeType(type) ? type : undefined)
              : measure.siblings([]);
            return measure.field(selection, children, type);
          }
          case Kind.INLINE_FRAGMENT:
            return selectionValue(selection.selectionSet, selection.typeCondition ? namedType(selection.typeCondition.name.value) : parent);
          case Kind.FRAGMENT_SPREAD:
            return fragmentValue(selection.name.value);
        }
      }),
    );

  const root = schema?.getRootType(operation.operation) ?? undefined;
  return selectionValue(operation.selectionSet, root);
}

export const sum = (values: number[]): number => values.reduce((total, value) => total + value, 0);
export const max = (values: number[]): number => values.reduce((highest, value) => Math.max(highest, value), 0);
