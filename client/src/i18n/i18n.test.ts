import { describe, expect, it } from 'vitest';
import { messages } from './messages';

const { nl, en } = messages;

function keys(messages: object, prefix = ''): string[] {
  return Object.entries(messages).flatMap(([key, value]) =>
    value !== null && typeof value === 'object' ? keys(value, `${prefix}${key}.`) : [`${prefix}${key}`],
  );
}

describe('translations', () => {
  it('nl and en have the same keys', () => {
    expect(keys(en).sort()).toEqual(keys(nl).sort());
  });

  it('have no empty messages', () => {
    for (const messages of [nl, en]) {
      const empty = keys(messages).filter((key) => {
        const value = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], messages);
        return typeof value !== 'string' || value.trim() === '';
      });
      expect(empty).toEqual([]);
    }
  });
});
