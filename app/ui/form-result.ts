// Turning a submitted form into typed data, or into messages beside the fields with what was typed kept.
import { z } from "zod";

export type FieldErrors = Partial<Record<string, string[]>>;

export interface FormFailure {
  fieldErrors: FieldErrors;
  formError?: string;
  /** What was typed, so the page can show it again. Passwords are never sent back. */
  values: Record<string, string>;
}

export function formValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData) {
    // Checkboxes send one name several times: kept comma-joined.
    if (typeof value === "string" && !/password/i.test(key)) values[key] = key in values ? `${values[key]},${value}` : value;
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
