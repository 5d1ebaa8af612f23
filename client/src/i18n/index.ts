import { watch } from 'vue';
import { createI18n } from 'vue-i18n';
import type nl from './nl.json';
import { messages } from './messages';

export const locales = ['nl', 'en'] as const;
export type Locale = (typeof locales)[number];
export type MessageSchema = typeof nl;

/** localStorage key under which the chosen language is remembered. */
export const LOCALE_STORAGE_KEY = 'atlas.locale';
const DEFAULT_LOCALE: Locale = 'nl';

function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

function storedLocale(): Locale {
  try {
    const value = globalThis.localStorage?.getItem(LOCALE_STORAGE_KEY);
    return isLocale(value) ? value : DEFAULT_LOCALE;
  } catch {
    // Storage can be blocked (privacy settings); Dutch is then the language.
    return DEFAULT_LOCALE;
  }
}

/** Creates the i18n instance; the language follows localStorage and keeps `<html lang>` in step (WCAG 3.1.1). */
export function createAppI18n(locale: Locale = storedLocale()) {
  const i18n = createI18n<[MessageSchema], Locale, false>({
    legacy: false,
    locale,
    fallbackLocale: DEFAULT_LOCALE,
    messages,
  });
  applyDocumentLanguage(locale);
  watch(i18n.global.locale, (next) => {
    applyDocumentLanguage(next);
    rememberLocale(next);
  });
  return i18n;
}

function applyDocumentLanguage(locale: Locale): void {
  if (typeof document !== 'undefined') document.documentElement.lang = locale;
}

function rememberLocale(locale: Locale): void {
  try {
    globalThis.localStorage?.setItem(LOCALE_STORAGE_KEY, locale);
  } catch {
    // Not remembered when storage is blocked; the switch itself still works.
  }
}
