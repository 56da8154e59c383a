// Two-factor sign-in: a time-based code (TOTP, RFC 6238, with otplib) from an app on the phone, or
// a one-time recovery code. The secret is encrypted at rest; recovery codes are kept as hashes; a
// log-in waits between the password and the code as a short-lived challenge, with no session.
import crypto from "node:crypto";
import { generateSecret, generateURI, verify } from "otplib";
import QRCode from "qrcode";
import { prisma } from "~/db.server";
import { verifyPassword } from "~/auth/password.server";
import { decrypt, encrypt, tokenHash } from "~/security/crypto.server";
import { env } from "~/env.server";
import { ServerWideLimit } from "~/security/rate-limit.server";

const ISSUER = "Solidarity letters";
const RECOVERY_CODES = 10;
/** A code of the step before or after is accepted: phones' clocks drift. */
const TOLERANCE_SECONDS = 30;
export const CHALLENGE_MINUTES = 5;
const CHALLENGE_ATTEMPTS = 5;

/** "6 digits" or a recovery code as shown ("xxxx-xxxx-xxxx"), spaces and case forgiven. */
const normaliseRecoveryCode = (code: string) => code.toLowerCase().replace(/[^a-z0-9]/g, "");

export async function twoFactorState(userId: string) {
  const user = await prisma.user.findUniqueOrThrow({
    where: { id: userId },
    select: {
      email: true,
      totpEnabledAt: true,
      totpSecretEnc: true,
      organisation: { select: { requireTwoFactor: true } },
      recoveryCodes: { where: { usedAt: null }, select: { id: true } },
    },
  });
  return {
    enabled: user.totpEnabledAt !== null,
    required: user.organisation.requireTwoFactor,
    recoveryCodesLeft: user.recoveryCodes.length,
    pendingSecret: user.totpEnabledAt === null && user.totpSecretEnc ? decrypt(user.totpSecretEnc) : null,
    email: user.email,
  };
}

/** A new secret, not yet in force: it is switched on by a first code from the app. */
export async function startEnrolment(userId: string): Promise<string> {
  const secret = generateSecret();
  await prisma.user.update({ where: { id: userId, totpEnabledAt: null }, data: { totpSecretEnc: encrypt(secret) } });
  return secret;
}

/** What the enrolment page shows: the QR code (an SVG made here, nothing loaded from elsewhere) and the secret. */
export async function enrolmentPicture(email: string, secret: string): Promise<string> {
  const uri = generateURI({ issuer: ISSUER, label: email, secret });
  return QRCode.toString(uri, { type: "svg", margin: 1, errorCorrectionLevel: "M" });
}

/** Checks a code against the secret; a code's time step is accepted once only. */
async function acceptCode(userId: string, secret: string, lastStep: number | null, code: string): Promise<boolean> {
  const token = code.replace(/\s/g, "");
  if (!/^\d{6}$/.test(token)) return false;
  const result = await verify({
    secret,
    token,
    epochTolerance: TOLERANCE_SECONDS,
    ...(lastStep !== null ? { afterTimeStep: lastStep } : {}),
  });
  if (!result.valid) return false;
  const step = "timeStep" in result && typeof result.timeStep === "number" ? result.timeStep : null;
  if (step === null) return false;
  // Only one request can move the step forward: a code raced twice is accepted once.
  const { count } = await prisma.user.updateMany({
    where: { id: userId, OR: [{ totpLastStep: null }, { totpLastStep: { lt: step } }] },
    data: { totpLastStep: step },
  });
  return count === 1;
}

function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODES }, () => {
    const raw = crypto.randomBytes(8).toString("hex").slice(0, 12);
    return `${raw.slice(0, 4)}-${raw.slice(4, 8)}-${raw.slice(8, 12)}`;
  });
}

async function replaceRecoveryCodes(userId: string): Promise<string[]> {
  const codes = newRecoveryCodes();
  await prisma.$transaction([
    prisma.recoveryCode.deleteMany({ where: { userId } }),
    prisma.recoveryCode.createMany({ data: codes.map((code) => ({ userId, codeHash: tokenHash(normaliseRecoveryCode(code)) })) }),
  ]);
  return codes;
}

/** The first code from the app switches two-factor on; the recovery codes are returned to be shown once. */
export async function confirmEnrolment(userId: string, code: string): Promise<string[] | null> {
  const user = await prisma.user.findUniqueOrThrow({
    where: { id: userId },
    select: { totpSecretEnc: true, totpEnabledAt: true, totpLastStep: true },
  });
  if (user.totpEnabledAt || !user.totpSecretEnc) return null;
  if (!(await acceptCode(userId, decrypt(user.totpSecretEnc), user.totpLastStep, code))) return null;
  await prisma.user.update({ where: { id: userId }, data: { totpEnabledAt: new Date() } });
  return replaceRecoveryCodes(userId);
}

