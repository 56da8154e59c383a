// Links from a case's or campaign's admin page to the translation form of each supporter language.
import { Link } from "@remix-run/react";
import { defaultLanguage, languageNames, languages } from "~/i18n/config";

export function TranslationLinks({ caseId }: { caseId: string }) {
  return (
    <section className="card" aria-labelledby="translations">
      <h2 id="translations">Translations</h2>
      <p className="muted">
        Supporters read the public pages in their language where you have translated the text, and in English (with a short note) where not.
      </p>
      <ul className="inline-list">
        {languages
          .filter((l) => l !== defaultLanguage)
          .map((l) => (
            <li key={l}>
              <Link to={`/admin/cases/${caseId}/translations/${l}`} lang={l}>
                {languageNames[l]}
              </Link>
            </li>
          ))}
      </ul>
    </section>
  );
}
