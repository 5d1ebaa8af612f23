import {
  ApolloClient,
  HttpLink,
  InMemoryCache,
  type ApolloLink,
  type ErrorLike,
  type OperationVariables,
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
