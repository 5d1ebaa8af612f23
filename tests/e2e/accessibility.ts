import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { FIRST_ADMIN } from './browser.js';
import { ADMIN_ROUTES, ROUTES, type AppRoute } from './routes.js';
import {
  axeViolations,
  openPage,
  pendingReason,
  screenshot,
  signInWithForm,
  switchLanguage,
  useBrowser,
  visit,
} from './session.js';

/**
 * axe-core finds no WCAG 2.1 A/AA violation on any route, in Dutch and in English. One context
 * per language; English is chosen with the header's language switch and then remembered.
 */
export function describeAccessibility(locale: 'nl' | 'en'): void {
  const browser = useBrowser();
  describe(`WCAG 2.1 AA in ${locale}`, () => {
    let context: BrowserContext;
    let page: Page;

    beforeAll(async () => {
      ({ context, page } = await openPage(browser()));
      if (locale === 'en') {
        await visit(page, '/');
        await switchLanguage(page, 'en');
      }
    });
    afterAll(async () => {
      await context?.close();
    });

    if (locale === 'nl') {
      // The check itself must be able to fail: an image without a text alternative is found.
      test('axe reports a planted violation', async () => {
        await visit(page, '/gemeenten');
        await page.evaluate(
          `document.querySelector('main').insertAdjacentHTML('beforeend', '<img src="/favicon.ico" data-planted>')`,
        );
        expect((await axeViolations(page)).some((v) => v.startsWith('image-alt'))).toBe(true);
      });
    }

    checkRoutes(ROUTES, () => page, locale, '');
  });

  describe(`WCAG 2.1 AA in ${locale}, signed in as administrator`, () => {
    let context: BrowserContext;
    let page: Page;

    beforeAll(async () => {
      ({ context, page } = await openPage(browser()));
      await visit(page, '/beheer');
      await signInWithForm(page, FIRST_ADMIN);
      if (locale === 'en') await switchLanguage(page, 'en');
    });
    afterAll(async () => {
      await context?.close();
    });

    // The admin menu shows only to a signed-in administrator: the pages are checked as such.
    checkRoutes(ADMIN_ROUTES, () => page, locale, '-signed-in', 'nav.atlas-admin-nav');
  });
}

function checkRoutes(
  routes: AppRoute[],
  page: () => Page,
  locale: 'nl' | 'en',
  suffix: string,
  mustShow?: string,
): void {
  for (const route of routes) {
    if (route.pending) {
      test.skip(`${route.path} ${pendingReason(route.pending)}`, () => {});
      continue;
    }
    test(`${route.path} has no axe violations`, async () => {
      await visit(page(), route.path);
      expect(await page().evaluate('document.documentElement.lang')).toBe(locale);
      const menu = locale === 'nl' ? 'Hoofdmenu' : 'Main menu';
      expect(await page().getByRole('navigation', { name: menu, exact: true }).count()).toBe(1);
      if (mustShow) await page().locator(mustShow).waitFor();
      await screenshot(page(), `${route.name}-${locale}${suffix}`);
      expect(await axeViolations(page())).toEqual([]);
    });
  }
}
