import { computed, nextTick, provide, reactive, ref } from 'vue';
import { editContextKey, useMunicipalityEditing, type EditContext } from './editing';

/**
 * Sets up an editor section: its data, the context its forms inject, and its live region's
 * message. Each section announces its own results.
 */
export function useEditorSection(code: () => string) {
  const editing = useMunicipalityEditing(code);
  const message = ref('');

  function announce(text: string) {
    // Cleared first, so the same text twice in a row is still announced.
    message.value = '';
    void nextTick(() => (message.value = text));
  }

  const context = reactive({
    code: computed(code),
    validFrom: computed(() => editing.municipality.value?.validFrom ?? null),
    validTo: computed(() => editing.municipality.value?.validTo ?? null),
    rights: editing.rights,
    reload: editing.reload,
    refreshAfterWrite: editing.refreshAfterWrite,
    announce,
  }) satisfies EditContext;
  provide(editContextKey, context);

  return { editing, message };
}