/** Switching off needs the password and a code (or a recovery code). */
export async function disableTwoFactor(
  userId: string,
  password: string,
  code: string,
): Promise<"off" | "wrong-password" | "wrong-code" | "required"> {
  const user = await prisma.user.findUniqueOrThrow({
    where: { id: userId },
    select: { passwordHash: true, organisation: { select: { requireTwoFactor: true } } },
  });
  if (user.organisation.requireTwoFactor) return "required";
  if (!(await verifyPassword(user.passwordHash, password))) return "wrong-password";
  if (!(await checkSecondFactor(userId, code))) return "wrong-code";
  await prisma.$transaction([
    prisma.user.update({ where: { id: userId }, data: { totpSecretEnc: null, totpEnabledAt: null, totpLastStep: null } }),
    prisma.recoveryCode.deleteMany({ where: { userId } }),
  ]);
  return "off";
}

/** New recovery codes (the old ones stop working), with a current code from the app. */
export async function regenerateRecoveryCodes(userId: string, code: string): Promise<string[] | null> {
  if (!(await checkSecondFactor(userId, code))) return null;
  return replaceRecoveryCodes(userId);
}

/** A code from the app, or an unused recovery code (then used up). */
export async function checkSecondFactor(userId: string, code: string): Promise<boolean> {
  const user = await prisma.user.findUniqueOrThrow({
    where: { id: userId },
    select: { totpSecretEnc: true, totpEnabledAt: true, totpLastStep: true },
  });
  if (!user.totpEnabledAt || !user.totpSecretEnc) return false;
  if (await acceptCode(userId, decrypt(user.totpSecretEnc), user.totpLastStep, code)) return true;
  const normalised = normaliseRecoveryCode(code);
  if (normalised.length !== 12) return false;
  const { count } = await prisma.recoveryCode.updateMany({
    where: { userId, codeHash: tokenHash(normalised), usedAt: null },
    data: { usedAt: new Date() },
  });
  return count === 1;
}

export async function hasTwoFactor(userId: string): Promise<boolean> {
  const user = await prisma.user.findUnique({ where: { id: userId }, select: { totpEnabledAt: true } });
  return user?.totpEnabledAt != null;
}

/** After a right password: the challenge's token goes into a short-lived cookie; no session yet. */
export async function startChallenge(userId: string, redirectTo: string): Promise<string> {
  const token = crypto.randomBytes(24).toString("base64url");
  await prisma.loginChallenge.create({
    data: { userId, redirectTo, tokenHash: tokenHash(token), expiresAt: new Date(Date.now() + CHALLENGE_MINUTES * 60_000) },
  });
  return token;
}

// Wrong codes per account over every challenge: logging in again with the password must not give
// fresh guesses at the code (5 a challenge would otherwise be unlimited).
let wrongCodes: ServerWideLimit | undefined;
const wrongCodeLimit = () =>
  (wrongCodes ??= new ServerWideLimit({ keyPrefix: "login-code", points: env().LOGIN_RATE_LIMIT_PER_15_MIN, duration: 15 * 60 }));

export type ChallengeOutcome =
  { ok: true; userId: string; redirectTo: string } | { ok: false; reason: "expired" | "wrong-code"; attemptsLeft: number };

/** The second step: the right code ends the challenge and lets the log-in through; five wrong ones end it too. */
export async function answerChallenge(token: string, code: string): Promise<ChallengeOutcome> {
  const challenge = await prisma.loginChallenge.findUnique({ where: { tokenHash: tokenHash(token) } });
  if (!challenge || challenge.expiresAt <= new Date() || challenge.attempts >= CHALLENGE_ATTEMPTS)
    return { ok: false, reason: "expired", attemptsLeft: 0 };
  const guessed = await wrongCodeLimit().get(challenge.userId);
  if (guessed && guessed.consumedPoints >= wrongCodeLimit().points) {
    await prisma.loginChallenge.deleteMany({ where: { id: challenge.id } });
    return { ok: false, reason: "expired", attemptsLeft: 0 };
  }
  if (await checkSecondFactor(challenge.userId, code)) {
    await prisma.loginChallenge.deleteMany({ where: { id: challenge.id } });
    return { ok: true, userId: challenge.userId, redirectTo: challenge.redirectTo };
  }
  await wrongCodeLimit().penalty(challenge.userId, 1);
  const updated = await prisma.loginChallenge.update({
    where: { id: challenge.id },
    data: { attempts: { increment: 1 } },
    select: { attempts: true },
  });
  const attemptsLeft = Math.max(0, CHALLENGE_ATTEMPTS - updated.attempts);
  if (attemptsLeft === 0) await prisma.loginChallenge.deleteMany({ where: { id: challenge.id } });
  return { ok: false, reason: attemptsLeft === 0 ? "expired" : "wrong-code", attemptsLeft };
}

export async function challengeIsOpen(token: string): Promise<boolean> {
  const challenge = await prisma.loginChallenge.findUnique({
    where: { tokenHash: tokenHash(token) },
    select: { expiresAt: true, attempts: true },
  });
  return !!challenge && challenge.expiresAt > new Date() && challenge.attempts < CHALLENGE_ATTEMPTS;
}

export function deleteExpiredChallenges(now = new Date()) {
  return prisma.loginChallenge.deleteMany({ where: { expiresAt: { lt: now } } });
}

/** An owner's choice for their organisation: everyone signs in with two factors. */
export async function setTwoFactorRequired(organisationId: string, required: boolean) {
  await prisma.organisation.update({ where: { id: organisationId }, data: { requireTwoFactor: required } });
}
