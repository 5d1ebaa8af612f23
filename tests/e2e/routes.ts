/**
 * Every route of the app with a concrete example (demo data), checked by the accessibility and
 * layout journeys. A route whose view is not built yet carries `pending` and is reported as
 * skipped with that reason; remove it once the view lands.
 */
export interface AppRoute {
  name: string;
  path: string;
  pending?: string;
}

export const ROUTES: AppRoute[] = [
  { name: 'home', path: '/' },
  { name: 'municipalities', path: '/gemeenten' },
  { name: 'municipality', path: '/gemeenten/GM0363' },
  { name: 'solutions', path: '/oplossingen' },
  { name: 'solution', path: '/oplossingen/open-zaak' },
  { name: 'initiatives', path: '/initiatieven' },
  { name: 'initiative', path: '/initiatieven/common-ground' },
  { name: 'standards', path: '/standaarden' },
  { name: 'standard', path: '/standaarden/zgw-apis' },
  { name: 'compare', path: '/vergelijken?regio=province&oplossingen=open-zaak,open-formulieren,signalen' },
  { name: 'api', path: '/api' },
  { name: 'search', path: '/zoeken?q=open' },
  { name: 'admin-sign-in', path: '/beheer' },
  { name: 'not-found', path: '/bestaat-niet' },
];

/** The main routes that must fit a 360 px wide screen. */
export const MAIN_ROUTES = ROUTES.filter((r) =>
  ['home', 'municipalities', 'municipality', 'solutions', 'solution', 'compare', 'search', 'api'].includes(r.name),
);

/** The admin area as an administrator sees it (signed in). */
export const ADMIN_ROUTES: AppRoute[] = [
  { name: 'admin', path: '/beheer' },
  { name: 'admin-catalogue', path: '/beheer/catalogus' },
  { name: 'admin-decisions', path: '/beheer/besluiten' },
  { name: 'admin-mergers', path: '/beheer/herindelingen' },
  { name: 'admin-users', path: '/beheer/gebruikers' },
  { name: 'admin-import', path: '/beheer/import' },
];
