/**
 * Test helpers for views that embed the map or link with RouterLink: a tiny TopoJSON boundary set,
 * a fake `fetch` for `/boundaries`, and mounting a view under a real (memory) router.
 */
import type { ApolloLink } from '@apollo/client';
import { mount } from '@vue/test-utils';
import { vi } from 'vitest';
import { defineComponent, h, type Component } from 'vue';
import { RouterView, createMemoryHistory, createRouter, type RouteRecordRaw } from 'vue-router';
import { apolloClientKey, createApolloClient } from '../apollo';
import { createAppI18n, type Locale } from '../i18n';
import { clearBoundaryCache, type MunicipalityTopology } from './boundaries';
import { settle } from '../test/app';

export interface TestMunicipality {
  code: string;
  name: string;
}

/** A boundary set of small squares in a row (west to east), one per municipality, like the CBS files. */
export function tinyTopology(year: number, municipalities: TestMunicipality[]): MunicipalityTopology {
  const size = 0.1;
  return {
    type: 'Topology',
    // Exterior rings run clockwise, as d3-geo's spherical polygons expect.
    arcs: municipalities.map((_, i) => {
      const x = 4 + i * size;
      const y = 52;
      return [
        [x, y],
        [x, y + size],
        [x + size, y + size],
        [x + size, y],
        [x, y],
      ];
    }),
    objects: {
      [`gemeente_${year}`]: {
        type: 'GeometryCollection',
        geometries: municipalities.map((m, i) => ({
          type: 'Polygon',
          arcs: [[i]],
          id: m.code,
          properties: { statcode: m.code, statnaam: m.name },
        })),
      },
    },
  };
}

/** Answers `/boundaries` and `/boundaries/gemeente/<year>.topojson` from `sets`; records the URLs asked. */
export function stubBoundaries(sets: Record<number, MunicipalityTopology>, options: { fail?: boolean } = {}) {
  clearBoundaryCache();
  const requested: string[] = [];
  const fetch = vi.fn(async (input: string | URL | Request) => {
    const url = String(input);
    requested.push(url);
    const json = (body: unknown, status = 200) =>
      new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
    if (options.fail) return json({ error: 'INTERNAL' }, 500);
    if (url === '/boundaries') {
      return json({
        boundaries: Object.keys(sets).map((year) => ({ level: 'gemeente', year: Number(year) })),
      });
    }
    const year = /\/boundaries\/gemeente\/(\d{4})\.topojson$/.exec(url)?.[1];
    const set = year ? sets[Number(year)] : undefined;
    return set ? json(set) : json({ error: 'NOT_FOUND' }, 404);
  });
  vi.stubGlobal('fetch', fetch);
  return { requested };
}

const Elsewhere = defineComponent({ name: 'Elsewhere', render: () => null });

/**
 * Mounts `component` as the page of `route` (e.g. `/gemeenten/:code`) at `path`, with i18n, the
 * given Apollo link and a memory router; other paths render nothing, so links can be followed.
 */
export async function mountRoute(
  component: Component,
  link: ApolloLink,
  { route = '/', path = '/', locale = 'nl' as Locale } = {},
) {
  const routes: RouteRecordRaw[] = [
    { path: route, component, props: true },
    { path: '/:rest(.*)*', component: Elsewhere },
  ];
  const router = createRouter({ history: createMemoryHistory(), routes });
  await router.push(path);
  await router.isReady();
  const App = defineComponent({ name: 'TestApp', render: () => h(RouterView) });
  const wrapper = mount(App, {
    attachTo: document.body,
    global: {
      plugins: [createAppI18n(locale), router],
      provide: { [apolloClientKey as symbol]: createApolloClient(link) },
    },
  });
  return { wrapper, router };
}

/**
 * `settle` a few more times: lazily imported parts (the map canvas) need extra ticks. Importing
 * the lazy modules here first makes their dynamic import resolve at once.
 */
export async function settleLazy(rounds = 4): Promise<void> {
  await import('./MapCanvas.vue');
  for (let i = 0; i < rounds; i++) await settle();
}
