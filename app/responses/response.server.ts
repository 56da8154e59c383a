// Answers from targets: logged by hand (post, phone, meeting) or caught from a letter's reply-to
// address (app/responses/inbound.server.ts). Unmatched email replies wait in the inbox.
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

/** Email replies that matched no letter, for organisers of this organisation or of none yet. */
export function inbox(organisationId: string) {
  return prisma.response.findMany({
    where: { letterId: null, OR: [{ organisationId }, { organisationId: null }] },
    orderBy: { receivedAt: "desc" },
    take: 100,
    select: { id: true, receivedAt: true, fromName: true, inboundTo: true, summary: true, body: true },
  });
}

/** An organiser files an unmatched reply under one of their organisation's letters. */
export async function assignResponse({ responseId, letterId, organisationId }: { responseId: string; letterId: string; organisationId: string }) {
  const letter = await prisma.letter.findFirst({ where: { id: letterId, organisationId }, select: { id: true } });
  if (!letter) return false;
  const { count } = await prisma.response.updateMany({
    where: { id: responseId, letterId: null, OR: [{ organisationId }, { organisationId: null }] },
    data: { letterId, organisationId },
  });
  return count === 1;
}

/** Sets what kind of answer it was; only for an answer to the given letter (checked by the caller). */
export async function classifyResponse({ responseId, letterId, organisationId, kind, summary }: { responseId: string; letterId: string; organisationId: string; kind: ResponseKind; summary: string | null }) {
  const { count } = await prisma.response.updateMany({ where: { id: responseId, letterId, organisationId }, data: { kind, ...(summary ? { summary } : {}) } });
  return count === 1;
}

export function responseFile({ responseId, organisationId, sectionId }: { responseId: string; organisationId: string; sectionId?: string | null }) {
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
