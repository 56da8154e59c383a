// Lists kept in one text column as "|a|b|", so a LIKE '%|a|%' finds one member on any database.
export function encodeList(values: Iterable<string>): string {
  const unique = [...new Set([...values].map((v) => v.trim()).filter(Boolean))];
  return unique.length ? `|${unique.join("|")}|` : "";
}

export function decodeList(value: string | null | undefined): string[] {
  return (value ?? "").split("|").filter(Boolean);
}

/** "BE, de; FR" → ["BE", "DE", "FR"] for a form field that takes several codes. */
export function splitCodes(value: string, transform: (v: string) => string = (v) => v.toUpperCase()): string[] {
  return value
    .split(/[\s,;|]+/)
    .map((v) => transform(v.trim()))
    .filter(Boolean);
}
