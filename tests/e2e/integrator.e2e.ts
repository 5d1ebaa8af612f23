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

/**
 * Replaces the text of one of GraphiQL's Monaco editors as typed input. Monaco closes brackets
 * as they are typed; whatever it added after the cursor is deleted.
 */
async function typeInto(page: Page, editor: Locator, text: string): Promise<void> {
  await editor.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(text);
  await page.keyboard.press('Shift+Control+End');
  await page.keyboard.press('Delete');
}

describe('an integrator', () => {
  test('creates a token and runs a query with it in the explorer', async () => {
    const integrator = await createUser('integrator', { role: 'VIEWER' });
    const { page, context, errors } = await openPage(browser());
    try {
      await visit(page, '/');
      await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'API', exact: true }).click();
      await page.waitForURL('**/api');
      await settled(page);

      await signInWithForm(page, integrator);
      await page.locator('#api-token-name').fill('Zaaksysteem koppeling');
      await expect.poll(() => page.locator('#api-token-scope-READ').isChecked()).toBe(true);
      await page.locator('form.atlas-token-form button[type="submit"]').click();
      const secret = await page.locator('#api-token-secret').inputValue();
      expect(secret).toMatch(/^atlas_[A-Za-z0-9]+_[A-Za-z0-9_-]+$/);
      await page.getByTestId('token-secret').getByRole('button', { name: 'Ik heb het token bewaard' }).click();
      await expect.poll(() => page.getByRole('table').getByText('Zaaksysteem koppeling').count()).toBe(1);

      // Signed out, the explorer can only be the integrator through the token.
      await page.getByRole('button', { name: 'Afmelden' }).click();
      await page.locator('form.atlas-sign-in').waitFor();

      const explorer = page.getByTestId('explorer');
      await explorer.locator('.graphiql-query-editor .monaco-editor').waitFor();
      await explorer.getByRole('button', { name: 'Headers', exact: true }).click();
      await typeInto(
        page,
        explorer.locator('.graphiql-editor-tool .graphiql-editor:not(.hidden) .monaco-editor'),
        JSON.stringify({ Authorization: `Bearer ${secret}` }),
      );
      await typeInto(page, explorer.locator('.graphiql-query-editor .monaco-editor'), '{ me { email } }');
      await explorer.getByRole('button', { name: /^Execute query/ }).click();

      const response = explorer.locator('.graphiql-response');
      await expect.poll(() => response.innerText(), { timeout: 15_000 }).toContain(integrator.email);
      expect(await response.innerText()).not.toContain('"errors"');
      await screenshot(page, 'api-explorer');

      expect(distinctErrors(errors)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
