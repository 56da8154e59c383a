// Counted words in English ("1 person has signed", "2 people have signed"), by Intl.PluralRules.
const rules = new Intl.PluralRules("en");

/** The phrase for `count` with its number: `{ one: "person has signed", other: "people have signed" }`. */
export function counted(count: number, words: { one: string; other: string }): string {
  return `${count.toLocaleString("en")} ${rules.select(count) === "one" ? words.one : words.other}`;
}

export const SIGNED = { one: "person has signed", other: "people have signed" } as const;
