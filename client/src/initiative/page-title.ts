import { watchEffect } from 'vue';
import { useI18n } from 'vue-i18n';

/**
 * Names the page after what it shows ("Common Ground – GGU Atlas", WCAG 2.4.2) once that is
 * known; until then App.vue's generic route title stands. Runs after App's effect (flush post).
 */
export function usePageTitle(name: () => string | null | undefined): void {
  const { t } = useI18n();
  watchEffect(
    () => {
      const value = name();
      if (value) document.title = `${value} – ${t('app.name')}`;
    },
    { flush: 'post' },
  );
}
