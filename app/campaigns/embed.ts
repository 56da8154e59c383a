// The sites allowed to embed a campaign's sign form, as organisers type them, and the snippet they
// paste into their site. Shared by the settings page and the server's security headers.
import { z } from "zod";
import { multiLine } from "~/security/text";

export const MAX_EMBED_ORIGINS = 10;
const MAX_ORIGIN_LENGTH = 200;

/** Loopback addresses are secure contexts for browsers: a site on this machine, for trying it out. */
const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** The origin a line names ("https://example.org"), or why it is not one. */
export function parseOrigin(line: string): { origin: string } | { error: string } {
  const shown = line.length > 60 ? `${line.slice(0, 60)}…` : line;
  if (line.length > MAX_ORIGIN_LENGTH) return { error: `“${shown}” is too long for a site address.` };
  let url: URL;
  try {
    url = new URL(line);
  } catch {
    return { error: `“${shown}” is not a site address: write it like https://example.org.` };
  }
  const secure = url.protocol === "https:" || (url.protocol === "http:" && LOOPBACK.has(url.hostname));
  if (!secure) return { error: `“${shown}” must start with https:// (the form is only embedded in secure pages).` };
  if (url.username || url.password || url.search || url.hash || (url.pathname !== "/" && url.pathname !== "")) {
    return { error: `“${shown}” has more than the site: write only its start, like https://example.org, without a page or “?”.` };
  }
  if (/[*\s;,']/.test(line)) return { error: `“${shown}” is not a site address: write it like https://example.org.` };
  return { origin: url.origin };
}

/** The textarea of the settings: one site per line, at most MAX_EMBED_ORIGINS; duplicates dropped. */
export const EmbedOriginsSchema = multiLine()
  .max(MAX_EMBED_ORIGINS * (MAX_ORIGIN_LENGTH + 2), "Keep the list shorter.")
  .transform((text, ctx) => {
    const lines = text
      .split("\n")
      .map((l) => l.trim())
      .filter(Boolean);
    const origins: string[] = [];
    for (const line of lines) {
      const parsed = parseOrigin(line);
      if ("error" in parsed) {
        ctx.addIssue({ code: "custom", message: parsed.error });
        return z.NEVER;
      }
      if (!origins.includes(parsed.origin)) origins.push(parsed.origin);
    }
    if (origins.length > MAX_EMBED_ORIGINS) {
      ctx.addIssue({ code: "custom", message: `At most ${MAX_EMBED_ORIGINS} sites can embed a campaign.` });
      return z.NEVER;
    }
    return origins;
  });

/** Stored one per line; only what passed EmbedOriginsSchema is ever stored. */
export function decodeOrigins(stored: string): string[] {
  return stored.split("\n").filter((o) => "origin" in parseOrigin(o));
}

const attribute = (text: string) => text.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** What an organiser pastes into their site: an iframe, no script. */
export function embedSnippet(appUrl: string, slug: string, title: string): string {
  return `<iframe src="${attribute(`${appUrl}/campaigns/${slug}/embed`)}" title="${attribute(`Sign: ${title}`)}" width="100%" height="760" style="border:0;max-width:40rem" loading="lazy"></iframe>`;
}
