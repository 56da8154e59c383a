// Asking before an action that sends, publishes or deletes: what it will do and to whom.
import { formValues } from "~/ui/form-result";

/** The field a confirmed submission carries; without it the action only describes itself. */
export const CONFIRMED_FIELD = "confirmed";

/** At most this many names are listed; the rest are counted ("and 12 more"). */
export const MAX_LISTED = 12;

export interface Confirmation {
  /** One sentence that says what happens, e.g. "Send 5 letters". */
  title: string;
  /** Who or what it reaches, e.g. the targets' names. */
  items: string[];
  /** How many more there are than `items` lists. */
  more: number;
  /** A sentence of consequence, e.g. "They go out at once and cannot be called back." */
  detail?: string;
  /** The button's words, e.g. "Send 5 letters". */
  button: string;
  /** True for deletions and other things that cannot be undone. */
  danger: boolean;
  /** The submitted form, sent again with the confirmation (passwords are never echoed). */
  fields: Record<string, string>;
}

export function isConfirmed(formData: FormData): boolean {
  return formData.get(CONFIRMED_FIELD) === "yes";
}

/**
 * The answer to an unconfirmed submission: nothing has changed yet; the page shows what would
 * happen and a button that sends the same form again, confirmed.
 */
export function confirmation(
  formData: FormData,
  ask: { title: string; items?: string[]; detail?: string; button?: string; danger?: boolean },
): { confirm: Confirmation } {
  const items = ask.items ?? [];
  const fields = formValues(formData);
  delete fields[CONFIRMED_FIELD];
  return {
    confirm: {
      title: ask.title,
      items: items.slice(0, MAX_LISTED),
      more: Math.max(0, items.length - MAX_LISTED),
      detail: ask.detail,
      button: ask.button ?? ask.title,
      danger: ask.danger ?? false,
      fields,
    },
  };
}
