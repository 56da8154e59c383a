// The small label that says which language a letter is written in, beside each letter.
import { useTranslation } from "react-i18next";
import { isLanguage, languageNames } from "~/i18n/config";

/** Languages beyond the site's own (a template in Polish, say) are named by their code. */
export function letterLanguageName(language: string): string {
  return isLanguage(language) ? languageNames[language] : language;
}

export function LetterLanguage({ language }: { language: string }) {
  const { t } = useTranslation();
  return <p className="muted">{t("content.letterLanguage", { language: letterLanguageName(language) })}</p>;
}
