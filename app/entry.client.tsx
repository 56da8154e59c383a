import { RemixBrowser } from "@remix-run/react";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { I18nextProvider } from "react-i18next";
import { defaultLanguage, isLanguage } from "~/i18n/config";
import { registerLanguage } from "~/i18n/i18n";
import { MESSAGES_ELEMENT_ID } from "~/i18n/language";

// The page carries its own language's messages (see root.tsx): no request before hydration.
const language = isLanguage(document.documentElement.lang) ? document.documentElement.lang : defaultLanguage;
const i18n = registerLanguage(language, JSON.parse(document.getElementById(MESSAGES_ELEMENT_ID)?.textContent || "{}"));

startTransition(() => {
  hydrateRoot(
    document,
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <RemixBrowser />
      </I18nextProvider>
    </StrictMode>,
  );
});
