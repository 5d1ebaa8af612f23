import type { ErrorLike } from '@apollo/client';
import { onScopeDispose, ref, shallowRef, toValue, watch, type MaybeRefOrGetter } from 'vue';
import { useApolloClient } from '../apollo';
import { StandardComplianceDocument, type ComplianceStatus, type StandardComplianceQuery } from '../gql/graphql';

export type Declaration = NonNullable<StandardComplianceQuery['standard']>['compliance']['edges'][number]['node'];

/** Order of the statuses from best to worst, as in the summary and the legend. */
export const COMPLIANCE_ORDER: readonly ComplianceStatus[] = [
  'COMPLIANT',
  'PARTIAL',
  'PLANNED',
  'EXPLAINED',
  'NOT_COMPLIANT',
];

const PAGE_SIZE = 100;
/** A country has fewer than 400 municipalities: more pages than this means the server loops. */
const MAX_PAGES = 20;

/** A declaration older than this (last confirmed) is shown as stale. */
export const STALE_AFTER_DAYS = 365;

/** `DateTime` values arrive as ISO strings (codegen leaves the scalar untyped). */
export function isStale(lastConfirmedAt: unknown, now: Date = new Date()): boolean {
  return now.getTime() - new Date(String(lastConfirmedAt)).getTime() > STALE_AFTER_DAYS * 24 * 60 * 60 * 1000;
}

/**
 * Every declaration about one standard, walking the cursor pages (100 each) one after another:
 * the map needs the whole country, and the connection caps a page at 100.
 */
export function useAllDeclarations(slug: MaybeRefOrGetter<string>, status?: ComplianceStatus[]) {
  const client = useApolloClient();
  const declarations = shallowRef<Declaration[]>();
  const total = ref<number>();
  const loaded = ref(0);
  const loading = ref(true);
  const error = shallowRef<ErrorLike>();
  let run = 0;

  async function load() {
    const mine = ++run;
    loading.value = true;
    error.value = undefined;
    loaded.value = 0;
    const all: Declaration[] = [];
    let after: string | null = null;
    try {
      for (let page = 0; page < MAX_PAGES; page++) {
        const result: { data?: StandardComplianceQuery } = await client.query({
          query: StandardComplianceDocument,
          variables: { slug: toValue(slug), first: PAGE_SIZE, after, status: status ?? null },
        });
        if (mine !== run) return;
        const connection = result.data?.standard?.compliance;
        if (!connection) break;
        all.push(...connection.edges.map((e) => e.node));
        total.value = connection.totalCount;
        loaded.value = all.length;
        const next: string | null | undefined = connection.pageInfo.endCursor;
        if (!connection.pageInfo.hasNextPage || !next || next === after) break;
        after = next;
      }
      declarations.value = all;
    } catch (caught) {
      if (mine === run) error.value = caught as ErrorLike;
    } finally {
      if (mine === run) loading.value = false;
    }
  }

  watch(() => toValue(slug), load, { immediate: true });
  // A later answer for a view that is gone is dropped.
  onScopeDispose(() => void run++);

  return { declarations, total, loaded, loading, error, retry: () => void load() };
}

export function countByStatus(declarations: readonly Declaration[]): Map<ComplianceStatus, number> {
  const counts = new Map<ComplianceStatus, number>(COMPLIANCE_ORDER.map((s) => [s, 0]));
  for (const d of declarations) counts.set(d.status, (counts.get(d.status) ?? 0) + 1);
  return counts;
}
