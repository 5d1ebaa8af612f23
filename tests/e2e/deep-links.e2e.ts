import { describe, expect, test } from 'vitest';
import { ROUTES } from './routes.js';
import { baseURL, pendingReason } from './session.js';

/** A bookmarked or reloaded address opens the app, not an API answer. */
describe('page loads', () => {
  for (const route of ROUTES) {
    if (route.pending) {
      test.skip(`${route.path} ${pendingReason(route.pending)}`, () => {});
      continue;
    }
    test(`${route.path} answers with the app`, async () => {
      const res = await fetch(`${baseURL()}${route.path}`, { headers: { accept: 'text/html' } });
      expect({ status: res.status, type: res.headers.get('content-type') }).toEqual({
        status: 200,
        type: expect.stringMatching(/^text\/html/),
      });
      expect(await res.text()).toContain('<div id="app">');
    });
  }
});
