// Numbers, dates and country names in the reader's language. Written out rather than taken from
// Intl at render time: the server and every browser must print the very same text (hydration).
import type { TFunction } from "i18next";

const groupSeparators: Record<string, string> = { en: ",", de: ".", nl: ".", fr: "\u202f", ru: "\u00a0", kk: "\u00a0" };

/** 2314 → "2,314" (en), "2.314" (de), "2 314" (fr, ru). Russian and Kazakh leave four digits ungrouped, as is usual. */
export function formatNumberIn(language: string, n: number): string {
  const digits = String(Math.trunc(Math.abs(n)));
  const sign = n < 0 ? "-" : "";
  if (digits.length <= 3 || ((language === "ru" || language === "kk" || language === "fr") && digits.length === 4)) return sign + digits;
  const separator = groupSeparators[language] ?? ",";
  return sign + digits.replace(/\B(?=(\d{3})+(?!\d))/g, separator);
}

/** A date from a report, which may lack its day ("2018-07") or month ("2018"); no time is invented. */
export function formatPartialDateIn(t: TFunction, value: string | null | undefined): string {
  if (!value) return "";
  const [year, month, day] = value.split("-");
  const m = Number(month);
  if (!year || !month || !(m >= 1 && m <= 12)) return year ?? value;
  if (!day) return t("date.monthYear", { month: t(`date.monthsAlone.m${m}`), year });
  return t("date.dayMonthYear", { day: Number(day), month: t(`date.months.m${m}`), year });
}

/** A moment something happened on this site (a news item published), with its UTC time. */
export function formatDateTimeIn(t: TFunction, value: Date | string): string {
  const iso = (typeof value === "string" ? new Date(value) : value).toISOString();
  return t("date.withTime", { date: formatPartialDateIn(t, iso.slice(0, 10)), time: iso.slice(11, 16) });
}

export function countryNameIn(t: TFunction, code: string | null | undefined): string {
  if (!code) return "";
  const key = `countries.${code.toUpperCase()}`;
  return t(key, { defaultValue: code });
}

/** The countries for a select, in the reader's language and alphabetical order (the messages keep that order). */
export function countryOptionsIn(i18n: { language: string; getResource: (lng: string, ns: string, key: string) => unknown }) {
  const names = i18n.getResource(i18n.language, "translation", "countries");
  if (!names || typeof names !== "object") return [];
  return Object.entries(names).map(([value, label]) => ({ value, label: String(label) }));
}
