// Turning a submitted form into typed data, or into messages beside the fields with what was typed kept.
import { type z } from "zod";

export type FieldErrors = Partial<Record<string, string[]>>;

export interface FormFailure {
  fieldErrors: FieldErrors;
  formError?: string;
  /** What was typed, so the page can show it again. Passwords are never sent back. */
  values: Record<string, string>;
}

/**
 * Bounds on what a failed form sends back: no field of ours is longer than 20,000 characters or
 * named longer than 64, and no form has more than 64 fields; anything beyond is a crafted request
 * and is not echoed (the page would otherwise carry it back, and again on every retry).
 */
export const MAX_ECHOED_FIELDS = 64;
export const MAX_ECHOED_NAME = 64;
export const MAX_ECHOED_VALUE = 20_000;

export function formValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  let fields = 0;
  for (const [key, value] of formData) {
    if (typeof value !== "string" || /password/i.test(key) || key.length > MAX_ECHOED_NAME) continue;
    if (!Object.hasOwn(values, key) && ++fields > MAX_ECHOED_FIELDS) break;
    // Checkboxes send one name several times: kept comma-joined.
    const joined = Object.hasOwn(values, key) ? `${values[key]},${value}` : value;
    values[key] = joined.slice(0, MAX_ECHOED_VALUE);
  }
  return values;
}

export function parseForm<S extends z.ZodType>(
  schema: S,
  formData: FormData,
): { success: true; data: z.output<S> } | { success: false; failure: FormFailure } {
  const input: Record<string, string> = {};
  for (const [key, value] of formData) if (typeof value === "string") input[key] = value;
  const result = schema.safeParse(input);
  if (result.success) return { success: true, data: result.data };
  const fieldErrors: FieldErrors = {};
  const formErrors: string[] = [];
  for (const issue of result.error.issues) {
    const key = issue.path[0];
    if (typeof key === "string") (fieldErrors[key] ??= []).push(issue.message);
    else formErrors.push(issue.message);
  }
  return {
    success: false,
    failure: { fieldErrors, formError: formErrors[0], values: formValues(formData) },
  };
}

export function failure(formData: FormData, fieldErrors: FieldErrors, formError?: string): FormFailure {
  return { fieldErrors, formError, values: formValues(formData) };
}
