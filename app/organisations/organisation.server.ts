// An organisation's sections, members and invitations.
import crypto from "node:crypto";
import { prisma } from "~/db.server";
import { hashPassword } from "~/auth/password.server";
import { roleLabels } from "~/auth/roles";
import { enqueueEmail } from "~/mail/outbox.server";
import { renderEmail } from "~/mail/render.server";
import { formatPartialDate } from "~/ui/format";
import { AlreadyHasAccountEmail, InvitationEmail } from "../../emails/invitation";
import type { InvitationInput, SectionInput } from "~/organisations/organisation.schema";

const INVITATION_DAYS = 7;

function sha256(value: string) {
  return crypto.createHash("sha256").update(value).digest("hex");
}

export function getOrganisationOverview(organisationId: string) {
  return prisma.organisation.findUniqueOrThrow({
    where: { id: organisationId },
    select: {
      name: true,
      requireTwoFactor: true,
      sections: { orderBy: { name: "asc" } },
      users: {
        orderBy: { name: "asc" },
        select: { id: true, name: true, email: true, role: true, totpEnabledAt: true, section: { select: { name: true } } },
      },
      invitations: {
        where: { acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
        orderBy: { createdAt: "desc" },
        select: { id: true, email: true, role: true, expiresAt: true, section: { select: { name: true } } },
      },
    },
  });
}

export function createSection(organisationId: string, data: SectionInput) {
  return prisma.section.create({ data: { ...data, organisationId } });
}

export async function updateSection(organisationId: string, sectionId: string, data: SectionInput) {
  const { count } = await prisma.section.updateMany({ where: { id: sectionId, organisationId }, data });
  return count === 1;
}

export async function sectionBelongsTo(organisationId: string, sectionId: string | null) {
  if (sectionId === null) return true;
  return (await prisma.section.count({ where: { id: sectionId, organisationId } })) === 1;
}

/**
 * Makes the invitation and queues its email in one transaction. Returns the secret token for the
 * link (only its hash is stored), so the organiser can also pass the link on by hand.
 */
export async function createInvitation({
  organisationId,
  invitedBy,
  data,
  acceptUrl,
}: {
  organisationId: string;
  invitedBy: { id: string; name: string };
  data: InvitationInput;
  acceptUrl: (token: string) => string;
}): Promise<{ token: string | null } | { error: string }> {
  const existing = await prisma.user.findUnique({ where: { email: data.email }, select: { organisationId: true } });
  // Your own members are on your page anyway; an account elsewhere is nobody else's business.
  if (existing?.organisationId === organisationId) return { error: "This person is already a member of your organisation." };
  const [organisation, section] = await Promise.all([
    prisma.organisation.findUniqueOrThrow({ where: { id: organisationId }, select: { name: true } }),
    data.sectionId ? prisma.section.findUnique({ where: { id: data.sectionId }, select: { name: true } }) : null,
  ]);
  const token = crypto.randomBytes(24).toString("base64url");
  const expiresAt = new Date(Date.now() + INVITATION_DAYS * 24 * 3600 * 1000);
  const props = {
    organisationName: organisation.name,
    inviterName: invitedBy.name,
    roleLabel: roleLabels[data.role],
    sectionName: data.role === "section_member" ? (section?.name ?? null) : null,
    acceptUrl: acceptUrl(token),
    expiresOn: formatPartialDate(expiresAt.toISOString().slice(0, 10)),
  };
  const email = {
    kind: "invitation",
    to: data.email,
    subject: `${invitedBy.name} invites you to ${organisation.name}`,
    ...(existing ? await renderEmail(AlreadyHasAccountEmail(props)) : await renderEmail(InvitationEmail(props))),
    organisationId,
    subjectType: "invitation",
    tags: [{ name: "kind", value: "invitation" }],
  };
  return prisma.$transaction(async (tx) => {
    // A new invitation replaces the one still open for this address: its link stops working.
    await tx.invitation.updateMany({
      where: { organisationId, email: data.email, acceptedAt: null, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    if (existing) {
      // The address has an account with another organisation: its owner hears of the invitation by
      // email; the organiser is told the same as for anyone else.
      await enqueueEmail(tx, { ...email, dedupeKey: `invitation-existing:${organisationId}:${data.email}:${token.slice(0, 8)}` });
      return { token: null };
    }
    const invitation = await tx.invitation.create({
      data: {
        organisationId,
        invitedById: invitedBy.id,
        email: data.email,
        role: data.role,
        sectionId: data.role === "section_member" ? data.sectionId : null,
        tokenHash: sha256(token),
        expiresAt,
      },
    });
    await enqueueEmail(tx, { ...email, dedupeKey: `invitation:${invitation.id}`, subjectId: invitation.id });
    return { token };
  });
}

export async function revokeInvitation(organisationId: string, invitationId: string) {
  const { count } = await prisma.invitation.updateMany({
    where: { id: invitationId, organisationId, acceptedAt: null },
    data: { revokedAt: new Date() },
  });
  return count === 1;
}

/** An invitation that can still be accepted, or null. */
export function findOpenInvitation(token: string) {
  return prisma.invitation.findFirst({
    where: { tokenHash: sha256(token), acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
    select: {
      id: true,
      email: true,
      role: true,
      organisation: { select: { name: true } },
      section: { select: { name: true } },
    },
  });
}

/** Accepting makes the account and marks the invitation used, together or not at all. */
export async function acceptInvitation(token: string, { name, password }: { name: string; password: string }) {
  const passwordHash = await hashPassword(password);
  return prisma.$transaction(async (tx) => {
    const invitation = await tx.invitation.findFirst({
      where: { tokenHash: sha256(token), acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
    });
    if (!invitation) return null;
    const { count } = await tx.invitation.updateMany({
      where: { id: invitation.id, acceptedAt: null },
      data: { acceptedAt: new Date() },
    });
    if (count !== 1) return null;
    if (await tx.user.findUnique({ where: { email: invitation.email }, select: { id: true } })) return null;
    return tx.user.create({
      data: {
        email: invitation.email,
        name,
        passwordHash,
        role: invitation.role,
        organisationId: invitation.organisationId,
        sectionId: invitation.sectionId,
      },
      select: { id: true },
    });
  });
}

/** Removing a member ends their sessions too (the Session rows go with the user). */
export async function removeMember(organisationId: string, userId: string) {
  const { count } = await prisma.user.deleteMany({ where: { id: userId, organisationId, role: { not: "owner" } } });
  return count === 1;
}
