// One-time links to choose a password: "forgot password" (asked for by email) and a new owner's
// first password (`npm run setup`). The answer to "forgot password" is the same for every address;
// only the address's owner learns, by email, that it has an account.
import crypto from "node:crypto";
import { prisma } from "~/db.server";
import { hashPassword } from "~/auth/password.server";
import { enqueueEmail } from "~/mail/outbox.server";
import { renderEmail } from "~/mail/render.server";
import { tokenHash } from "~/security/crypto.server";
import { ResetPasswordEmail, resetPasswordText } from "../../emails/reset-password";

export const RESET_MINUTES = 60;
export const SETUP_HOURS = 24;
/** At most one reset email per account in this time: the form cannot be used to flood an inbox. */
const ONE_EMAIL_PER_MS = 60 * 60 * 1000;

export type ResetPurpose = "reset" | "setup";

export const newResetToken = () => crypto.randomBytes(24).toString("base64url");

/** "Forgot password": emails a link if the address has an account (and had none this hour). Says nothing back. */
export async function requestPasswordReset(email: string, resetUrl: (token: string) => string): Promise<void> {
  const user = await prisma.user.findUnique({
    where: { email: email.trim().toLowerCase() },
    select: { id: true, email: true, organisationId: true, organisation: { select: { name: true } } },
  });
  if (!user) return;
  const token = newResetToken();
  const props = { organisationName: user.organisation.name, resetUrl: resetUrl(token), validMinutes: RESET_MINUTES };
  const content = await renderEmail(ResetPasswordEmail(props), { text: resetPasswordText(props) });
  await prisma.$transaction(async (tx) => {
    const recent = await tx.passwordReset.count({
      where: { userId: user.id, purpose: "reset", createdAt: { gt: new Date(Date.now() - ONE_EMAIL_PER_MS) } },
    });
    if (recent > 0) return;
    const reset = await tx.passwordReset.create({
      data: { userId: user.id, purpose: "reset", tokenHash: tokenHash(token), expiresAt: new Date(Date.now() + RESET_MINUTES * 60_000) },
    });
    await enqueueEmail(tx, {
      dedupeKey: `password-reset:${reset.id}`,
      kind: "password-reset",
      to: user.email,
      subject: "Choose a new password for Solidarity letters",
      ...content,
      organisationId: user.organisationId,
      subjectType: "user",
      subjectId: user.id,
      tags: [{ name: "kind", value: "password-reset" }],
    });
  });
}

/** The account a still-valid link belongs to, or null. */
export async function openPasswordReset(token: string) {
  const reset = await prisma.passwordReset.findUnique({
    where: { tokenHash: tokenHash(token) },
    select: {
      purpose: true,
      usedAt: true,
      expiresAt: true,
      user: { select: { email: true, name: true, organisation: { select: { name: true } } } },
    },
  });
  if (!reset || reset.usedAt || reset.expiresAt <= new Date()) return null;
  return { purpose: reset.purpose, email: reset.user.email, name: reset.user.name, organisationName: reset.user.organisation.name };
}

/**
 * Sets the password from a link, once: the link is spent, every other open link of the account
 * too, and every session of the account ends. Returns the user's id, or null for a spent link.
 */
export async function resetPassword(token: string, password: string): Promise<string | null> {
  const passwordHash = await hashPassword(password);
  return prisma.$transaction(async (tx) => {
    const now = new Date();
    const reset = await tx.passwordReset.findUnique({
      where: { tokenHash: tokenHash(token) },
      select: { id: true, userId: true, usedAt: true, expiresAt: true },
    });
    if (!reset || reset.usedAt || reset.expiresAt <= now) return null;
    const { count } = await tx.passwordReset.updateMany({ where: { id: reset.id, usedAt: null }, data: { usedAt: now } });
    if (count !== 1) return null;
    await tx.passwordReset.updateMany({ where: { userId: reset.userId, usedAt: null }, data: { usedAt: now } });
    await tx.user.update({ where: { id: reset.userId }, data: { passwordHash } });
    await tx.session.deleteMany({ where: { userId: reset.userId } });
    return reset.userId;
  });
}

/** Expired and used links are of no use: removed by maintenance. */
export function deleteOldPasswordResets(now = new Date()) {
  return prisma.passwordReset.deleteMany({ where: { OR: [{ expiresAt: { lt: now } }, { usedAt: { not: null } }] } });
}
