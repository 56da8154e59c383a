// React Email components to the HTML and plain-text parts of an email.
// HTML: react-dom's static renderer (our templates use no Suspense), about four times faster than
// @react-email's async render; that matters when a campaign sends thousands of letters at once.
// Text: the template's own text when it has one (letters), else React Email's HTML-to-text.
import "~/i18n/i18n.server"; // emails are written in the reader's language: every language is loaded
import { render } from "@react-email/components";
import type { ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";

const doctype = '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">';

export async function renderEmail(element: ReactElement, { text }: { text?: string } = {}): Promise<{ html: string; text: string }> {
  const html = doctype + renderToStaticMarkup(element);
  return { html, text: text ?? (await render(element, { plainText: true })) };
}

/**
 * An email rendered once with a marker in each slot (the values that change from one recipient to
 * the next) and then filled in per recipient: for the confirmation sent with every signature, where
 * only the name and the links change. Slot values are escaped in the HTML as React escapes them, so
 * the result is the same as rendering the email afresh (a test checks it byte for byte). A template
 * that transforms a slot's value (splits, upper-cases) must not be stencilled.
 */
export async function renderStencil<Slot extends string>(
  slots: readonly Slot[],
  renderWith: (markers: Record<Slot, string>) => Promise<{ html: string; text: string }>,
): Promise<(values: Record<Slot, string>) => { html: string; text: string }> {
  const { markers, fromRendered } = stencilMarkers(slots);
  return fromRendered(await renderWith(markers));
}

/** The same, for an email whose parts render synchronously (its text given, as the worker renders it on read). */
export function renderStencilSync<Slot extends string>(
  slots: readonly Slot[],
  renderWith: (markers: Record<Slot, string>) => { html: string; text: string },
): (values: Record<Slot, string>) => { html: string; text: string } {
  const { markers, fromRendered } = stencilMarkers(slots);
  return fromRendered(renderWith(markers));
}

/** HTML as renderEmail makes it, without awaiting: for templates that bring their own text. */
export function renderEmailHtml(element: ReactElement): string {
  return doctype + renderToStaticMarkup(element);
}

function stencilMarkers<Slot extends string>(slots: readonly Slot[]) {
  const nonce = Math.random().toString(36).slice(2, 10);
  const markers = Object.fromEntries(slots.map((slot, i) => [slot, `slot${nonce}n${i}x`])) as Record<Slot, string>;
  const marker = new RegExp(`slot${nonce}n(\\d+)x`, "g");
  const fromRendered = ({ html, text }: { html: string; text: string }) => {
    const split = (part: string) => part.split(marker); // [literal, slot index, literal, slot index, …]
    const htmlParts = split(html);
    const textParts = split(text);
    const fill = (parts: string[], values: Record<Slot, string>, escape: (v: string) => string) =>
      parts.map((part, i) => (i % 2 === 0 ? part : escape(values[slots[Number(part)]!]))).join("");
    return (values: Record<Slot, string>) => ({ html: fill(htmlParts, values, escapeHtml), text: fill(textParts, values, (v) => v) });
  };
  return { markers, fromRendered };
}

/** As react-dom escapes text and attribute values. */
function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;" })[c]!);
}
