import type { ApolloLink } from '@apollo/client';
import { mount } from '@vue/test-utils';
import { defineComponent, h, type Component } from 'vue';
import { createMemoryHistory, createRouter, RouterView, type RouteRecordRaw } from 'vue-router';
import { apolloClientKey, createApolloClient } from '../apollo';
import AdminHome from '../admin/AdminHome.vue';
import AdminView from '../admin/AdminView.vue';
import CatalogueAdmin from '../admin/CatalogueAdmin.vue';
import CsvImportAdmin from '../admin/CsvImportAdmin.vue';
import DecisionAdmin from '../admin/DecisionAdmin.vue';
import MergerReviewAdmin from '../admin/MergerReviewAdmin.vue';
import UserAdmin from '../admin/UserAdmin.vue';
import ApiView from '../api/ApiView.vue';
import CompareView from '../compare/CompareView.vue';
import { createAppI18n, type Locale } from '../i18n';
import SearchView from '../search/SearchView.vue';
import StandardListView from '../standard/StandardListView.vue';
import StandardView from '../standard/StandardView.vue';
import InitiativeListView from './InitiativeListView.vue';
import InitiativeView from './InitiativeView.vue';

/**
 * The routes of the views these tests cover, as router.ts declares them, plus a catch-all for the
 * pages they link to (other features' views, which these tests do not load). The views are
 * imported up front: a lazy import inside the first test of a file would spend its time budget
 * on compiling them.
 */
const routes: RouteRecordRaw[] = [
  { path: '/initiatieven', component: InitiativeListView },
  { path: '/initiatieven/:slug', component: InitiativeView, props: true },
  { path: '/standaarden', component: StandardListView },
  { path: '/standaarden/:slug', component: StandardView, props: true },
  { path: '/vergelijken', component: CompareView },
  { path: '/api', component: ApiView },
  { path: '/zoeken', component: SearchView },
  {
    path: '/beheer',
    component: AdminView,
    children: [
      { path: '', component: AdminHome },
      { path: 'catalogus', component: CatalogueAdmin },
      { path: 'besluiten', component: DecisionAdmin },
      { path: 'herindelingen', component: MergerReviewAdmin },
      { path: 'gebruikers', component: UserAdmin },
      { path: 'import', component: CsvImportAdmin },
    ],
  },
  { path: '/:pathMatch(.*)*', component: { render: () => null } },
];

/**
 * Mounts these routes at `path` (memory history) with a fake Apollo link: for views
 * that read route params or keep their state in the URL. Test-only.
 */
export async function mountRoute(
  path: string,
  link: ApolloLink,
  { locale = 'nl', stubs = {} }: { locale?: Locale; stubs?: Record<string, Component | boolean> } = {},
) {
  const router = createRouter({ history: createMemoryHistory(), routes });
  await router.push(path);
  await router.isReady();
  const client = createApolloClient(link);
  const wrapper = mount(defineComponent({ render: () => h(RouterView) }), {
    attachTo: document.body,
    global: {
      plugins: [createAppI18n(locale), router],
      stubs,
      provide: { [apolloClientKey as symbol]: client },
    },
  });
  return { wrapper, router, client };
}

/** Adds `__typename` the way a GraphQL server would, for fixtures written without it. */
export const typed = <T extends object>(typename: string, value: T) => ({ __typename: typename, ...value });
