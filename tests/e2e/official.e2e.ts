import type { Locator, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import {
  createUser,
  distinctErrors,
  openPage,
  screenshot,
  settled,
  signInWithForm,
  useBrowser,
  visit,
} from './session.js';

const browser = useBrowser();

const MUNICIPALITY = { code: 'GM0344', name: 'Utrecht' };

/** Waits until the home map has no redraw pending. */
async function mapIdle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await expect.poll(() => page.locator('.atlas-map').getAttribute('aria-busy')).toBe('false');
}

/** The option values of a select, without the empty "choose" option. */
async function optionValues(select: Locator): Promise<{ value: string; label: string }[]> {
  const options = await select
    .locator('option')
    .evaluateAll((os) => os.map((o) => ({ value: (o as HTMLOptionElement).value, label: o.textContent!.trim() })));
  return options.filter((o) => o.value !== '');
}

/**
 * (c) A municipal official (role EDITOR of their municipality, made with `createUser` from
 * session.ts) signs in, records a new status for their municipality on its profile, sees it in
 * the adoption's history there and on the home map with that solution chosen.
 */
describe('a municipal official', () => {
  test('signs in, records an adoption and sees it on the map and in the timeline', async () => {
    const official = await createUser('official', { role: 'EDITOR', municipalityCode: MUNICIPALITY.code });
    const { page, context, errors } = await openPage(browser());
    try {
      // Sign in; the form sends the official back to their municipality's profile.
      await visit(page, `/inloggen?terug=/gemeenten/${MUNICIPALITY.code}`);
      await screenshot(page, 'official-sign-in');
      await signInWithForm(page, official);
      await page.waitForURL(`**/gemeenten/${MUNICIPALITY.code}`);
      await settled(page);
      await expect.poll(() => page.getByTestId('account-name').innerText()).toBe(official.displayName);

      const editor = page.getByTestId('adoption-editor');
      await editor.waitFor();
      await expect.poll(() => page.locator('main h1').innerText()).toContain(MUNICIPALITY.name);
      await screenshot(page, 'official-profile');

      // A solution the municipality has no record of yet, else one of its adoptions not LIVE.
      let form: Locator;
      let solution: { slug: string; name: string };
      const add = editor.getByTestId('add-adoption');
      if (await add.isVisible()) {
        await add.click();
        form = editor.getByTestId('adoption-form');
        await form.waitFor();
        const [first] = await optionValues(form.locator('select[name="solution"]'));
        if (!first) throw new Error('the add form offers no solution');
        solution = { slug: first.value, name: first.label };
        await form.locator('select[name="solution"]').selectOption(solution.slug);
      } else {
        const item = editor
          .getByTestId('edit-adoption')
          .filter({ hasNot: page.locator('.atlas-edit-item__state', { hasText: /^Live sinds/ }) })
          .first();
        const name = (await item.locator('h4').innerText()).trim();
        await item.getByTestId('edit-adoption-toggle').click();
        form = item.getByTestId('adoption-form');
        await form.waitFor();
        solution = { slug: '', name };
      }
      await form.locator('select[name="status"]').selectOption('LIVE');
      const today = await form.locator('input[name="effectiveDate"]').inputValue();
      expect(today).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      await screenshot(page, 'official-form');

      await form.locator('button[type="submit"]').click();
      await expect
        .poll(() => editor.getByTestId('edit-status').innerText())
        .toContain(`De status van ${solution.name} is opgeslagen.`);
      await form.waitFor({ state: 'detached' });
      await page.waitForLoadState('networkidle');

      // The profile's history shows the new LIVE event, effective today.
      const adoption = page
        .getByTestId('adoptions')
        .getByTestId('adoption')
        .filter({ has: page.getByRole('link', { name: solution.name, exact: true }) });
      await adoption.waitFor();
      if (!solution.slug) {
        const href = await adoption.getByRole('link', { name: solution.name, exact: true }).getAttribute('href');
        solution.slug = href!.split('/').pop()!;
      }
      await expect.poll(() => adoption.locator('h3').innerText()).toContain('Live');
      await adoption.locator('details summary').click();
      const event = adoption.getByTestId('adoption-event').filter({ has: page.locator(`time[datetime="${today}"]`) });
      await event.first().waitFor();
      await expect.poll(() => event.first().innerText()).toContain('Live');
      await screenshot(page, 'official-saved');

      // The home map, that solution chosen: the municipality is now shown as live.
      await visit(page, '/');
      await page.getByTestId('selection').selectOption(`solution:${solution.slug}`);
      await mapIdle(page);
      await page.getByTestId('map-search').fill(MUNICIPALITY.name);
      await page.getByTestId('map-search').press('Enter');
      await expect
        .poll(() => page.getByTestId('map-search-result').innerText())
        .toContain(`${MUNICIPALITY.name}: Live.`);
      await screenshot(page, 'official-map');

      // The table alternative says the same.
      await page.getByTestId('map-toggle').click();
      const row = page.getByTestId('map-table-row').filter({ hasText: MUNICIPALITY.code });
      await row.waitFor();
      await mapIdle(page);
      await expect.poll(() => row.locator('td').nth(1).innerText()).toBe('Live');
      await screenshot(page, 'official-map-table');

      expect(distinctErrors(errors)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
