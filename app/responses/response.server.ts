// Answers from targets: logged by hand (post, phone, meeting) or caught from a letter's reply-to
// address (app/responses/inbound.server.ts). Unmatched email replies belong to no organisation
// until routed (by their address's domain, or by an operator): only then do they reach an inbox.
import { prisma } from "~/db.server";
import type { LogResponseInput, ResponseKind } from "~/responses/response.schema";

export const MAX_SCAN_BYTES = 5 * 1024 * 1024;

export async function logResponse({
  letterId,
  organisationId,
  createdById,
  data,
  file,
}: {
  letterId: string;
  organisationId: string;
  createdById: string;
  data: LogResponseInput;
  file: { name: string; type: string; bytes: Uint8Array<ArrayBuffer> } | null;
}) {
  const { receivedOn, ...rest } = data;
  return prisma.response.create({
    data: {
      ...rest,
      letterId,
      organisationId,
      createdById,
      receivedAt: new Date(`${receivedOn}T12:00:00Z`),
      ...(file ? { fileName: file.name, fileType: file.type, fileData: file.bytes } : {}),
    },
    select: { id: true },
  });
}

export function responsesOfLetter(letterId: string) {
  return prisma.response.findMany({
    where: { letterId },
    orderBy: { receivedAt: "desc" },
    select: { id: true, channel: true, kind: true, receivedAt: true, fromName: true, summary: true, body: true, fileName: true },
  });
}

/** Email replies that matched no letter but were routed to this organisation. */
export function inbox(organisationId: string) {
  return prisma.response.findMany({
    where: { letterId: null, organisationId },
    orderBy: { receivedAt: "desc" },
    take: 100,
    select: { id: true, receivedAt: true, fromName: true, inboundTo: true, summary: true, body: true },
  });
}

/** An organiser files an unmatched reply under one of their organisation's letters. */
export async function assignResponse({
  responseId,
  letterId,
  organisationId,
}: {
  responseId: string;
  letterId: string;
  organisationId: string;
}) {
  const letter = await prisma.letter.findFirst({ where: { id: letterId, organisationId }, select: { id: true } });
  if (!letter) return false;
  const { count } = await prisma.response.updateMany({
    where: { id: responseId, letterId: null, organisationId },
    data: { letterId, organisationId },
  });
  return count === 1;
}

/** Sets what kind of answer it was; only for an answer to the given letter (checked by the caller). */
export async function classifyResponse({
  responseId,
  letterId,
  organisationId,
  kind,
  summary,
}: {
  responseId: string;
  letterId: string;
  organisationId: string;
  kind: ResponseKind;
  summary: string | null;
}) {
  const { count } = await prisma.response.updateMany({
    where: { id: responseId, letterId, organisationId },
    data: { kind, ...(summary ? { summary } : {}) },
  });
  return count === 1;
}

export function responseFile({
  responseId,
  organisationId,
  sectionId,
}: {
  responseId: string;
  organisationId: string;
  sectionId?: string | null;
}) {
  return prisma.response.findFirst({
    where: { id: responseId, organisationId, ...(sectionId !== undefined ? { letter: { sectionId } } : {}) },
    select: { fileName: true, fileType: true, fileData: true },
  });
}

/** Sent letters that can still be attached to an inbox reply: the latest ones first. */
export function assignableLetters(organisationId: string) {
  return prisma.letter.findMany({
    where: { organisationId, status: "sent" },
    orderBy: { sentAt: "desc" },
    take: 300,
    select: { id: true, recipientName: true, senderName: true, campaign: { select: { title: true } } },
  });
}

/** The organisation whose configured reply domain one of the addresses is at, if any. */
export async function organisationForAddresses(addresses: string[]): Promise<string | null> {
  const domains = [
    ...new Set(addresses.map((a) => a.toLowerCase().match(/@([a-z0-9.-]+)>?\s*$/)?.[1]).filter((d): d is string => Boolean(d))),
  ];
  if (domains.length === 0) return null;
  const found = await prisma.organisation.findFirst({ where: { replyDomain: { in: domains } }, select: { id: true } });
  return found?.id ?? null;
}

/** Operator: unmatched replies no organisation holds yet (no body: the operator routes, never reads). */
export function unroutedReplies() {
  return prisma.response.findMany({
    where: { letterId: null, organisationId: null },
    orderBy: { receivedAt: "desc" },
    take: 200,
    select: { id: true, receivedAt: true, inboundTo: true },
  });
}

/** Operator: gives an unrouted reply to an organisation (once: a routed reply is that organisation's). */
export async function routeReply(responseId: string, organisationSlug: string): Promise<boolean> {
  const organisation = await prisma.organisation.findUnique({ where: { slug: organisationSlug }, select: { id: true } });
  if (!organisation) return false;
  const { count } = await prisma.response.updateMany({
    where: { id: responseId, letterId: null, organisationId: null },
    data: { organisationId: organisation.id },
  });
  return count === 1;
}

/** Operator: the domain whose unmatched replies go to an organisation (null: none). */
export async function setReplyDomain(organisationSlug: string, domain: string | null): Promise<boolean> {
  const { count } = await prisma.organisation.updateMany({
    where: { slug: organisationSlug },
    data: { replyDomain: domain ? domain.trim().toLowerCase() : null },
  });
  return count === 1;
}
