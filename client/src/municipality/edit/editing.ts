import { computed, type InjectionKey } from 'vue';
import { useApolloClient, useQuery } from '../../apollo';
import { editRights, type EditRights } from '../../account/permissions';
import { useMe } from '../../account/useMe';
import {
  MunicipalityEditingDocument,
  type EditableAdoptionFragment,
  type EditableComplianceFragment,
} from '../../gql/graphql';

export type EditableAdoption = EditableAdoptionFragment;
export type EditableCompliance = EditableComplianceFragment;

/**
 * Root fields whose answers an adoption or compliance write can change: the map and dashboard
 * (uptake, adoptions), solution timelines and adopters, standards' compliance lists, the region
 * comparison. They are dropped from the cache, so the next view that needs them asks again.
 */
const AFFECTED_ROOT_FIELDS = [
  'uptake',
  'adoptions',
  'adoptionEvents',
  'adoptionTimeline',
  'regionComparison',
  'solution',
  'solutions',
  'standard',
  'standards',
];
/** The queries of the profile page itself, refetched at once after a write. */
const PROFILE_QUERIES = ['MunicipalityProfile', 'MunicipalityPeers', 'MunicipalityEditing'];

/** What the edit forms of one municipality share: its data with versions, the rights, reloading. */
export function useMunicipalityEditing(code: () => string) {
  const client = useApolloClient();
  const { me } = useMe();
  const { data, loading, error } = useQuery(MunicipalityEditingDocument, () => ({ code: code() }));
  const municipality = computed(() => data.value?.municipality ?? null);

  /** Cooperations of which the municipality is a member (their region contains it). */
  const coveredBy = computed(() => {
    const regions = new Set(municipality.value?.regions.map((r) => r.id) ?? []);
    return (data.value?.organisations.edges ?? [])
      .filter((e) => e.node.region && regions.has(e.node.region.id))
      .map((e) => e.node.slug);
  });

  return {
    municipality,
    loading: computed(() => loading.value && data.value === undefined),
    error,
    rights: computed<EditRights>(() => editRights(me.value, code(), coveredBy.value)),
    adoptions: computed(() => municipality.value?.adoptions.edges.map((e) => e.node) ?? []),
    declarations: computed(() => municipality.value?.standardCompliance ?? []),
    solutions: computed(() => data.value?.solutions.edges.map((e) => e.node) ?? []),
    standards: computed(() => data.value?.standards.edges.map((e) => e.node) ?? []),

    /** Reads the current state from the server (after a CONFLICT: what someone else saved). */
    async reload(): Promise<void> {
      await client
        .query({ query: MunicipalityEditingDocument, variables: { code: code() }, fetchPolicy: 'network-only' })
        .catch(() => undefined);
    },

    /** After a successful write: the profile shows the change, and other views ask again. */
    async refreshAfterWrite(): Promise<void> {
      for (const fieldName of AFFECTED_ROOT_FIELDS)
        client.cache.evict({ id: 'ROOT_QUERY', fieldName, broadcast: false });
      client.cache.gc();
      await client.refetchQueries({ include: PROFILE_QUERIES }).catch(() => undefined);
    },
  };
}

export type MunicipalityEditing = ReturnType<typeof useMunicipalityEditing>;

/** What the editor sections hand down to their forms (a reactive object: read it, do not destructure it). */
export interface EditContext {
  code: string;
  validFrom: string | null;
  validTo: string | null;
  rights: EditRights;
  reload: () => Promise<void>;
  refreshAfterWrite: () => Promise<void>;
  /** Says a result in the section's aria-live region. */
  announce: (message: string) => void;
}

export const editContextKey: InjectionKey<EditContext> = Symbol('municipality-edit');
