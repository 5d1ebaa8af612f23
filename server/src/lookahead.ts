import { Kind, type GraphQLResolveInfo } from 'graphql';

/**
 * Whether the current field's selection may include `name`, so a resolver can skip work nobody
 * asked for. Conservative: a fragment (named or inline) counts as "may", whatever it holds, and
 * `@skip`/`@include` are not evaluated, so the answer is only ever "no" when it is certainly no.
 */
export function maySelect(info: GraphQLResolveInfo, name: string): boolean {
  return info.fieldNodes.some(
    (node) => node.selectionSet?.selections.some((s) => s.kind !== Kind.FIELD || s.name.value === name) ?? false,
  );
}
