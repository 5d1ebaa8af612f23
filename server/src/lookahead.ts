import { Kind, type FieldNode, type GraphQLResolveInfo, type SelectionNode } from 'graphql';

/** The fields selected below a field, by name (aliases merged); a leaf maps to an empty tree. */
export type SelectionTree = ReadonlyMap<string, SelectionTree>;

/**
 * The selection below the current field as a tree of field names, for statements that read only
 * the columns a query asks for. Fragments (named or inline) are merged in whatever their type
 * condition, and `@skip`/`@include` are not evaluated: the tree may hold more than is resolved,
 * never less. Undefined when a fragment cannot be found (then nothing is known).
 */
export function selectionTree(info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>): SelectionTree | undefined {
  // A field under a list resolves once per parent with the same nodes: walk them once.
  const kept = trees.get(info.fieldNodes);
  if (kept && kept.fragments === info.fragments) return kept.tree;
  const tree = walk(info);
  trees.set(info.fieldNodes, { fragments: info.fragments, tree });
  return tree;
}

const trees = new WeakMap<
  readonly FieldNode[],
  { fragments: GraphQLResolveInfo['fragments']; tree: SelectionTree | undefined }
>();

function walk(info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>): SelectionTree | undefined {
  let known = true;
  const tree = new Map<string, Map<string, unknown>>();
  const add = (into: Map<string, Map<string, unknown>>, selections: readonly SelectionNode[], seen: Set<string>) => {
    for (const s of selections) {
      if (s.kind === Kind.FIELD) {
        const child = into.get(s.name.value) ?? new Map();
        into.set(s.name.value, child);
        if (s.selectionSet) add(child as Map<string, Map<string, unknown>>, s.selectionSet.selections, seen);
      } else if (s.kind === Kind.INLINE_FRAGMENT) {
        add(into, s.selectionSet.selections, seen);
      } else if (!seen.has(s.name.value)) {
        const fragment = info.fragments?.[s.name.value];
        if (fragment) add(into, fragment.selectionSet.selections, new Set([...seen, s.name.value]));
        else known = false;
      }
    }
  };
  for (const node of info.fieldNodes) if (node.selectionSet) add(tree, node.selectionSet.selections, new Set());
  return known ? (tree as unknown as SelectionTree) : undefined;
}

/** The tree below `path` (e.g. `edges`, `node`); undefined when it is not selected. */
export function selectionAt(tree: SelectionTree | undefined, ...path: string[]): SelectionTree | undefined {
  let at: SelectionTree | undefined = tree;
  for (const step of path) at = at?.get(step);
  return at;
}
