// Messages from the server (a field's error, a form's refusal) are either message keys, translated
// here, or English sentences from pages that are not translated yet (the admin), shown as they are.
import type { TFunction } from "i18next";

const MESSAGE_KEY = /^[a-z][A-Za-z]*(\.[A-Za-z0-9_]+)+$/;

export function isMessageKey(message: string): boolean {
  return MESSAGE_KEY.test(message);
}

export function translateMessage(t: TFunction, message: string): string {
  return isMessageKey(message) ? t(message) : message;
}
