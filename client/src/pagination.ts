import { computed, ref } from 'vue';

/**
 * Forward cursor paging with a way back: the `after` of every page up to the one on screen, so
 * "previous" pops one and "next" pushes the shown page's `endCursor` (read when clicked).
 */
export function useCursorPages(endCursor: () => string | null | undefined) {
  const cursors = ref<(string | null)[]>([null]);
  return {
    /** 1-based number of the page on screen. */
    page: computed(() => cursors.value.length),
    /** The `after` argument for the page on screen. */
    after: computed(() => cursors.value.at(-1) ?? null),
    next() {
      const end = endCursor();
      if (end) cursors.value = [...cursors.value, end];
    },
    previous() {
      if (cursors.value.length > 1) cursors.value = cursors.value.slice(0, -1);
    },
    /** Back to the first page (after the filter changed). */
    reset() {
      cursors.value = [null];
    },
  };
}
