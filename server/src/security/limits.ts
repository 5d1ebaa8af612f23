import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import {
  GraphQLError,
  Kind,
  MaxIntrospectionDepthRule,
  TypeInfo,
  validate,
  visit,
  visitWithTypeInfo,
  type ArgumentNode,
  type DocumentNode,
  type FieldNode,
  type GraphQLSchema,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import { DEFAULT_PAGE_SIZE } from '../pagination.js';

/**
 * Limits on one GraphQL request. Sized from real operations (see the hardening tests, which
 * pin every figure):
 * - depth: the deepest documented query, municipality → adoptions → edges → node → solution →
 *   standards → standard → owner → municipality → name, is 10 deep; the web app's deepest
 *   (Municipalities) is 5. Two levels of margin.
 * - cost (graphql-armor's: objects 2, scalars 1, ×1.5 per level, × `first` of a list): that
 *   documented query with `adoptions(first: 100)` costs ~63,600; the web app's Municipalities
 *   with `first: 100` ~4,200. The limit refuses two nested pages of 100 (≥ 400,000).
 * - tokens: the full introspection query of the in-app explorer has ~190 tokens.
 */
export const QUERY_LIMITS = Object.freeze({
  maxDepth: 12,
  maxAliases: 15,
  maxDirectives: 10,
  maxCost: 75_000,
  maxTokens: 2_000,
});

/** A rejected limit is the caller's mistake: a 400 with a plain message, code GRAPHQL_VALIDATION_FAILED. */
const report = (ctx: ValidationContext | null, error: GraphQLError) => {
  ctx?.reportError(new GraphQLError(error.message.replace(/^Syntax Error: /, ''), { nodes: error.nodes }));
};
const common = () => ({ exposeLimits: true, propagateOnRejection: false, onReject: [report] });

function armor() {
  return new ApolloArmor({
    maxDepth: { n: QUERY_LIMITS.maxDepth, flattenFragments: true, ignoreIntrospection: true, ...common() },
    // armor exempts `__typename` aliases by default; a hundred of them are still a hundred.
    maxAliases: { n: QUERY_LIMITS.maxAliases, allowList: [], ...common() },
    maxDirectives: { n: QUERY_LIMITS.maxDirectives, ...common() },
    costLimit: { maxCost: QUERY_LIMITS.maxCost, flattenFragments: true, ignoreIntrospection: true, ...common() },
    // Tokens are limited by Apollo's parser (parseOptions.maxTokens): armor's plugin answers 500.
    maxTokens: { enabled: false },
    // Suggestions are hidden by Apollo's hideSchemaDetailsFromClientErrors in production.
    blockFieldSuggestion: { enabled: false },
  }).protect();
}

/**
 * The validation rules for Apollo: armor's depth, alias, directive and cost limits, and
 * graphql-js's guard against circular introspection (`fields { type { fields { … } } }`).
 * (armor's depth and cost skip `__schema`, so the explorer's introspection query passes.)
 */
export function queryLimitRules(): ValidationRule[] {
  return [...armor().validationRules, MaxIntrospectionDepthRule];
}

function costRule(): ValidationRule {
  return new ApolloArmor({
    costLimit: { maxCost: QUERY_LIMITS.maxCost, flattenFragments: true, ignoreIntrospection: true, ...common() },
    maxDepth: { enabled: false },
    maxAliases: { enabled: false },
    maxDirectives: { enabled: false },
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: false },
  }).protect().validationRules[0]!;
}

/**
 * Visits every field that takes `first`, with its `first` argument (undefined when omitted);
 * `edit` may return a replacement for the field. Returns the (edited) document.
 */
function visitPagedFields(
  schema: GraphQLSchema,
  document: DocumentNode,
  edit: (node: FieldNode, first: ArgumentNode | undefined) => FieldNode | undefined,
): DocumentNode {
  const typeInfo = new TypeInfo(schema);
  return visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        if (!typeInfo.getFieldDef()?.args.some((a) => a.name === 'first')) return undefined;
        return edit(
          node,
          node.arguments?.find((a) => a.name.value === 'first'),
        );
      },
    }),
  );
}

/**
 * The document with every list's page size made literal: `first: $n` becomes the variable's
 * value and an omitted `first` the server's default page size. armor's cost rule multiplies by
 * literal `first` only, so without this `first: $n` would cost as a single node.
 */
export function withEffectivePageSizes(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> | undefined,
): DocumentNode {
  const int = (n: number): ArgumentNode['value'] => ({ kind: Kind.INT, value: String(Math.max(0, Math.trunc(n))) });
  return visitPagedFields(schema, document, (node, given) => {
    let value: ArgumentNode['value'];
    if (!given) value = int(DEFAULT_PAGE_SIZE);
    else if (given.value.kind === Kind.VARIABLE) {
      const v = variables?.[given.value.name.value];
      value = int(typeof v === 'number' && Number.isFinite(v) ? v : DEFAULT_PAGE_SIZE);
    } else return undefined;
    const others = (node.arguments ?? []).filter((a) => a.name.value !== 'first');
    return {
      ...node,
      arguments: [{ kind: Kind.ARGUMENT, name: { kind: Kind.NAME, value: 'first' }, value }, ...others],
    };
  });
}

/** The variables a document passes as `first`: the only ones its effective cost depends on. */
function pageSizeVariables(schema: GraphQLSchema, document: DocumentNode): string[] {
  const names = new Set<string>();
  visitPagedFields(schema, document, (_node, given) => {
    if (given?.value.kind === Kind.VARIABLE) names.add(given.value.name.value);
    return undefined;
  });
  return [...names];
}

/** Verdicts kept per document (Apollo hands the same parsed document for the same text). */
const MAX_VERDICTS_PER_DOCUMENT = 100;

/**
 * Re-checks the cost with the request's variables and default page sizes (the validation-time
 * check sees only literals and is cached per document). Runs once per request, after validation.
 * The verdict depends only on the document and its `first` variables, so it is kept per
 * document and those variables' values: a repeated request is not walked again.
 */
export function effectiveCostPlugin(): ApolloServerPlugin {
  const rule = costRule();
  const verdicts = new WeakMap<DocumentNode, { variables: string[]; byValues: Map<string, string | null> }>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, request }) {
          let known = verdicts.get(document);
          if (!known) {
            known = { variables: pageSizeVariables(schema, document), byValues: new Map() };
            verdicts.set(document, known);
          }
          const key = JSON.stringify(known.variables.map((name) => request.variables?.[name] ?? null));
          let message = known.byValues.get(key);
          if (message === undefined) {
            const [error] = validate(schema, withEffectivePageSizes(schema, document, request.variables), [rule]);
            message = error ? error.message : null;
            if (known.byValues.size >= MAX_VERDICTS_PER_DOCUMENT) known.byValues.clear();
            known.byValues.set(key, message);
          }
          if (message !== null) {
            throw new GraphQLError(message, {
              extensions: { code: 'GRAPHQL_VALIDATION_FAILED', http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}
