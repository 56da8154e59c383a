import { countryNames } from "~/ui/countries";

// The one date formatter. Dates from reports may lack the day ("2018-07") or the month ("2018").
const months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

export function formatPartialDate(value: string | null | undefined): string {
  if (!value) return "";
  const [year, month, day] = value.split("-");
  const monthName = month ? months[Number(month) - 1] : undefined;
  if (day && monthName) return `${Number(day)} ${monthName} ${year}`;
  if (monthName) return `${monthName} ${year}`;
  return year ?? value;
}

export function formatDateTime(value: Date | string): string {
  const date = typeof value === "string" ? new Date(value) : value;
  return `${formatPartialDate(date.toISOString().slice(0, 10))}, ${date.toISOString().slice(11, 16)} UTC`;
}

export function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}

/** "BE" → "Belgium"; an unknown code comes back as it is. */
export function countryName(code: string | null | undefined): string {
  if (!code) return "";
  return countryNames[code.toUpperCase()] ?? code;
}

const numbers = new Intl.NumberFormat("en");
const plurals = new Intl.PluralRules("en");

/** 2314 → "2,314". */
export function formatNumber(n: number): string {
  return numbers.format(n);
}

/** A count with its noun in the right number: count(1, "letter") → "1 letter", count(2, "person", "people") → "2 people". */
export function count(n: number, one: string, other = `${one}s`): string {
  return `${formatNumber(n)} ${plurals.select(n) === "one" ? one : other}`;
}

/** The word that agrees with a count: plural(1, "stays", "stay") → "stays". */
export function plural(n: number, one: string, other: string): string {
  return plurals.select(n) === "one" ? one : other;
}

/** "1 person has signed so far.", "2,314 people have signed so far." */
export function signedSoFar(n: number): string {
  return `${count(n, "person", "people")} ${plural(n, "has", "have")} signed so far.`;
}
