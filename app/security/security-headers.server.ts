// The security headers of every response (helmet), chosen by path: the site's policy, which lets no
// one frame a page; a campaign's embed page, which the sites its organisers list may frame (and
// nothing else about its policy changes); and the few responses that send their own policy.
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
  // Older browsers read X-Frame-Options only: DENY says what frame-ancestors 'none' says.
  const site = helmet({ ...helmetOptions, xFrameOptions: { action: "deny" }, contentSecurityPolicy: contentSecurityPolicy(nonce) });
  // X-Frame-Options cannot name sites (ALLOW-FROM is gone from browsers): frame-ancestors alone decides.
  const embed = helmet({
    ...helmetOptions,
    xFrameOptions: false,
    contentSecurityPolicy: contentSecurityPolicy(nonce, (_req, res) => locals(res).frameAncestors ?? "'none'"),
  });
  // Their route sends its own Content-Security-Policy and X-Frame-Options.
  const own = helmet({ ...helmetOptions, contentSecurityPolicy: false, xFrameOptions: false });

  return (req: Request, res: Response, next: NextFunction) => {
    if (hasOwnSecurityPolicy(req.path)) return own(req, res, next);
    const slug = embedSlug(req.path);
    if (slug === null) return site(req, res, next);
    frameAncestors(slug).then(
      (sources) => {
        locals(res).frameAncestors = sources;
        embed(req, res, next);
      },
      (error: unknown) => next(error),
    );
  };
}
