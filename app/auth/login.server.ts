// Logging in: check the password, rate-limit guesses, start a session.
import { prisma } from "~/db.server";
import { env } from "~/env.server";
import { verifyAgainstNothing, verifyPassword } from "~/auth/password.server";
import { createSession } from "~/auth/session.server";
import { startChallenge } from "~/auth/two-factor.server";
import { ServerWideLimit } from "~/security/rate-limit.server";

let limiters: { byEmail: ServerWideLimit; byAddress: ServerWideLimit } | undefined;
function loginLimiters() {
  const points = env().LOGIN_RATE_LIMIT_PER_15_MIN;
  limiters ??= {
    // Failed attempts for one account *from one client address*: a stranger guessing an organiser's
    // password locks out only themselves, never the organiser logging in from elsewhere (a limit per
    // account from anywhere let anyone lock an owner out with ten wrong passwords). Guessing from
    // many addresses is slowed by the per-address limit, by argon2id, and stopped by two-factor.
    byEmail: new ServerWideLimit({ keyPrefix: "login-account-address", points, duration: 15 * 60 }),
    // Failed attempts from one address, for any account.
    byAddress: new ServerWideLimit({ keyPrefix: "login-ip", points: points * 3, duration: 15 * 60 }),
  };
  return limiters;
}

export type LoginResult =
  | { ok: true; setCookie: string }
  /** The password was right; the second factor is asked next (no session yet). */
  | { ok: true; challengeToken: string }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "rate-limited"; retryAfterSeconds: number };

export async function login(input: {
  email: string;
  password: string;
  clientAddress: string | null;
  userAgent: string | null;
  requestUrl?: string;
  /** Where to go once logged in, kept with a two-factor challenge. */
  redirectTo?: string;
}): Promise<LoginResult> {
  const { byEmail, byAddress } = loginLimiters();
  const email = input.email.trim().toLowerCase();
  const address = input.clientAddress ?? "unknown";
  const accountKey = `${address} ${email}`;
  const [emailState, addressState] = await Promise.all([byEmail.get(accountKey), byAddress.get(address)]);
  const blocked = [
    { state: emailState, limit: byEmail.points },
    { state: addressState, limit: byAddress.points },
  ].find(({ state, limit }) => state !== null && state.consumedPoints >= limit);
  if (blocked?.state) {
    return { ok: false, reason: "rate-limited", retryAfterSeconds: Math.ceil(blocked.state.msBeforeNext / 1000) };
  }

  const user = await prisma.user.findUnique({ where: { email }, select: { id: true, passwordHash: true, totpEnabledAt: true } });
  const valid = user ? await verifyPassword(user.passwordHash, input.password) : await verifyAgainstNothing(input.password);
  if (!user || !valid) {
    // Only failures count: an organiser who logs in often is never locked out.
    await Promise.all([byEmail.penalty(accountKey, 1), byAddress.penalty(address, 1)]);
    return { ok: false, reason: "invalid" };
  }
  await byEmail.delete(accountKey);
  if (user.totpEnabledAt) return { ok: true, challengeToken: await startChallenge(user.id, input.redirectTo ?? "/admin") };
  return { ok: true, setCookie: await createSession(user.id, input.userAgent, input.requestUrl) };
}
