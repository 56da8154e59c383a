// Typed text without invisible controls: C0/C1 control characters and bidirectional overrides,
// isolates and marks are removed from everything people type (one reversed "(Belgium)" in a
// printed hand-in PDF came from a pasted U+202E). Single-line fields also turn line breaks and tabs
// into spaces; multi-line fields keep them.
import { z } from "zod";

// U+202A–U+202E embeddings/overrides, U+2066–U+2069 isolates, U+200E/U+200F and U+061C marks.
const BIDI = "\\u202A-\\u202E\\u2066-\\u2069\\u200E\\u200F\\u061C";
// C0 without tab/newline/carriage return, DEL, C1.
const CONTROLS_KEEPING_LINES = "\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F";
const unsafeInMultiLine = new RegExp(`[${CONTROLS_KEEPING_LINES}${BIDI}]`, "g");
const unsafeInSingleLine = new RegExp(`[${CONTROLS_KEEPING_LINES}${BIDI}\\uFEFF]`, "g");

/** One line: breaks and tabs become spaces, other controls and bidi overrides go. */
export function cleanSingleLine(value: string): string {
  return value.replace(/\r\n|[\t\n\r\u2028\u2029]/g, " ").replace(unsafeInSingleLine, "");
}

/** Several lines: newlines and tabs stay (\r\n becomes \n), other controls and bidi overrides go. */
export function cleanMultiLine(value: string): string {
  return value.replace(/\r\n?/g, "\n").replace(unsafeInMultiLine, "");
}

/**
 * A string field of one line, cleaned before any other check (chain .trim().min().max() as usual).
 * Every single-line text field of every schema starts here.
 */
export function singleLine(params?: Parameters<typeof z.string>[0]) {
  return z.string(params).overwrite(cleanSingleLine);
}

/** A string field of several lines (textarea), cleaned before any other check. */
export function multiLine(params?: Parameters<typeof z.string>[0]) {
  return z.string(params).overwrite(cleanMultiLine);
}
