/** Formatting shared by the views; dates from the API are ISO `YYYY-MM-DD` calendar dates. */

export function formatNumber(locale: string, value: number): string {
  return new Intl.NumberFormat(locale).format(value);
}

export function formatDate(locale: string, isoDate: string): string {
  // A calendar date has no time zone: read and print it as UTC so it never shifts a day.
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(`${isoDate}T00:00:00Z`),
  );
}

/** Today in the user's own calendar, as `YYYY-MM-DD` (the value format of `<input type="date">`). */
export function todayIso(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
