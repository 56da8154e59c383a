// Server-side sessions: the cookie carries a random id; the row in Session is the truth,
// so deleting it (logout, "log out everywhere", a removed member) ends the session at once.
import crypto from "node:crypto";
import { createCookie, redirect } from "@remix-run/node";
import { prisma } from "~/db.server";
import { env } from "~/env.server";

const SESSION_DAYS = 14;

let cookie: ReturnType<typeof createCookie> | undefined;
function sessionCookie() {
  cookie ??= createCookie("__session", {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secrets: [env().SESSION_SECRET],
    maxAge: SESSION_DAYS * 24 * 3600,
  });
  return cookie;
}

/**
 * Secure when the site is reached over HTTPS (APP_URL https://, or the request itself): then the
 * cookie never travels in clear. Over plain http://localhost a Secure cookie would be dropped by
 * some browsers, and the demo must work there.
 */
function secureFor(requestUrl: string | undefined): boolean {
  if (env().APP_URL?.startsWith("https://")) return true;
  return requestUrl ? new URL(requestUrl).protocol === "https:" : false;
}

async function sessionIdFrom(request: Request): Promise<string | null> {
  const value: unknown = await sessionCookie().parse(request.headers.get("Cookie"));
  return typeof value === "string" ? value : null;
}

export async function getSessionUser(request: Request) {
  const id = await sessionIdFrom(request);
  if (!id) return null;
  const session = await prisma.session.findUnique({
    where: { id },
    select: {
      expiresAt: true,
      user: {
        select: {
          id: true,
          email: true,
          name: true,
          role: true,
          organisationId: true,
          sectionId: true,
          totpEnabledAt: true,
          organisation: { select: { name: true, requireTwoFactor: true } },
        },
      },
    },
  });
  if (!session || session.expiresAt < new Date()) return null;
  return session.user;
}

export type SessionUser = NonNullable<Awaited<ReturnType<typeof getSessionUser>>>;

/** Starts a session and returns the Set-Cookie header for it. */
export async function createSession(userId: string, userAgent: string | null, requestUrl?: string): Promise<string> {
  const id = crypto.randomBytes(32).toString("base64url");
  await prisma.session.create({
    data: {
      id,
      userId,
      userAgent: userAgent?.slice(0, 200) ?? null,
      expiresAt: new Date(Date.now() + SESSION_DAYS * 24 * 3600 * 1000),
    },
  });
  return sessionCookie().serialize(id, { secure: secureFor(requestUrl) });
}

export async function destroySession(request: Request): Promise<string> {
  const id = await sessionIdFrom(request);
  if (id) await prisma.session.deleteMany({ where: { id } });
  return sessionCookie().serialize("", { maxAge: 0, secure: secureFor(request.url) });
}

export const TWO_FACTOR_SETUP_PATH = "/admin/account/two-factor";

export async function requireUser(request: Request): Promise<SessionUser> {
  const user = await getSessionUser(request);
  const url = new URL(request.url);
  if (!user) {
    throw redirect(`/login?${new URLSearchParams({ redirectTo: url.pathname + url.search })}`);
  }
  // The owner requires two factors: nothing else opens until this member has set them up.
  if (user.organisation.requireTwoFactor && !user.totpEnabledAt && url.pathname !== TWO_FACTOR_SETUP_PATH) {
    throw redirect(TWO_FACTOR_SETUP_PATH);
  }
  return user;
}

/** Sessions past their date are useless; removed at start and by the worker. */
export function deleteExpiredSessions() {
  return prisma.session.deleteMany({ where: { expiresAt: { lt: new Date() } } });
}

/** After a password change: every session of this user ends except the one making the change. */
export async function endOtherSessions(userId: string, request: Request) {
  const keep = await sessionIdFrom(request);
  await prisma.session.deleteMany({ where: { userId, ...(keep ? { id: { not: keep } } : {}) } });
}

let challenge: ReturnType<typeof createCookie> | undefined;
/** Between the password and the second factor: the challenge's token, for five minutes, no session. */
function challengeCookie() {
  challenge ??= createCookie("__login_challenge", {
    httpOnly: true,
    sameSite: "lax",
    path: "/login",
    secrets: [env().SESSION_SECRET],
    maxAge: 5 * 60,
  });
  return challenge;
}

export function setChallengeCookie(token: string, requestUrl: string): Promise<string> {
  return challengeCookie().serialize(token, { secure: secureFor(requestUrl) });
}

export async function challengeTokenFrom(request: Request): Promise<string | null> {
  const value: unknown = await challengeCookie().parse(request.headers.get("Cookie"));
  return typeof value === "string" ? value : null;
}

export function clearChallengeCookie(requestUrl: string): Promise<string> {
  return challengeCookie().serialize("", { maxAge: 0, secure: secureFor(requestUrl) });
}
