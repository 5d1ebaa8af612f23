import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { MAIN_ROUTES } from './routes.js';
import { openPage, pendingReason, screenshot, useBrowser, visit } from './session.js';

const browser = useBrowser();

/**
 * Why a page is wider than the screen: starting at <body>, descend into the child whose hiding
 * removes the horizontal scroll, down to the deepest such element (the cause, not everything a
 * too-wide container pushed out with it). Where no single child is to blame, the children that
 * each make it narrower are listed.
 */
const overflow = (page: Page): Promise<{ scrollWidth: number; width: number; culprits: string[] }> =>
  page.evaluate(`(() => {
    const root = document.documentElement;
    const width = root.clientWidth;
    const scrollWidth = root.scrollWidth;
    const describe = (el) => {
      const cls = typeof el.className === 'string' && el.className.trim() ? '.' + el.className.trim().split(/\\s+/).join('.') : '';
      return el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + cls;
    };
    const widthWithout = (el) => {
      const old = el.style.display;
      el.style.display = 'none';
      const w = root.scrollWidth;
      el.style.display = old;
      return w;
    };
    const culprits = [];
    let node = document.body;
    while (scrollWidth > width && node) {
      const kids = [...node.children].map((el) => ({ el, w: widthWithout(el) }));
      const fixer = kids.find((k) => k.w <= width);
      if (fixer) {
        node = fixer.el;
        continue;
      }
      culprits.push(describe(node) + ' (width ' + Math.round(node.getBoundingClientRect().width) + ')');
      for (const k of kids.filter((k) => k.w < scrollWidth)) culprits.push('  narrower without ' + describe(k.el) + ': ' + k.w);
      break;
    }
    return { scrollWidth, width, culprits };
  })()`);

describe('a 360 px wide screen', () => {
  let context: BrowserContext;
  let page: Page;
  beforeAll(async () => {
    ({ context, page } = await openPage(browser(), {
      viewport: { width: 360, height: 740 },
      isMobile: true,
      hasTouch: true,
    }));
  });
  afterAll(async () => {
    await context?.close();
  });

  for (const route of MAIN_ROUTES) {
    if (route.pending) {
      test.skip(`${route.path} ${pendingReason(route.pending)}`, () => {});
      continue;
    }
    test(`${route.path} has no horizontal scroll`, async () => {
      await visit(page, route.path);
      await screenshot(page, `${route.name}-360px`);
      const o = await overflow(page);
      expect(o.culprits, `scrollWidth ${o.scrollWidth} > ${o.width}`).toEqual([]);
      expect(o.scrollWidth).toBeLessThanOrEqual(o.width);
    });
  }
});
