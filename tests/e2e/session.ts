import { randomBytes } from 'node:crypto';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { FIRST_ADMIN, launchChromium, repoRoot } from './browser.js';

/** Helpers for the journeys: one Chromium per test file, a fresh context per test. */

export const baseURL = (): string => inject('baseURL');
export const artefactsDir = path.join(repoRoot, 'test-results/e2e');

/** Launches Chromium before the file's tests and closes it after; call at the top of a file. */
export function useBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('useBrowser(): the browser is not launched yet');
    return browser;
  };
}

export interface OpenedPage {
  context: BrowserContext;
  page: Page;
  /** Uncaught page errors and console errors seen so far. */
  errors: string[];
}

/** The distinct errors of a page, each cut to its first 200 characters, with how often it came. */
export function distinctErrors(errors: readonly string[]): string[] {
  const counts = new Map<string, number>();
  for (const e of errors) {
    const key = e.replace(/'sha256-[^']+'/g, "'sha256-…'").slice(0, 200);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].map(([e, n]) => (n > 1 ? `${n}× ${e}` : e));
}

/** A new context (own cookies and storage) and page; Dutch unless the UI is switched. */
export async function openPage(browser: Browser, options: BrowserContextOptions = {}): Promise<OpenedPage> {
  const context = await browser.newContext({ baseURL: baseURL(), viewport: { width: 1280, height: 900 }, ...options });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`console: ${msg.text()}`);
  });
  return { context, page, errors };
}

/**
 * Opens a route as a fresh page load and waits until the app has rendered it: the network is
 * idle (queries, boundaries and lazy chunks loaded) and the page's heading is visible.
 */
export async function visit(page: Page, route: string): Promise<void> {
  const response = await page.goto(route, { waitUntil: 'networkidle' });
  const type = response?.headers()['content-type'] ?? '';
  if (!response?.ok() || !type.startsWith('text/html')) {
    throw new Error(`GET ${route} answered ${response?.status()} ${type}, not the app`);
  }
  await settled(page);
}

/** Waits for a rendered, finished view: a visible h1 in main, no busy region, an idle network. */
export async function settled(page: Page): Promise<void> {
  await page.locator('main h1').first().waitFor({ state: 'visible' });
  await page.waitForLoadState('networkidle');
  await page.waitForFunction(`!document.querySelector('main [aria-busy="true"]')`);
}

/** A full-page screenshot kept in test-results/e2e/ as a test artefact. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(artefactsDir, `${name}.png`), fullPage: true });
}

/** Switches the language with the header's switch, as a visitor would. */
export async function switchLanguage(page: Page, locale: 'nl' | 'en'): Promise<void> {
  const button = page.locator(`.atlas-language-switch button[lang="${locale}"]`);
  await button.click();
  await page.waitForFunction(`document.documentElement.lang === '${locale}'`);
  await page.locator(`.atlas-language-switch button[lang="${locale}"][aria-pressed="true"]`).waitFor();
}

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** axe-core's WCAG 2.1 A/AA violations of the page as it is now, one line per element. */
export async function axeViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  return result.violations.flatMap((v) =>
    v.nodes.map(
      (n) =>
        `${v.id} (${v.impact ?? '?'}): ${n.target.join(' ')} — ${n.failureSummary?.split('\n')[1]?.trim() ?? v.help}`,
    ),
  );
}

/** POSTs a GraphQL operation to the running server (for set-up and checks outside the UI). */
export async function graphql<T = Record<string, unknown>>(
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<T> {
  return (await graphqlResponse<T>(query, variables, headers)).data;
}

async function graphqlResponse<T>(
  query: string,
  variables: Record<string, unknown>,
  headers: Record<string, string>,
): Promise<{ data: T; res: Response }> {
  const res = await fetch(`${baseURL()}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: T; errors?: { message: string }[] };
  if (body.errors?.length) throw new Error(`GraphQL: ${body.errors.map((e) => e.message).join('; ')}`);
  return { data: body.data as T, res };
}

/** Signs in through the API and returns the `cookie` header of the session. */
export async function apiSignIn(email: string, password: string): Promise<{ cookie: string }> {
  const { res } = await graphqlResponse(
    `mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { id } }`,
    { email, password },
    {},
  );
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .find((c) => c.startsWith('atlas_session='));
  if (!cookie) throw new Error('login set no atlas_session cookie');
  return { cookie };
}

export interface TestUser {
  id: string;
  email: string;
  password: string;
  displayName: string;
}

/** A new user made by the first administrator, optionally with one role (e.g. EDITOR of a municipality). */
export async function createUser(
  name: string,
  role?: { role: string; municipalityCode?: string; organisationSlug?: string },
): Promise<TestUser> {
  const admin = await apiSignIn(FIRST_ADMIN.email, FIRST_ADMIN.password);
  const user = {
    email: `${name}-${randomBytes(4).toString('hex')}@atlas.test`,
    password: `${name}-password-${randomBytes(6).toString('hex')}`,
    displayName: name,
  };
  const { createUser: created } = await graphql<{ createUser: { id: string } }>(
    `
      mutation ($input: CreateUserInput!) {
        createUser(input: $input) {
          id
        }
      }
    `,
    { input: user },
    { cookie: admin.cookie },
  );
  if (role) {
    await graphql(
      `
        mutation ($input: RoleInput!) {
          grantRole(input: $input) {
            id
          }
        }
      `,
      { input: { userId: created.id, ...role } },
      { cookie: admin.cookie },
    );
  }
  return { id: created.id, ...user };
}

/** Signs in with the sign-in form on the current page (an inline form or the `/inloggen` page). */
export async function signInWithForm(page: Page, user: { email: string; password: string }): Promise<void> {
  const form = page.locator('form.atlas-sign-in, form[data-testid="sign-in-form"]').first();
  await form.locator('input[type="email"]').fill(user.email);
  await form.locator('input[type="password"]').fill(user.password);
  await form.locator('button[type="submit"]').click();
  await form.waitFor({ state: 'detached' });
}

/** Records a pending journey: visible in the report as skipped, with the reason in its name. */
export function pendingReason(reason: string): string {
  return `[pending: ${reason}]`;
}
