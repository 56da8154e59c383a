// The languages supporters read this site in, and how each is named in itself.
export const languages = ["en", "de", "fr", "nl", "ru", "kk"] as const;
export type Language = (typeof languages)[number];
export const defaultLanguage: Language = "en";

/** Each language under its own name, so a reader finds theirs whatever the page's language. */
export const languageNames: Record<Language, string> = {
  en: "English",
  de: "Deutsch",
  fr: "Français",
  nl: "Nederlands",
  ru: "Русский",
  kk: "Қазақша",
};

export function isLanguage(value: unknown): value is Language {
  return typeof value === "string" && (languages as readonly string[]).includes(value);
}

/** The query parameter that picks a language; a URL with it is that page in that language. */
export const LANGUAGE_PARAM = "lng";
