import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { openPage, useBrowser, visit } from './session.js';

const browser = useBrowser();

interface Focused {
  id: string;
  tag: string;
  text: string;
  className: string;
  /** An outline or a box shadow is drawn around it. */
  indicator: boolean;
  /** Its box has a size and lies at least partly inside the viewport. */
  onScreen: boolean;
}

const focused = (page: Page): Promise<Focused> =>
  page.evaluate(`(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return { id: '', tag: 'BODY', text: '', className: '', indicator: false, onScreen: false };
    const cs = getComputedStyle(el);
    const r = el.getBoundingClientRect();
    return {
      id: el.id,
      tag: el.tagName,
      text: (el.textContent || '').trim().slice(0, 60),
      className: String(el.className),
      indicator: (cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0) || cs.boxShadow !== 'none',
      onScreen: r.width > 1 && r.height > 1 && r.bottom > 0 && r.right > 0 && r.top < innerHeight && r.left < innerWidth,
    };
  })()`);

describe('keyboard use', () => {
  test('Tab from the top focuses the visible skip link; Enter moves focus to main', async () => {
    const { page, context } = await openPage(browser());
    try {
      await visit(page, '/gemeenten');
      await page.keyboard.press('Tab');
      const skip = await focused(page);
      expect(skip).toMatchObject({ tag: 'A', indicator: true, onScreen: true });
      expect(skip.className).toContain('utrecht-skip-link');

      await page.keyboard.press('Enter');
      await expect.poll(async () => (await focused(page)).id).toBe('main-content');
      expect(new URL(page.url()).hash).toBe('#main-content');
    } finally {
      await context.close();
    }
  });

  test('every one of the first tab stops on the home page shows where focus is', async () => {
    const { page, context } = await openPage(browser());
    try {
      await visit(page, '/');
      const stops: Focused[] = [];
      for (let i = 0; i < 15; i++) {
        await page.keyboard.press('Tab');
        stops.push(await focused(page));
      }
      const invisible = stops.filter((s) => !s.indicator || !s.onScreen).map((s) => `${s.tag} "${s.text}"`);
      expect(invisible).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
