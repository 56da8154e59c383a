// The page's language as a route's `meta` sees it: from the root loader's data.
import { defaultLanguage, isLanguage, type Language } from "~/i18n/config";

export function languageOfPage(matches: ReadonlyArray<{ id: string; data?: unknown }>): Language {
  const root = matches.find((m) => m.id === "root")?.data;
  const language = root && typeof root === "object" && "language" in root ? root.language : null;
  return isLanguage(language) ? language : defaultLanguage;
}
