import { mount } from '@vue/test-utils';
import { beforeEach, describe, expect, it } from 'vitest';
import { createAppI18n, LOCALE_STORAGE_KEY } from '../i18n';
import AppFooter from './AppFooter.vue';
import LanguageSwitch from './LanguageSwitch.vue';

beforeEach(() => localStorage.clear());

describe('language', () => {
  it('is Dutch unless another language was chosen before', () => {
    createAppI18n();
    expect(document.documentElement.lang).toBe('nl');
    localStorage.setItem(LOCALE_STORAGE_KEY, 'en');
    expect(createAppI18n().global.locale.value).toBe('en');
    expect(document.documentElement.lang).toBe('en');
  });

  it('switches the UI, <html lang> and remembers the choice', async () => {
    const i18n = createAppI18n('nl');
    const wrapper = mount(
      { components: { LanguageSwitch, AppFooter }, template: '<LanguageSwitch /><AppFooter />' },
      {
        global: { plugins: [i18n] },
      },
    );
    expect(wrapper.text()).toContain('Bron: CBS / PDOK');
    const english = wrapper.findAll('button').find((b) => b.attributes('lang') === 'en')!;
    expect(english.attributes('aria-pressed')).toBe('false');

    await english.trigger('click');

    expect(english.attributes('aria-pressed')).toBe('true');
    expect(wrapper.text()).toContain('Source: CBS / PDOK');
    expect(document.documentElement.lang).toBe('en');
    expect(localStorage.getItem(LOCALE_STORAGE_KEY)).toBe('en');
  });
});
