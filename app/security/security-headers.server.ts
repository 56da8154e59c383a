// The security headers of every response (helmet), chosen by path: the site's policy, which lets no
// one frame a page; a campaign's embed page, which the sites its organisers list may frame (and
// nothing else about its policy changes); and the few responses that send their own policy.
import http from "node:http";
import net from "node:net";
import type { NextFunction, Request, Response } from "express";
import helmet from "helmet";
import { embedSlug, frameAncestorsFor } from "~/campaigns/embed.server";
import { contentSecurityPolicy, hasOwnSecurityPolicy } from "~/security/http.server";

interface Options {
  /** Strict-Transport-Security, for a site served over HTTPS. */
  https: boolean;
  /** The sources of frame-ancestors for an embed page's campaign (tests give their own). */
  frameAncestors?: (slug: string) => Promise<string>;
}

type Locals = { cspNonce?: string; frameAncestors?: string };
const locals = (res: unknown): Locals => (res as Response).locals as Locals;

export function securityHeaders({ https, frameAncestors = frameAncestorsFor }: Options) {
  const helmetOptions = {
    crossOriginEmbedderPolicy: false,
    referrerPolicy: { policy: "same-origin" as const },
    strictTransportSecurity: https,
  };
  const nonce = (_req: unknown, res: unknown) => String(locals(res).cspNonce);
  // The site's and the own-policy headers are the same for every response but the nonce: worked
  // out once at start and filled in per response (helmet per request cost a visible share of a view).
  // Older browsers read X-Frame-Options only: DENY says what frame-ancestors 'none' says.
  const site = headersOf(
    helmet({ ...helmetOptions, xFrameOptions: { action: "deny" }, contentSecurityPolicy: contentSecurityPolicy(NONCE_SLOT) }),
  );
  // Their route sends its own Content-Security-Policy and X-Frame-Options.
  const own = headersOf(helmet({ ...helmetOptions, contentSecurityPolicy: false, xFrameOptions: false }));
  // X-Frame-Options cannot name sites (ALLOW-FROM is gone from browsers): frame-ancestors alone decides.
  const embed = helmet({
    ...helmetOptions,
    xFrameOptions: false,
    contentSecurityPolicy: contentSecurityPolicy(nonce, (_req, res) => locals(res).frameAncestors ?? "'none'"),
  });

  return (req: Request, res: Response, next: NextFunction) => {
    const slug = hasOwnSecurityPolicy(req.path) ? null : embedSlug(req.path);
    if (slug === null) {
      const value = String(locals(res).cspNonce);
      for (const [name, parts] of hasOwnSecurityPolicy(req.path) ? own : site) res.setHeader(name, parts.join(value));
      return next();
    }
    frameAncestors(slug).then(
      (sources) => {
        locals(res).frameAncestors = sources;
        embed(req, res, next);
      },
      (error: unknown) => next(error),
    );
  };
}

const NONCE_SLOT = "nonce-slot-7f3a";

/** The headers a helmet middleware sets, each split where the nonce goes. */
function headersOf(middleware: ReturnType<typeof helmet>): Array<[string, string[]]> {
  const headers = new Map<string, string>();
  const recorder = {
    setHeader: (name: string, value: unknown) => headers.set(name, String(value)),
    removeHeader: (name: string) => headers.delete(name),
    getHeader: (name: string) => headers.get(name),
  };
  let done = false;
  middleware(new http.IncomingMessage(new net.Socket()), recorder as unknown as http.ServerResponse, () => (done = true));
  if (!done) throw new Error("helmet did not finish synchronously: its headers cannot be worked out once.");
  return [...headers].map(([name, value]) => [name, value.split(NONCE_SLOT)]);
}
