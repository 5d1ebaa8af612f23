import type { GeometryCollection, Topology } from 'topojson-specification';
import { computed, ref, shallowRef, toValue, watch, type ComputedRef, type MaybeRefOrGetter } from 'vue';

/** Properties CBS/PDOK put on each municipality geometry (the geometry `id` is the CBS code too). */
export interface MunicipalityProperties {
  statcode: string;
  statnaam: string;
}

export type MunicipalityTopology = Topology<{ [name: string]: GeometryCollection<MunicipalityProperties> }>;

/** One municipality as the boundary set names it: CBS code and CBS/PDOK name. */
export interface BoundaryMunicipality {
  code: string;
  name: string;
}

/** The name of the TopoJSON object holding the municipalities of `year` (`gemeente_2025`). */
export const objectName = (year: number) => `gemeente_${year}`;

export const boundaryUrl = (year: number) => `/boundaries/gemeente/${year}.topojson`;

// One request per boundary set per page load: the sets never change within a session.
const topologies = new Map<number, Promise<MunicipalityTopology>>();
let index: Promise<number[]> | undefined;

async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url, { headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return (await response.json()) as T;
}

export function loadTopology(year: number): Promise<MunicipalityTopology> {
  let promise = topologies.get(year);
  if (!promise) {
    promise = getJson<MunicipalityTopology>(boundaryUrl(year));
    // A failed load may be retried later.
    promise.catch(() => topologies.delete(year));
    topologies.set(year, promise);
  }
  return promise;
}

/** The years of the municipal boundary sets the server has (`GET /boundaries`), ascending. */
export function loadBoundaryYears(): Promise<number[]> {
  if (!index) {
    index = getJson<{ boundaries: { level: string; year: number }[] }>('/boundaries').then((body) =>
      body.boundaries
        .filter((b) => b.level === 'gemeente')
        .map((b) => b.year)
        .sort((a, b) => a - b),
    );
    index.catch(() => (index = undefined));
  }
  return index;
}

/** Forgets every loaded set; for tests. */
export function clearBoundaryCache(): void {
  topologies.clear();
  index = undefined;
}

/** The municipalities of a boundary set, in the order of the file. */
export function municipalitiesOf(topology: MunicipalityTopology, year: number): BoundaryMunicipality[] {
  const object = topology.objects[objectName(year)] ?? Object.values(topology.objects)[0];
  return (object?.geometries ?? []).map((g) => {
    const properties = g.properties as Partial<MunicipalityProperties> | undefined;
    const code = String(g.id ?? properties?.statcode ?? '');
    return { code, name: properties?.statnaam ?? code };
  });
}

/** Loads the boundary set of `year` whenever it changes; the previous set stays until the next arrives. */
export function useTopology(year: MaybeRefOrGetter<number | null>) {
  const topology = shallowRef<MunicipalityTopology>();
  const loadedYear = ref<number>();
  const loading = ref(false);
  const error = ref(false);
  let latest = 0;

  async function load(wanted: number | null) {
    if (wanted === null) return;
    const ticket = ++latest;
    loading.value = true;
    error.value = false;
    try {
      const result = await loadTopology(wanted);
      if (ticket !== latest) return;
      topology.value = result;
      loadedYear.value = wanted;
    } catch {
      if (ticket === latest) error.value = true;
    } finally {
      if (ticket === latest) loading.value = false;
    }
  }

  watch(() => toValue(year), load, { immediate: true });
  return { topology, loadedYear, loading, error, retry: () => load(toValue(year)) };
}

/** What `boundaryYearFor` needs to know of each municipality that existed on the date. */
export interface Validity {
  validFrom?: string | null;
  validTo?: string | null;
}

const nextDay = (isoDate: string) => {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
};

/**
 * The boundary set that shows the municipalities of `date`, as they were then.
 *
 * A set of year Y holds the municipalities of Y-01-01. It fits `date` when no reorganisation took
 * effect between Y-01-01 and `date`: Y-01-01 lies on or after the latest start (`validFrom`) and
 * before the earliest end (`validTo` + 1 day) of the municipalities that existed on `date`. So 2020
 * is drawn with the 2019 set and 2023–2024 with the 2025 set, without a hard-coded table. Without
 * validity data (or when nothing fits) the latest set of a year ≤ the date's year is used.
 */
export function boundaryYearFor(
  date: string,
  years: readonly number[],
  existing: readonly Validity[] = [],
): number | null {
  if (years.length === 0) return null;
  const sorted = [...years].sort((a, b) => a - b);
  const starts = existing.map((m) => m.validFrom).filter((d): d is string => !!d && d <= date);
  const ends = existing.map((m) => m.validTo).filter((d): d is string => !!d && d >= date);
  const lastChange = starts.length ? starts.reduce((a, b) => (a > b ? a : b)) : null;
  const nextChange = ends.length ? nextDay(ends.reduce((a, b) => (a < b ? a : b))) : null;

  if (existing.length > 0) {
    const fitting = sorted.filter((y) => {
      const start = `${y}-01-01`;
      return (lastChange === null || start >= lastChange) && (nextChange === null || start < nextChange);
    });
    if (fitting.length > 0) {
      // Prefer the set closest before the date; a later identical set otherwise.
      const before = fitting.filter((y) => `${y}-01-01` <= date);
      return before.length ? before[before.length - 1]! : fitting[0]!;
    }
  }
  const year = Number(date.slice(0, 4));
  const atOrBefore = sorted.filter((y) => y <= year);
  return atOrBefore.length ? atOrBefore[atOrBefore.length - 1]! : sorted[0]!;
}

/**
 * The boundary year for the municipalities of a date (see `boundaryYearFor`), once the server's
 * list of boundary sets is known. If that list cannot be loaded, the date's own year is tried.
 */
export function useBoundaryYear(
  date: MaybeRefOrGetter<string | null | undefined>,
  existing: MaybeRefOrGetter<readonly Validity[]>,
): ComputedRef<number | null> {
  const years = shallowRef<number[] | null>(null);
  const failed = ref(false);
  loadBoundaryYears().then(
    (list) => (years.value = list),
    () => (failed.value = true),
  );
  return computed(() => {
    const d = toValue(date);
    if (!d) return null;
    if (failed.value) return Number(d.slice(0, 4));
    return years.value ? boundaryYearFor(d, years.value, toValue(existing)) : null;
  });
}
