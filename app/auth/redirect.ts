// Where to go after logging in: only a path on this site.

/**
 * An attacker's link must not send a fresh login elsewhere. Browsers drop tabs and line breaks
 * from URLs and read "\" as "/", so "/\t/evil.example" would become "//evil.example": anything
 * with control characters, spaces or backslashes is refused along with "//".
 */
export function safeRedirect(to: string | undefined | null, fallback = "/admin"): string {
  if (!to || to.length > 2000) return fallback;
  if (!to.startsWith("/") || to.startsWith("//")) return fallback;
  if (/\p{Cc}|\s|\\/u.test(to)) return fallback;
  return to;
}
