import { isObjectType, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import { getMetadataStorage } from 'type-graphql';

type Method = (...params: unknown[]) => unknown;
type Class = abstract new (...args: never[]) => unknown;
type ParamKind = 'root' | 'context' | 'info';

/**
 * Calls the field resolvers that take only `@Root()`, `@Ctx()` and `@Info()` straight from the
 * schema. TypeGraphQL's wrapper sorts and maps the parameter list and looks up the resolver
 * instance on every call (for each of the 100 adopters of a page, twice: their municipality and its
 * province); these resolvers need none of that. The same method runs on the same (single) instance
 * of its resolver class, as TypeGraphQL's default container would give it.
 *
 * Left to TypeGraphQL: resolvers with arguments (they are converted and validated), with
 * middlewares or roles, or taking a property of the root or context; and any call whose root is not
 * an instance of the `@Root()` parameter's class (TypeGraphQL converts it first), so behaviour is
 * unchanged.
 * Returns the fields it rewired, for the test.
 */
export function callFieldResolversDirectly(schema: GraphQLSchema): string[] {
  const storage = getMetadataStorage();
  const instances = new Map<Class, Record<string, Method>>();
  const rewired: string[] = [];
  for (const fr of storage.fieldResolvers) {
    const objectType = fr.getObjectType;
    if (fr.kind !== 'external' || !objectType || fr.middlewares?.length || fr.roles?.length) continue;
    const params = [...(fr.params ?? [])].sort((a, b) => a.index - b.index);
    const kinds = params.map((p) => p.kind);
    const plain = params.every(
      (p) =>
        (p.kind === 'root' || p.kind === 'context' || p.kind === 'info') && !('propertyName' in p && p.propertyName),
    );
    if (!plain) continue;
    const typeName = storage.objectTypes.find((o) => o.target === objectType())?.name;
    const type = typeName ? schema.getType(typeName) : undefined;
    if (!isObjectType(type)) continue;
    const field = type.getFields()[fr.schemaName];
    if (!field?.resolve) continue;

    let instance = instances.get(fr.target as Class);
    if (!instance) {
      instance = new (fr.target as new () => Record<string, Method>)();
      instances.set(fr.target as Class, instance);
    }
    const method = instance[fr.methodName];
    if (typeof method !== 'function') continue;
    // TypeGraphQL converts a root that is not an instance of the parameter's class; those calls stay its own.
    const rootParam = params.find((p) => p.kind === 'root');
    const rootType = rootParam?.getType ? rootParam.getType() : undefined;
    const rootClass = (typeof rootType === 'function' ? rootType : Object) as Class;
    field.resolve = direct(kinds as ParamKind[], method, instance, rootClass, field.resolve);
    rewired.push(`${type.name}.${field.name}`);
  }
  return rewired;
}

function direct(
  kinds: readonly ParamKind[],
  method: Method,
  self: unknown,
  rootClass: Class,
  fallback: GraphQLFieldResolver<unknown, unknown>,
): GraphQLFieldResolver<unknown, unknown> {
  const shape = kinds.join(',');
  if (shape === 'root,context') {
    return (root, args, ctx, info) =>
      root instanceof rootClass ? method.call(self, root, ctx) : fallback(root, args, ctx, info);
  }
  if (shape === 'root') {
    return (root, args, ctx, info) =>
      root instanceof rootClass ? method.call(self, root) : fallback(root, args, ctx, info);
  }
  return (root, args, ctx, info) => {
    if (!(root instanceof rootClass)) return fallback(root, args, ctx, info);
    const values = kinds.map((k) => (k === 'root' ? root : k === 'context' ? ctx : info));
    return method.apply(self, values);
  };
}
