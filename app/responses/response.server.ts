// Answers from targets: logged by hand (post, phone, meeting) or caught from a letter's reply-to
// address (app/responses/inbound.server.ts). Unmatched email replies belong to no organisation
// until routed (by their address's domain, or by an operator): only then do they reach an inbox.
import { prisma } from "~/db.server";
import type { LogResponseInput, ResponseKind } from "~/responses/response.schema";

export const MAX_SCAN_BYTES = 5 * 1024 * 1024;

/**
 * The first day an answer to this letter can be dated: the day its first email went (a later
 * "send again" moves Letter.sentAt, an answer to the first sending may come before it), or, for a
 * letter that never went by email (printed and posted), the day it was written.
 */
export async function answerNotBefore(letter: {
  id: string;
  sentAt: Date | null;
  createdAt: Date;
}): Promise<{ day: string; sent: boolean }> {
  const first = await prisma.outboxEmail.findFirst({
    where: { subjectType: "letter", subjectId: letter.id },
    orderBy: { createdAt: "asc" },
    select: { createdAt: true },
  });
  const sentAt = first?.createdAt ?? letter.sentAt;
  return { day: (sentAt ?? letter.createdAt).toISOString().slice(0, 10), sent: sentAt !== null };
}

/** The sentence beside the date field when an answer is dated before its letter went. */
export function tooEarlyMessage(limit: { day: string; sent: boolean }, formatDay: (day: string) => string): string {
  return limit.sent
    ? `The letter was sent on ${formatDay(limit.day)}: an answer cannot be dated before that.`
    : `The letter was written on ${formatDay(limit.day)}: an answer cannot be dated before that.`;
}

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
