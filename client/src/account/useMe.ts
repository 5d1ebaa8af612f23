import { computed } from 'vue';
import { useApolloClient, useMutation, useQuery } from '../apollo';
import { CurrentUserDocument, SignInDocument, SignOutDocument, type AccountUserFragment } from '../gql/graphql';

export type Me = AccountUserFragment;

/**
 * Who is signed in. The session is an httpOnly cookie the script never sees, so the server's
 * `me` is the only source; it is null without a session (or when it cannot be asked).
 */
export function useMe() {
  const { data, loading, refetch } = useQuery(CurrentUserDocument, {});
  return {
    me: computed<Me | null>(() => data.value?.me ?? null),
    /** True until the first answer arrived. */
    loading: computed(() => loading.value && data.value === undefined),
    refetch,
  };
}

/**
 * Signing in and out. Both reset the Apollo store: what was cached belongs to the previous
 * user (or to nobody), and every query on screen is asked again as the new one.
 */
export function useAccount() {
  const client = useApolloClient();
  const signIn = useMutation(SignInDocument);
  const signOut = useMutation(SignOutDocument);
  return {
    async signIn(email: string, password: string) {
      const result = await signIn.mutate({ email, password });
      if (result.data) await client.resetStore().catch(() => undefined);
      return result;
    },
    async signOut() {
      const result = await signOut.mutate({});
      if (!result.error) await client.resetStore().catch(() => undefined);
      return result;
    },
    signingIn: signIn.loading,
    signingOut: signOut.loading,
  };
}
