import { inject, nextTick, ref, shallowRef } from 'vue';
import { useI18n } from 'vue-i18n';
import type { ApiError } from '../../apollo';
import { editContextKey } from './editing';
import { failureText, nextVersion } from './failure';

interface Action {
  /** Sends the action for `version`. */
  send: (version: number) => Promise<{ error?: ApiError }>;
  /** Said in the live region when it succeeded. */
  success: string;
  /** The record's version as the page shows it now. */
  currentVersion: () => number | undefined;
  /** What the user asked for, and the value it was about, for the conflict notice. */
  label: string;
  shown: string;
}

/**
 * A one-click write on a versioned record (Bevestigen, merger review): sends the version shown;
 * on CONFLICT it reloads, keeps what the user asked for, and can send it again on the new version.
 */
export function useVersionedAction(onConflict: () => void) {
  const ctx = inject(editContextKey)!;
  const { t } = useI18n();
  const busy = ref(false);
  const failure = ref<string>();
  const conflict = shallowRef<{ action: Action; reported: number | null } | null>(null);

  async function perform(action: Action, version: number): Promise<boolean> {
    failure.value = undefined;
    conflict.value = null;
    busy.value = true;
    const { error } = await action.send(version);
    busy.value = false;
    if (!error) {
      await ctx.refreshAfterWrite();
      ctx.announce(action.success);
      return true;
    }
    if (error.code === 'CONFLICT') {
      await ctx.reload();
      conflict.value = { action, reported: error.currentVersion ?? null };
      await nextTick();
      onConflict();
    } else {
      failure.value = failureText(t, error);
    }
    return false;
  }

  return {
    busy,
    failure,
    conflict,
    perform,
    /** Sends the action again on the version the server now has. */
    async reapply(): Promise<boolean> {
      const c = conflict.value;
      if (!c) return false;
      const version = nextVersion(c.reported, c.action.currentVersion());
      if (version === null) return false;
      return perform(c.action, version);
    },
    cancel: () => (conflict.value = null),
  };
}
