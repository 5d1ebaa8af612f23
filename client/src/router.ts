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
  { path: '/', redirect: '/gemeenten' },
  {
    path: '/gemeenten',
    name: 'municipalities',
    component: MunicipalityListView,
    meta: { titleKey: 'municipalities.title' },
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
