import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { distinctErrors, openPage, screenshot, settled, useBrowser, visit } from './session.js';

const browser = useBrowser();

/** What the home map draws now: every municipality's code and fill, once no redraw is pending. */
async function mapDrawing(page: Page): Promise<string> {
  await page.locator('[data-testid="map-canvas"] path[data-code]').first().waitFor();
  await page.waitForLoadState('networkidle');
  await expect.poll(() => page.locator('.atlas-map').getAttribute('aria-busy')).toBe('false');
  return page
    .locator('[data-testid="map-canvas"] path[data-code]')
    .evaluateAll((paths) => paths.map((p) => `${p.getAttribute('data-code')}=${p.getAttribute('fill')}`).join(';'));
}

describe('an anonymous visitor', () => {
  test('searches, opens a solution and plays the time slider on the home map', async () => {
    const { page, context, errors } = await openPage(browser());
    try {
      await visit(page, '/');
      await screenshot(page, 'home');

      // Search from the header: Enter opens the results page.
      await page.getByTestId('header-search').fill('Open Zaak');
      await page.getByTestId('header-search').press('Enter');
      await page.waitForURL(/\/zoeken\?q=Open(\+|%20)Zaak/);
      const hit = page.getByTestId('search-solutions').getByRole('link', { name: 'Open Zaak', exact: true });
      await hit.waitFor();
      await screenshot(page, 'search');

      await hit.click();
      await page.waitForURL('**/oplossingen/open-zaak');
      await settled(page);
      await expect.poll(() => page.locator('main h1').innerText()).toContain('Open Zaak');
      await screenshot(page, 'solution');

      // Back to the home map via the main navigation.
      await page
        .getByRole('navigation', { name: 'Hoofdmenu' })
        .getByRole('link', { name: 'Home', exact: true })
        .click();
      await page.waitForURL((url) => url.pathname === '/');
      await settled(page);
      const today = await mapDrawing(page);
      const slider = page.getByTestId('time-slider');
      const todayLabel = await page.getByTestId('slider-value').innerText();

      // The first step (January 2018): a keyboard change commits like a release of the thumb.
      await slider.focus();
      await slider.press('Home');
      await expect.poll(() => page.getByTestId('slider-value').innerText()).not.toBe(todayLabel);
      await expect.poll(() => page.getByTestId('uptake-status').innerText()).toMatch(/2018/);
      const start = await mapDrawing(page);
      expect(start).not.toBe(today);

      // Play: the slider advances a month at a time and the map follows; then pause.
      await page.getByTestId('play').click();
      await expect.poll(() => slider.inputValue(), { timeout: 20_000 }).not.toBe('0');
      await expect.poll(async () => Number(await slider.inputValue()), { timeout: 20_000 }).toBeGreaterThanOrEqual(3);
      await page.getByTestId('play').click();
      const pausedAt = await slider.inputValue();
      const played = await mapDrawing(page);
      expect(await slider.inputValue()).toBe(pausedAt);
      expect(played).not.toBe(start);
      await screenshot(page, 'home-played');

      expect(distinctErrors(errors)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
