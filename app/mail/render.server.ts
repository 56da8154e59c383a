// React Email components to the HTML and plain-text parts of an email.
// HTML: react-dom's static renderer (our templates use no Suspense), about four times faster than
// @react-email's async render; that matters when a campaign sends thousands of letters at once.
// Text: the template's own text when it has one (letters), else React Email's HTML-to-text.
import { render } from "@react-email/components";
import type { ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";

const doctype =
  '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">';

export async function renderEmail(element: ReactElement, { text }: { text?: string } = {}): Promise<{ html: string; text: string }> {
  const html = doctype + renderToStaticMarkup(element);
  return { html, text: text ?? (await render(element, { plainText: true })) };
}
