/** The dates the time slider steps through: the first of every month from `start`, then today. */
export function monthSteps(today: string, start = '2018-01-01'): string[] {
  const steps: string[] = [];
  let year = Number(start.slice(0, 4));
  let month = Number(start.slice(5, 7));
  for (;;) {
    const iso = `${year}-${String(month).padStart(2, '0')}-01`;
    if (iso > today) break;
    steps.push(iso);
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  if (steps.at(-1) !== today) steps.push(today);
  return steps;
}

export function formatMonth(locale: string, isoDate: string): string {
  return new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${isoDate}T00:00:00Z`),
  );
}

/** Whether the user asked the system for less motion (then playback steps slower and nothing fades). */
export function prefersReducedMotion(): boolean {
  return typeof window !== 'undefined' && !!window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
}
