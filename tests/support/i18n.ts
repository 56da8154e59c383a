// What a page shows for a message from the server (a key, or an admin's English sentence), in English.
import { tFor } from "~/i18n/i18n";
import "~/i18n/i18n.server";
import { translateMessage } from "~/i18n/translate-message";

export function shownInEnglish(message: string): string {
  return translateMessage(tFor("en"), message);
}
