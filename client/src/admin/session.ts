import { computed } from 'vue';
import { useMe } from '../account/useMe';
import type { Role } from '../gql/graphql';

/**
 * Who is signed in, with role checks for the admin area and the API page. Built on the account
 * feature's `useMe` so the whole app asks for `me` with one operation (and one cache entry).
 */
export function useSession() {
  const { me, loading, refetch } = useMe();
  const hasRole = (role: Role) => me.value?.roles.some((r) => r.role === role) ?? false;
  return { me, loading, refetch, isAdmin: computed(() => hasRole('ADMIN')), hasRole };
}
