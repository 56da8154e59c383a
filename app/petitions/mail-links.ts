// Links that open a supporter's letter in their own mail program (mailto:) or in a webmail's compose
// window, kept short enough to open everywhere: a long letter is cut with a note, and the page
// offers the whole text to copy.

/** Some mail programs and browsers drop a mailto: link longer than about 2,000 characters. */
export const MAILTO_MAX_LENGTH = 2000;
/** Webmail compose addresses are read by a web server: kept well under common URL limits. */
export const WEBMAIL_MAX_LENGTH = 8000;

export const CUT_NOTE = "\n\n[…] The letter was too long for a mail link and is cut here: copy the whole text from the campaign page.";

export interface MailLink {
  url: string;
  /** The body was cut to fit: the page says so and offers the copy. */
  cut: boolean;
}

const encode = (text: string) => encodeURIComponent(text).replace(/'/g, "%27");
const address = (email: string) => encode(email).replace(/%40/g, "@");

/**
 * The longest link from `build` whose body is the letter, or its beginning with CUT_NOTE, within
 * `max` characters. Cut at a line or word end where there is one near the limit.
 */
function fitted(build: (body: string) => string, body: string, max: number): MailLink {
  const whole = build(body);
  if (whole.length <= max) return { url: whole, cut: false };
  // A cut through an emoji's surrogate pair would leave a half that does not encode.
  const head = (length: number) => body.slice(0, length).replace(/[\uD800-\uDBFF]$/, "");
  // Percent-encoding makes a character 1 to 9 long: search the longest beginning that fits.
  let low = 0;
  let high = body.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (build(head(mid) + CUT_NOTE).length <= max) low = mid;
    else high = mid - 1;
  }
  let prefix = head(low);
  const lastBreak = Math.max(prefix.lastIndexOf("\n"), prefix.lastIndexOf(" "));
  if (lastBreak > low * 0.8) prefix = prefix.slice(0, lastBreak);
  return { url: build(prefix.trimEnd() + CUT_NOTE), cut: true };
}

export function mailtoLink(to: string, subject: string, body: string, max = MAILTO_MAX_LENGTH): MailLink {
  return fitted((b) => `mailto:${address(to)}?subject=${encode(subject)}&body=${encode(b)}`, body, max);
}

export function gmailLink(to: string, subject: string, body: string): MailLink {
  return fitted(
    (b) => `https://mail.google.com/mail/?view=cm&fs=1&to=${address(to)}&su=${encode(subject)}&body=${encode(b)}`,
    body,
    WEBMAIL_MAX_LENGTH,
  );
}

export function outlookLink(to: string, subject: string, body: string): MailLink {
  return fitted(
    (b) => `https://outlook.live.com/mail/0/deeplink/compose?to=${address(to)}&subject=${encode(subject)}&body=${encode(b)}`,
    body,
    WEBMAIL_MAX_LENGTH,
  );
}
