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

// Building an Intl formatter is costly; one serves every call.
const NL_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' });

/**
 * Today in the Netherlands, as `YYYY-MM-DD` (the value format of `<input type="date">`). The
 * app's dates are Dutch calendar dates, as on the server (`todayInNL`): a browser in another
 * time zone must not put the map a day behind an adoption recorded "today" around midnight.
 */
export function todayIso(now: Date = new Date()): string {
  return NL_DAY.format(now);
}
