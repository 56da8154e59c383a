// The short note on a public page whose text the organisers have not yet translated into the reader's language.
import { useTranslation } from "react-i18next";
import { defaultLanguage, languageNames, type Language } from "~/i18n/config";

export function UntranslatedNote({ language }: { language: Language | null }) {
  const { t } = useTranslation();
  if (!language) return null;
  return (
    <p className="notice muted" role="note">
      {t("content.notYetTranslated", { language: languageNames[language], original: languageNames[defaultLanguage] })}
    </p>
  );
}
