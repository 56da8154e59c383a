// Every language has every message, in every plural form its grammar needs, with the same placeholders.
import { describe, expect, it } from "vitest";
import { languages } from "~/i18n/config";
import { formatNumberIn, formatPartialDateIn } from "~/i18n/format";
import { tFor, type Messages } from "~/i18n/i18n";
import { messages } from "~/i18n/i18n.server";

const PLURAL = /_(zero|one|two|few|many|other)$/;

function flatten(tree: Messages, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

const english = flatten(messages.en);
const englishBases = new Set([...english.keys()].map((k) => k.replace(PLURAL, "")));

describe.each(languages.filter((l) => l !== "en"))("messages in %s", (language) => {
  const own = flatten(messages[language]);
  const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories;

  it("has every English message, and nothing English lacks", () => {
    const ownBases = new Set([...own.keys()].map((k) => k.replace(PLURAL, "")));
    expect([...englishBases].filter((k) => !ownBases.has(k))).toEqual([]);
    expect([...ownBases].filter((k) => !englishBases.has(k))).toEqual([]);
  });

  it("has each plural form its grammar needs", () => {
    const pluralBases = new Set([...english.keys()].filter((k) => PLURAL.test(k)).map((k) => k.replace(PLURAL, "")));
    const missing = [...pluralBases].flatMap((base) => categories.filter((c) => !own.has(`${base}_${c}`)).map((c) => `${base}_${c}`));
    expect(missing).toEqual([]);
  });

  it("keeps the placeholders of each message", () => {
    const wrong = [...own].filter(([key, text]) => {
      const original = english.get(key) ?? english.get(key.replace(PLURAL, "_other"));
      return original !== undefined && placeholders(original).join() !== placeholders(text).join();
    });
    expect(wrong.map(([key]) => key)).toEqual([]);
  });

  it("says something of its own, not the English words, for sentences", () => {
    const words = (text: string) => text.replace(/\{\{\s*\w+\s*\}\}/g, "").replace(/[^\p{L}]/gu, "");
    // The product's name stays as it is in every language.
    const sameEverywhere = new Set(["layout.brand", "campaign.title", "caseView.title"]);
    const same = [...own].filter(
      ([key, text]) => words(text).length > 15 && english.get(key) === text && !key.startsWith("countries.") && !sameEverywhere.has(key),
    );
    expect(same.map(([key]) => key)).toEqual([]);
  });
});

describe("numbers, plurals and dates for the reader", () => {
  it("groups digits as each language does", () => {
    expect(formatNumberIn("en", 2314)).toBe("2,314");
    expect(formatNumberIn("de", 2314)).toBe("2.314");
    expect(formatNumberIn("fr", 12314)).toBe("12\u202f314");
    expect(formatNumberIn("ru", 1234567)).toBe("1\u00a0234\u00a0567");
  });

  it("picks the Russian plural form by the number", () => {
    const t = tFor("ru");
    const line = (n: number) => t("confirm.countSoFar", { count: n, formatted: formatNumberIn("ru", n) });
    expect(line(1)).toBe("Петицию подписал уже 1 человек.");
    expect(line(3)).toBe("Петицию подписали уже 3 человека.");
    expect(line(11)).toBe("Петицию подписали уже 11 человек.");
    expect(line(21)).toBe("Петицию подписал уже 21 человек.");
    expect(tFor("en")("confirm.countSoFar", { count: 1, formatted: "1" })).toBe("1 person has signed so far.");
  });

  it("writes dates from reports without inventing a day or a time", () => {
    expect(formatPartialDateIn(tFor("de"), "2022-01-05")).toBe("5. Januar 2022");
    expect(formatPartialDateIn(tFor("ru"), "2022-01-05")).toBe("5 января 2022 г.");
    expect(formatPartialDateIn(tFor("ru"), "2022-01")).toBe("январь 2022 г.");
    expect(formatPartialDateIn(tFor("fr"), "2022")).toBe("2022");
  });
});
