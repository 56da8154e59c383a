// The first run of a real install, and each organisation added later: an organisation and its
// owner, who chooses a password from a one-time link (never typed on a command line, where shell
// history would keep it). The owner invites everyone else.
import { prisma } from "~/db.server";
import { hashPassword } from "~/auth/password.server";
import { newResetToken, SETUP_HOURS } from "~/auth/password-reset.server";
import { tokenHash } from "~/security/crypto.server";
import { z } from "zod";
import { singleLine } from "~/security/text";

export const SetupSchema = z.object({
  organisation: singleLine().trim().min(2, "Give the organisation's name (at least 2 characters).").max(120),
  email: z.email("Give the owner's email address, like name@example.org.").trim().toLowerCase().max(254),
  name: singleLine().trim().min(1, "Give the owner's name.").max(120),
});
export type SetupInput = z.infer<typeof SetupSchema>;

function slugOf(name: string): string {
  const slug = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60);
  return slug || "organisation";
}

export type SetupResult = { ok: true; organisationId: string; token: string; expiresAt: Date } | { ok: false; message: string };

export async function createOrganisationWithOwner(input: SetupInput): Promise<SetupResult> {
  // Nobody knows this password: the owner's only way in is the link.
  const unusable = await hashPassword(newResetToken() + newResetToken());
  const token = newResetToken();
  const expiresAt = new Date(Date.now() + SETUP_HOURS * 3600_000);
  return prisma.$transaction(async (tx) => {
    if (await tx.user.findUnique({ where: { email: input.email }, select: { id: true } })) {
      return {
        ok: false as const,
        message: `${input.email} already has an account on this install: one address, one account. Use another address for this owner.`,
      };
    }
    const base = slugOf(input.organisation);
    let slug = base;
    for (let n = 2; await tx.organisation.findUnique({ where: { slug }, select: { id: true } }); n++) slug = `${base}-${n}`;
    const organisation = await tx.organisation.create({ data: { name: input.organisation, slug } });
    const owner = await tx.user.create({
      data: { email: input.email, name: input.name, role: "owner", organisationId: organisation.id, passwordHash: unusable },
    });
    await tx.passwordReset.create({ data: { userId: owner.id, purpose: "setup", tokenHash: tokenHash(token), expiresAt } });
    return { ok: true as const, organisationId: organisation.id, token, expiresAt };
  });
}
