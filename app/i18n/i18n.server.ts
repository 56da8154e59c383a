// Which language a request reads in: a ?lng= link, then the remembered choice, then the browser's languages.
import { createCookie } from "@remix-run/node";
import { RemixI18Next } from "remix-i18next/server";
import { defaultLanguage, isLanguage, LANGUAGE_PARAM, languages, type Language } from "~/i18n/config";
import { setI18n } from "react-i18next";
import { i18nFor, registerLanguage, type Messages } from "~/i18n/i18n";
import de from "~/i18n/messages/de";
import en from "~/i18n/messages/en";
import fr from "~/i18n/messages/fr";
import kk from "~/i18n/messages/kk";
import nl from "~/i18n/messages/nl";
import ru from "~/i18n/messages/ru";

export const messages: Record<Language, Messages> = { en, de, fr, nl, ru, kk };
for (const language of languages) registerLanguage(language, messages[language]);
// Whatever renders outside a page's provider (an email's parts, a test) speaks the default language.
setI18n(i18nFor(defaultLanguage));

/** The remembered choice: a language, nothing else; a year, for this site only. */
export const languageCookie = createCookie("lng", { path: "/", sameSite: "lax", maxAge: 60 * 60 * 24 * 365, httpOnly: true });

const detector = new RemixI18Next({
  detection: {
    supportedLanguages: [...languages],
    fallbackLanguage: defaultLanguage,
    searchParamKey: LANGUAGE_PARAM,
    cookie: languageCookie,
    order: ["searchParams", "cookie", "header"],
  },
});

export async function languageOf(request: Request): Promise<Language> {
  const found = await detector.getLocale(request);
  return isLanguage(found) ? found : defaultLanguage;
}

/** A Set-Cookie header when the request picked a language by link, so the choice is remembered. */
export async function rememberLanguage(request: Request): Promise<string | null> {
  const picked = new URL(request.url).searchParams.get(LANGUAGE_PARAM);
  return isLanguage(picked) ? languageCookie.serialize(picked) : null;
}

/** A query string with the request's ?lng= kept, for a redirect that must stay in the picked language. */
export function withLanguage(request: Request, params: Record<string, string>): string {
  const query = new URLSearchParams(params);
  const picked = new URL(request.url).searchParams.get(LANGUAGE_PARAM);
  if (isLanguage(picked)) query.set(LANGUAGE_PARAM, picked);
  return query.toString();
}
