import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router';
import NotFoundView from './layout/NotFoundView.vue';
import MunicipalityListView from './municipality/MunicipalityListView.vue';

declare module 'vue-router' {
  interface RouteMeta {
    /** i18n key of the page title, shown in `document.title` (WCAG 2.4.2). */
    titleKey?: string;
  }
}

export const routes: RouteRecordRaw[] = [
  // Home, municipality profile and solutions: each view is its own chunk (the map, chart and graph load later still).
  {
    path: '/',
    name: 'home',
    component: () => import('./dashboard/DashboardView.vue'),
    meta: { titleKey: 'dashboard.title' },
  },
  {
    path: '/gemeenten',
    name: 'municipalities',
    component: MunicipalityListView,
    meta: { titleKey: 'municipalities.title' },
  },
  {
    path: '/gemeenten/:code',
    name: 'municipality',
    component: () => import('./municipality/MunicipalityProfileView.vue'),
    props: true,
    meta: { titleKey: 'municipality.title' },
  },
  {
    path: '/oplossingen',
    name: 'solutions',
    component: () => import('./solution/SolutionListView.vue'),
    meta: { titleKey: 'solution.listTitle' },
  },
  {
    path: '/oplossingen/:slug',
    name: 'solution',
    component: () => import('./solution/SolutionView.vue'),
    props: true,
    meta: { titleKey: 'solution.pageTitle' },
  },
  // Initiatives, standards, comparison, API and search: each view is its own chunk.
  {
    path: '/initiatieven',
    name: 'initiatives',
    component: () => import('./initiative/InitiativeListView.vue'),
    meta: { titleKey: 'initiative.listTitle' },
  },
  {
    path: '/initiatieven/:slug',
    name: 'initiative',
    component: () => import('./initiative/InitiativeView.vue'),
    props: true,
    meta: { titleKey: 'initiative.pageTitle' },
  },
  {
    path: '/standaarden',
    name: 'standards',
    component: () => import('./standard/StandardListView.vue'),
    meta: { titleKey: 'standard.listTitle' },
  },
  {
    path: '/standaarden/:slug',
    name: 'standard',
    component: () => import('./standard/StandardView.vue'),
    props: true,
    meta: { titleKey: 'standard.pageTitle' },
  },
  {
    path: '/vergelijken',
    name: 'compare',
    component: () => import('./compare/CompareView.vue'),
    meta: { titleKey: 'compare.title' },
  },
  { path: '/api', name: 'api', component: () => import('./api/ApiView.vue'), meta: { titleKey: 'api.title' } },
  {
    path: '/zoeken',
    name: 'search',
    component: () => import('./search/SearchView.vue'),
    meta: { titleKey: 'search.title' },
  },
  {
    path: '/inloggen',
    name: 'sign-in',
    component: () => import('./account/SignInView.vue'),
    meta: { titleKey: 'account.signIn.title' },
  },
  {
    path: '/beheer',
    component: () => import('./admin/AdminView.vue'),
    meta: { titleKey: 'admin.title' },
    children: [
      { path: '', name: 'admin', component: () => import('./admin/AdminHome.vue'), meta: { titleKey: 'admin.title' } },
      {
        path: 'catalogus',
        name: 'admin-catalogue',
        component: () => import('./admin/CatalogueAdmin.vue'),
        meta: { titleKey: 'admin.nav.catalogue' },
      },
      {
        path: 'besluiten',
        name: 'admin-decisions',
        component: () => import('./admin/DecisionAdmin.vue'),
        meta: { titleKey: 'admin.nav.decisions' },
      },
      {
        path: 'herindelingen',
        name: 'admin-mergers',
        component: () => import('./admin/MergerReviewAdmin.vue'),
        meta: { titleKey: 'admin.nav.mergers' },
      },
      {
        path: 'gebruikers',
        name: 'admin-users',
        component: () => import('./admin/UserAdmin.vue'),
        meta: { titleKey: 'admin.nav.users' },
      },
      {
        path: 'import',
        name: 'admin-import',
        component: () => import('./admin/CsvImportAdmin.vue'),
        meta: { titleKey: 'admin.nav.import' },
      },
    ],
  },
  { path: '/:pathMatch(.*)*', name: 'not-found', component: NotFoundView, meta: { titleKey: 'notFound.title' } },
];

export function createAppRouter() {
  const router = createRouter({ history: createWebHistory(), routes });
  // After a client-side navigation, move focus to the new content as a page load would.
  router.afterEach((_to, from) => {
    if (from.matched.length === 0) return;
    requestAnimationFrame(() => document.getElementById('main-content')?.focus());
  });
  return router;
}
