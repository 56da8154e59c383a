// One i18next instance per language, shared by the server's renders and the browser's page.
import { createInstance, type i18n as I18n, type TFunction } from "i18next";
import { initReactI18next } from "react-i18next";
import { defaultLanguage, isLanguage, type Language } from "~/i18n/config";

export type Messages = { [key: string]: string | Messages };

const instances = new Map<Language, I18n>();

/** Turned on by the tests: a message missing in a language is an error, not a silent key on screen. */
let onMissing: ((language: string, key: string) => void) | null = null;
export function reportMissingMessages(handler: ((language: string, key: string) => void) | null) {
  onMissing = handler;
}

/** Makes the instance for a language from its messages; synchronous, since the messages are at hand. */
export function registerLanguage(language: Language, messages: Messages): I18n {
  const instance = createInstance();
  void instance.use(initReactI18next).init({
    lng: language,
    fallbackLng: false,
    resources: { [language]: { translation: messages } },
    initImmediate: false,
    interpolation: { escapeValue: false }, // React escapes
    returnNull: false,
    saveMissing: true,
    missingKeyHandler: (_lngs, _ns, key) => onMissing?.(language, key),
    react: { useSuspense: false },
  });
  instances.set(language, instance);
  return instance;
}

export function i18nFor(language: string): I18n {
  const instance = instances.get(isLanguage(language) ? language : defaultLanguage) ?? instances.values().next().value;
  if (!instance) throw new Error("No language is registered: the messages were not loaded.");
  return instance;
}

export function tFor(language: string): TFunction {
  return i18nFor(language).t;
}
