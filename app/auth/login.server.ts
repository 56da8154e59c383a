// Logging in: check the password, rate-limit guesses, start a session.
import { prisma } from "~/db.server";
import { env } from "~/env.server";
import { verifyAgainstNothing, verifyPassword } from "~/auth/password.server";
import { createSession } from "~/auth/session.server";
import { ServerWideLimit } from "~/security/rate-limit.server";

let limiters: { byEmail: ServerWideLimit; byAddress: ServerWideLimit } | undefined;
function loginLimiters() {
  const points = env().LOGIN_RATE_LIMIT_PER_15_MIN;
  limiters ??= {
    // Failed attempts for one account, from anywhere; and from one address, for any account.
    byEmail: new ServerWideLimit({ keyPrefix: "login-email", points, duration: 15 * 60 }),
    byAddress: new ServerWideLimit({ keyPrefix: "login-ip", points: points * 3, duration: 15 * 60 }),
  };
  return limiters;
}

export type LoginResult =
  | { ok: true; setCookie: string }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "rate-limited"; retryAfterSeconds: number };

export async function login(input: {
  email: string;
  password: string;
  clientAddress: string | null;
  userAgent: string | null;
  requestUrl?: string;
}): Promise<LoginResult> {
  const { byEmail, byAddress } = loginLimiters();
  const email = input.email.trim().toLowerCase();
  const address = input.clientAddress ?? "unknown";
  const [emailState, addressState] = await Promise.all([byEmail.get(email), byAddress.get(address)]);
  const blocked = [
    { state: emailState, limit: byEmail.points },
    { state: addressState, limit: byAddress.points },
  ].find(({ state, limit }) => state !== null && state.consumedPoints >= limit);
  if (blocked?.state) {
    return { ok: false, reason: "rate-limited", retryAfterSeconds: Math.ceil(blocked.state.msBeforeNext / 1000) };
  }

  const user = await prisma.user.findUnique({ where: { email }, select: { id: true, passwordHash: true } });
  const valid = user ? await verifyPassword(user.passwordHash, input.password) : await verifyAgainstNothing(input.password);
  if (!user || !valid) {
    // Only failures count: an organiser who logs in often is never locked out.
    await Promise.all([byEmail.penalty(email, 1), byAddress.penalty(address, 1)]);
    return { ok: false, reason: "invalid" };
  }
  await byEmail.delete(email);
  return { ok: true, setCookie: await createSession(user.id, input.userAgent, input.requestUrl) };
}
