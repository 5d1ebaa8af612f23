import type { ApolloServerPlugin } from '@apollo/server';
import { BREAK, GraphQLError, visit, type DocumentNode } from 'graphql';
import type { Context } from '../context.js';
import { isAuthenticatedRequest, type CredentialVerifier } from './authentication.js';

/**
 * Whether the document asks for `__schema` or `__type` anywhere (fragments included). Kept per
 * document: Apollo hands every request of a cached query the same parsed document (walking it
 * took ~1.7% of a 100-adopter request).
 */
export function usesIntrospection(document: DocumentNode): boolean {
  let found = introspects.get(document);
  if (found === undefined) introspects.set(document, (found = walksIntoIntrospection(document)));
  return found;
}

const introspects = new WeakMap<DocumentNode, boolean>();

function walksIntoIntrospection(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    Field(node) {
      if (node.name.value === '__schema' || node.name.value === '__type') {
        found = true;
        return BREAK;
      }
      return undefined;
    },
  });
  return found;
}

/**
 * In production, only signed-in users and API tokens may introspect the schema (the committed
 * `schema/schema.graphql` is public anyway; this only stops anonymous reconnaissance).
 *
 * A plugin rather than a validation rule: Apollo caches validated documents, so a rule that
 * depends on the caller would let the second, anonymous sender of a cached query through.
 * `__typename` is not introspection and always works.
 */
export function introspectionGatePlugin(
  verifier: CredentialVerifier,
): ApolloServerPlugin<Partial<Pick<Context, 'actor'>>> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, request, contextValue }) {
          if (!usesIntrospection(document)) return;
          // Once identity resolves the caller into ctx.actor, that is the answer; until then the verifier.
          if (contextValue.actor && contextValue.actor.kind !== 'anonymous') return;
          const headers = Object.fromEntries(request.http?.headers ?? []);
          if (isAuthenticatedRequest({ headers }, verifier)) return;
          throw new GraphQLError(
            'Introspection is available to signed-in users and API tokens only. The schema is published in the API documentation.',
            { extensions: { code: 'GRAPHQL_VALIDATION_FAILED', http: { status: 400 } } },
          );
        },
      };
    },
  };
}
