// The page's language in its head (lang, alternates, its messages) and the links to the others.
import { useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { LANGUAGE_PARAM, languageNames, languages } from "~/i18n/config";

export const MESSAGES_ELEMENT_ID = "i18n-messages";

/** The messages as JSON that cannot end the script element early. */
function messagesJson(messages: unknown): string {
  return JSON.stringify(messages)
    .replace(/</g, "\\u003c")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

export function useLanguage() {
  return useTranslation().i18n.language;
}

/** The current language's messages, read by entry.client before hydration. Not executed, so no nonce. */
export function LanguageMessages() {
  const { i18n } = useTranslation();
  return (
    <script
      id={MESSAGES_ELEMENT_ID}
      type="application/json"
      suppressHydrationWarning
      dangerouslySetInnerHTML={{ __html: messagesJson(i18n.getResourceBundle(i18n.language, "translation")) }}
    />
  );
}

function languageUrl(pathname: string, search: string, language: string | null) {
  const params = new URLSearchParams(search);
  if (language) params.set(LANGUAGE_PARAM, language);
  else params.delete(LANGUAGE_PARAM);
  const query = params.toString();
  return query ? `${pathname}?${query}` : pathname;
}

/** `hreflang` alternates: the same page under each language's URL, for search engines. */
export function LanguageAlternates({ origin }: { origin: string }) {
  const { pathname, search } = useLocation();
  return (
    <>
      {languages.map((l) => (
        <link key={l} rel="alternate" hrefLang={l} href={origin + languageUrl(pathname, search, l)} />
      ))}
      <link rel="alternate" hrefLang="x-default" href={origin + languageUrl(pathname, search, null)} />
    </>
  );
}

/** Plain links (a whole page load): they work without JavaScript and the choice is remembered. */
export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  const { pathname, search } = useLocation();
  return (
    <nav aria-label={t("layout.language")} className="language-switcher">
      <ul>
        {languages.map((l) => (
          <li key={l}>
            <a href={languageUrl(pathname, search, l)} hrefLang={l} lang={l} aria-current={l === i18n.language ? "true" : undefined}>
              {languageNames[l]}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
