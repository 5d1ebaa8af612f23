import {
  ApolloClient,
  CombinedGraphQLErrors,
  HttpLink,
  InMemoryCache,
  type ApolloLink,
  type ErrorLike,
  type OperationVariables,
  ServerError,
} from '@apollo/client';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import {
  inject,
  onScopeDispose,
  ref,
  shallowRef,
  toValue,
  watch,
  type InjectionKey,
  type MaybeRefOrGetter,
  type Ref,
} from 'vue';

/**
 * @vue/apollo-composable 4.x declares a peer of @apollo/client ^3, so this app carries its own
 * small composable over `client.watchQuery` (Apollo Client 4: results carry `error`, not throw).
 */
export const apolloClientKey: InjectionKey<ApolloClient> = Symbol('apollo-client');

export function createCache(): InMemoryCache {
  // Every type the client selects has an `id`; normalise on it (the default key, stated on purpose).
  return new InMemoryCache({
    typePolicies: {
      Municipality: { keyFields: ['id'] },
      Province: { keyFields: ['id'] },
    },
  });
}

export function createApolloClient(link: ApolloLink = new HttpLink({ uri: '/graphql', credentials: 'same-origin' })) {
  return new ApolloClient({ link, cache: createCache() });
}

export function useApolloClient(): ApolloClient {
  const client = inject(apolloClientKey);
  if (!client) throw new Error('No ApolloClient provided: app.provide(apolloClientKey, client) first.');
  return client;
}

export interface QueryState<TData> {
  data: Readonly<Ref<TData | undefined>>;
  loading: Readonly<Ref<boolean>>;
  error: Readonly<Ref<ErrorLike | undefined>>;
  refetch: () => void;
}

/** Watches `document` with reactive `variables`; stops watching when the calling scope ends. */
export function useQuery<TData, TVariables extends OperationVariables>(
  document: TypedDocumentNode<TData, TVariables>,
  variables: MaybeRefOrGetter<TVariables>,
): QueryState<TData> {
  const client = useApolloClient();
  const data = shallowRef<TData>();
  const loading = ref(true);
  const error = shallowRef<ErrorLike>();

  const query = client.watchQuery<TData, TVariables>({
    query: document,
    variables: toValue(variables),
    notifyOnNetworkStatusChange: true,
  });

  const subscription = query.subscribe((result) => {
    loading.value = result.loading;
    error.value = result.error;
    // Keep the previous page on screen while the next one loads.
    if (result.data !== undefined || !result.loading) data.value = result.data as TData | undefined;
  });

  watch(
    () => toValue(variables),
    (next) => void query.reobserve({ variables: next }).catch(() => undefined),
    { deep: true },
  );

  onScopeDispose(() => subscription.unsubscribe());

  return { data, loading, error, refetch: () => void query.refetch().catch(() => undefined) };
}

/** Why a request failed, from the API's `extensions` (stable codes, see the API README "Errors"). */
export interface ApiError {
  /** `extensions.code` (CONFLICT, FORBIDDEN, BAD_USER_INPUT, UNAUTHENTICATED, …), RATE_LIMITED for HTTP 429, NETWORK without an answer. */
  code: string;
  /** The server's own message (English). */
  message: string;
  /** BAD_USER_INPUT: the input field the server refused, when it names one. */
  field?: string;
  /** CONFLICT: the record's version now (null when it no longer exists). */
  currentVersion?: number | null;
  /** Sign-in lockout: seconds until another attempt is allowed. */
  retryAfterSeconds?: number;
}

export function toApiError(error: unknown): ApiError {
  if (CombinedGraphQLErrors.is(error)) {
    const first = error.errors[0];
    const ext = (first?.extensions ?? {}) as Record<string, unknown>;
    return {
      code: typeof ext.code === 'string' ? ext.code : 'UNKNOWN',
      message: first?.message ?? '',
      field: typeof ext.field === 'string' ? ext.field : undefined,
      currentVersion:
        typeof ext.currentVersion === 'number' ? ext.currentVersion : ext.currentVersion === null ? null : undefined,
      retryAfterSeconds: typeof ext.retryAfterSeconds === 'number' ? ext.retryAfterSeconds : undefined,
    };
  }
  if (ServerError.is(error)) {
    return { code: error.statusCode === 429 ? 'RATE_LIMITED' : 'SERVER', message: error.message };
  }
  return { code: 'NETWORK', message: error instanceof Error ? error.message : String(error) };
}

export interface MutationState<TData, TVariables> {
  /** Sends the mutation; resolves with its data or with the error, never throws. */
  mutate: (variables: TVariables) => Promise<{ data?: TData; error?: ApiError }>;
  loading: Readonly<Ref<boolean>>;
}

/** Runs `document` on demand; what it returns lands in the normalised cache as usual. */
export function useMutation<TData, TVariables extends OperationVariables>(
  document: TypedDocumentNode<TData, TVariables>,
): MutationState<TData, TVariables> {
  const client = useApolloClient();
  const loading = ref(false);

  async function mutate(variables: TVariables): Promise<{ data?: TData; error?: ApiError }> {
    loading.value = true;
    try {
      const result = await client.mutate<TData, TVariables>({
        mutation: document,
        variables,
      } as Parameters<typeof client.mutate<TData, TVariables>>[0]);
      return { data: (result.data ?? undefined) as TData | undefined };
    } catch (error) {
      return { error: toApiError(error) };
    } finally {
      loading.value = false;
    }
  }

  return { mutate, loading };
}
