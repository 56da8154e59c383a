// People at risk in a case: their details, charges, and status history. The current status on
// Person is a copy of the newest status change, kept in step inside the same transaction.
import { prisma } from "~/db.server";
import type { ChargeInput, NewPersonInput, PersonInput, StatusChangeInput } from "~/cases/case.schema";
import type { Prisma } from "~/generated/prisma.server/client";

export function getPersonForOrganisation({ personId, organisationId }: { personId: string; organisationId: string }) {
  return prisma.person.findFirst({
    where: { id: personId, case: { organisationId } },
    include: {
      case: { include: { sources: { orderBy: { createdAt: "asc" } } } },
      charges: { include: { source: true } },
      statusChanges: { orderBy: [{ occurredOn: "desc" }, { createdAt: "desc" }], include: { source: true } },
    },
  });
}

/** Person.status follows the newest change by date; a change entered late for an old date does not win. */
async function syncCurrentStatus(tx: Prisma.TransactionClient, personId: string) {
  const newest = await tx.statusChange.findFirst({
    where: { personId },
    orderBy: [{ occurredOn: "desc" }, { createdAt: "desc" }],
    select: { status: true, occurredOn: true },
  });
  await tx.person.update({
    where: { id: personId },
    data: { status: newest?.status ?? "unknown", statusSince: newest?.occurredOn ?? null },
  });
}

export function createPerson(caseId: string, data: NewPersonInput) {
  const { status, occurredOn, note, sourceId, ...person } = data;
  return prisma.$transaction(async (tx) => {
    const last = await tx.person.findFirst({ where: { caseId }, orderBy: { position: "desc" }, select: { position: true } });
    const row = await tx.person.create({
      data: {
        ...person,
        caseId,
        position: (last?.position ?? -1) + 1,
        status,
        statusSince: occurredOn,
        statusChanges: { create: { status, occurredOn, note, sourceId } },
      },
    });
    await tx.case.update({ where: { id: caseId }, data: { updatedAt: new Date() } });
    return row;
  });
}

export async function updatePerson(personId: string, data: PersonInput) {
  await prisma.person.update({ where: { id: personId }, data });
}

export function recordStatusChange(personId: string, data: StatusChangeInput) {
  return prisma.$transaction(async (tx) => {
    const change = await tx.statusChange.create({ data: { ...data, personId } });
    await syncCurrentStatus(tx, personId);
    return change;
  });
}

export function deleteStatusChange(personId: string, statusChangeId: string) {
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.statusChange.deleteMany({ where: { id: statusChangeId, personId } });
    await syncCurrentStatus(tx, personId);
    return count === 1;
  });
}

export function addCharge(personId: string, data: ChargeInput) {
  return prisma.charge.create({ data: { ...data, personId } });
}

export async function deleteCharge(personId: string, chargeId: string) {
  const { count } = await prisma.charge.deleteMany({ where: { id: chargeId, personId } });
  return count === 1;
}

export async function deletePerson(caseId: string, personId: string) {
  const { count } = await prisma.person.deleteMany({ where: { id: personId, caseId } });
  return count === 1;
}
