import type { ApolloServerOptionsWithGateway, BaseContext } from '@apollo/server';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import {
  execute,
  getVariableValues,
  GraphQLError,
  type DocumentNode,
  type ExecutionResult,
  type GraphQLSchema,
} from 'graphql';

/** Apollo's gateway interface (its package is not a direct dependency). */
type GatewayInterface = ApolloServerOptionsWithGateway<BaseContext>['gateway'];
type GatewayExecutor = NonNullable<Awaited<ReturnType<GatewayInterface['load']>>['executor']>;

/** Compiled operations kept per document text and operation name (least recently used dropped). */
const MAX_COMPILED = 500;

/**
 * Executes operations with graphql-jit: each (document, operation name) is compiled once into a
 * JavaScript function that walks exactly its selection, instead of graphql-js interpreting the
 * document on every request. Same schema, same resolvers, same results (graphql-jit's test suite
 * runs graphql-js's); a document graphql-jit cannot compile runs with graphql-js.
 *
 * Apollo Server 5 accepts a custom executor only from a gateway: this is a gateway that serves one
 * fixed schema. Use `gateway: jitGateway(schema)` instead of `schema` in `new ApolloServer`.
 */
/**
 * graphql-jit's errors leave `extensions` undefined when the thrown error had none; graphql-js
 * (and Apollo, which reads `extensions.code`) expect an object. Rebuild those as graphql-js errors
 * with the same message, locations, path and original error.
 */
function asGraphQLjsError(e: GraphQLError): GraphQLError {
  if (e.extensions) return e;
  const err = new GraphQLError(e.message, { path: e.path, originalError: e.originalError ?? undefined });
  if (e.locations) Object.defineProperty(err, 'locations', { value: e.locations, enumerable: true, writable: true });
  return err;
}

export function jitGateway(schema: GraphQLSchema): GatewayInterface {
  const compiled = new Map<string, CompiledQuery | null>();

  const compile = (source: string, document: DocumentNode, operationName: string | null): CompiledQuery | null => {
    const key = `${operationName ?? ''}\n${source}`;
    let entry = compiled.get(key);
    if (entry === undefined) {
      const result = compileQuery(schema, document, operationName ?? undefined, { disableLeafSerialization: false });
      entry = isCompiledQuery(result) ? result : null;
      if (compiled.size >= MAX_COMPILED) compiled.delete(compiled.keys().next().value!);
    } else {
      compiled.delete(key);
    }
    compiled.set(key, entry);
    return entry;
  };

  const executor: GatewayExecutor = async (ctx) => {
    const variables = ctx.request.variables ?? {};
    // The name the caller asked for (ctx.operationName is that of the operation Apollo resolved, if any).
    const operationName = ctx.request.operationName ?? null;
    const plain = async () =>
      (await execute({
        schema,
        document: ctx.document,
        contextValue: ctx.context,
        variableValues: variables,
        operationName,
      })) as ExecutionResult<Record<string, unknown>>;
    // No single operation to run (unknown or missing operation name): graphql-js says why.
    if (!ctx.operation) return plain();
    // Variables are checked by graphql-js first, so a bad one fails exactly as without jit
    // (same message and nodes, which Apollo turns into BAD_USER_INPUT); jit then coerces them itself.
    const checked = getVariableValues(schema, ctx.operation.variableDefinitions ?? [], variables, { maxErrors: 50 });
    if (checked.errors) return { errors: checked.errors };
    const query = compile(ctx.source, ctx.document, operationName);
    if (!query) return plain();
    const result = (await query.query(undefined, ctx.context, variables)) as ExecutionResult<Record<string, unknown>>;
    return result.errors ? { ...result, errors: result.errors.map(asGraphQLjsError) } : result;
  };

  return {
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: '' });
      return () => {};
    },
    async load() {
      return { executor };
    },
    async stop() {},
  };
}
