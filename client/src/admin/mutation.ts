import type { OperationVariables } from '@apollo/client';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { ref, shallowRef } from 'vue';
import { toApiError, useApolloClient } from '../apollo';

/** Why a write failed: the API's stable code (see `toApiError` in apollo.ts) and its message. */
export interface MutationFailure {
  code: string;
  /** The server's own message (English); shown as detail for input errors only. */
  message: string;
}

/**
 * Runs one mutation and keeps its state for the form that sends it. `run` resolves with the data,
 * or with undefined after a failure (then `failure` says why); it never throws.
 */
export function useMutation<TData, TVariables extends OperationVariables>(
  document: TypedDocumentNode<TData, TVariables>,
  options: { noCache?: boolean; refetch?: string[] } = {},
) {
  const client = useApolloClient();
  const busy = ref(false);
  const failure = shallowRef<MutationFailure>();

  async function run(variables: TVariables): Promise<TData | undefined> {
    busy.value = true;
    failure.value = undefined;
    try {
      const result = await client.mutate<TData, TVariables>({
        mutation: document,
        variables,
        // The Apollo cache keeps what a mutation returns; secrets must not stay in memory that way.
        fetchPolicy: options.noCache ? 'no-cache' : undefined,
        refetchQueries: options.refetch,
        awaitRefetchQueries: true,
      } as Parameters<typeof client.mutate<TData, TVariables>>[0]);
      return result.data ?? undefined;
    } catch (error) {
      const { code, message } = toApiError(error);
      failure.value = { code, message };
      return undefined;
    } finally {
      busy.value = false;
    }
  }

  return { run, busy, failure, reset: () => (failure.value = undefined) };
}
