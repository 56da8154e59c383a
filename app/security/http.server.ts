// HTTP rules every response and request passes through (used by server.ts): the
// Content-Security-Policy that allows nothing off our own origin, and the refusal of state-changing
// requests sent from another site (our cookies are SameSite=Lax; this is the second lock).
import type { IncomingMessage, ServerResponse } from "node:http";

type NonceOf = (req: IncomingMessage, res: ServerResponse) => string;

/**
 * Directives for helmet's contentSecurityPolicy; inline scripts only with this response's nonce,
 * given as the nonce itself or as a function that reads each response's own (helmet built once).
 * No page may be framed, except an embed page by the sites its campaign lists (`frameAncestors`).
 */
export function contentSecurityPolicy(nonce: string | NonceOf, frameAncestors?: NonceOf) {
  return {
    useDefaults: false,
    directives: {
      "default-src": ["'self'"],
      "script-src": [
        "'self'",
        typeof nonce === "string" ? `'nonce-${nonce}'` : (req: IncomingMessage, res: ServerResponse) => `'nonce-${nonce(req, res)}'`,
      ],
      "style-src": ["'self'"],
      "img-src": ["'self'", "data:"],
      "font-src": ["'self'"],
      "connect-src": ["'self'"],
      "form-action": ["'self'"],
      "frame-ancestors": [frameAncestors ?? "'none'"],
      "frame-src": ["'self'"],
      "object-src": ["'none'"],
      "base-uri": ["'self'"],
      "manifest-src": ["'self'"],
      "worker-src": ["'self'"],
      // Only for a site served over HTTPS: on http://localhost or a LAN address it would break the page.
      ...(process.env.APP_URL?.startsWith("https://") ? { "upgrade-insecure-requests": [] } : {}),
    },
  };
}

/**
 * Responses that carry their own, stricter-for-their-purpose policy and would be broken by the
 * site's (browsers enforce every policy sent): an email's HTML, framed by the dev mailbox page.
 */
export function hasOwnSecurityPolicy(path: string): boolean {
  return /^\/dev\/mailbox\/[^/]+\/html$/.test(path);
}

/**
 * Pages no cache may keep (a shared proxy, the browser's back button on a shared computer): the
 * admin, the dev mailbox, and a signer's own link pages, which show their name and email.
 */
export function isPrivatePage(path: string): boolean {
  return /^\/admin(\/|$)/.test(path) || /^\/dev\/mailbox(\/|$)/.test(path) || /^\/s\//.test(path);
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * True for a state-changing request that a browser sent from another site. Requests without the
 * browser headers (curl, webhooks from providers, tests) are let through: they carry no cookie of ours.
 */
export function isCrossSiteWrite(request: {
  method: string;
  path: string;
  host: string | undefined;
  origin: string | undefined;
  secFetchSite: string | undefined;
}): boolean {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return false;
  // Providers post their signed webhooks from their own servers.
  if (request.path.startsWith("/webhooks/")) return false;
  // Sec-Fetch-Site is set by the browser and cannot be forged by a page. It decides when present:
  // pages with a no-referrer policy (our email-link pages) make Chromium send "Origin: null".
  if (request.secFetchSite) return request.secFetchSite !== "same-origin" && request.secFetchSite !== "none";
  if (request.origin === undefined) return false;
  if (request.origin === "null") return true;
  try {
    return new URL(request.origin).host !== request.host;
  } catch {
    return true;
  }
}
