// Cases and their facts (sources, events, demands). Every function that changes or reads an
// organisation's case takes its organisationId: another organisation's case is simply not found.
import { caseTranslations } from "~/content/translation.server";
import { prisma } from "~/db.server";
import { defaultLanguage, type Language } from "~/i18n/config";
import type { CaseInput, DemandInput, EventInput, SourceInput } from "~/cases/case.schema";
import type { Prisma } from "~/generated/prisma.server/client";

/** Public: cases shown on the home page. */
export function listPublicCases() {
  return prisma.case.findMany({
    where: { status: "active" },
    orderBy: [{ startedOn: "desc" }, { createdAt: "desc" }],
    select: {
      slug: true,
      title: true,
      summary: true,
      country: true,
      startedOn: true,
      people: { orderBy: { position: "asc" }, select: { name: true, status: true } },
      campaigns: {
        where: { status: "live" },
        orderBy: { createdAt: "desc" },
        select: { slug: true, title: true, callToAction: true, petitionText: true, signatureCount: true, signatureGoal: true },
      },
    },
  });
}

const caseDetail = {
  sources: { orderBy: { createdAt: "asc" } },
  people: {
    orderBy: [{ position: "asc" }, { createdAt: "asc" }],
    include: {
      charges: { include: { source: true } },
      statusChanges: { orderBy: [{ occurredOn: "desc" }, { createdAt: "desc" }], include: { source: true } },
    },
  },
  events: { orderBy: [{ occurredOn: "asc" }, { createdAt: "asc" }], include: { source: true } },
  demands: { orderBy: [{ position: "asc" }, { id: "asc" }], include: { source: true } },
  campaigns: { where: { status: "live" }, select: { id: true, slug: true, title: true, callToAction: true } },
  updates: {
    where: { hiddenAt: null },
    orderBy: { publishedAt: "desc" },
    take: 10,
    select: { id: true, title: true, body: true, publishedAt: true },
  },
} satisfies Prisma.CaseInclude;

/**
 * Public: an active or closed case with everything the case page shows, in `language` where the
 * organisers translated it (`untranslatedIn` names the language when some original shows instead).
 * Drafts are not public.
 */
export async function getPublicCase(slug: string, language: Language = defaultLanguage) {
  const found = await prisma.case.findFirst({
    where: { slug, status: { in: ["active", "closed"] } },
    include: caseDetail,
  });
  if (!found) return null;
  const content = await caseTranslations(found.id, language);
  return {
    ...found,
    title: content.pick("case", found.id, "title", found.title),
    summary: content.pick("case", found.id, "summary", found.summary),
    people: found.people.map((p) => ({ ...p, description: content.pick("person", p.id, "description", p.description) })),
    demands: found.demands.map((d) => ({ ...d, text: content.pick("demand", d.id, "text", d.text) })),
    campaigns: found.campaigns.map((c) => ({
      ...c,
      title: content.pick("campaign", c.id, "title", c.title),
      callToAction: content.pick("campaign", c.id, "callToAction", c.callToAction),
    })),
    untranslatedIn: content.untranslatedIn,
  };
}
export type PublicCase = NonNullable<Awaited<ReturnType<typeof getPublicCase>>>;

export function listCasesForOrganisation(organisationId: string) {
  return prisma.case.findMany({
    where: { organisationId },
    orderBy: { updatedAt: "desc" },
    select: { id: true, slug: true, title: true, status: true, updatedAt: true, _count: { select: { people: true } } },
  });
}

export function getCaseForOrganisation({ caseId, organisationId }: { caseId: string; organisationId: string }) {
  return prisma.case.findFirst({ where: { id: caseId, organisationId }, include: caseDetail });
}

export async function isSlugTaken(slug: string, exceptCaseId?: string): Promise<boolean> {
  const found = await prisma.case.findUnique({ where: { slug }, select: { id: true } });
  return found !== null && found.id !== exceptCaseId;
}

export function createCase({ organisationId, data }: { organisationId: string; data: CaseInput }) {
  return prisma.case.create({ data: { ...data, organisationId }, select: { id: true } });
}

/** Returns false when the case is not this organisation's. */
export async function updateCase({
  caseId,
  organisationId,
  data,
}: {
  caseId: string;
  organisationId: string;
  data: CaseInput;
}): Promise<boolean> {
  const { count } = await prisma.case.updateMany({ where: { id: caseId, organisationId }, data });
  return count === 1;
}

async function touchCase(caseId: string) {
  await prisma.case.update({ where: { id: caseId }, data: { updatedAt: new Date() } });
}

/** A source id typed into a form must be one of this case's sources. */
export async function sourceBelongsToCase(sourceId: string | null, caseId: string): Promise<boolean> {
  if (sourceId === null) return true;
  const found = await prisma.source.findFirst({ where: { id: sourceId, caseId }, select: { id: true } });
  return found !== null;
}

// --- Sources, events and demands: the same three operations each, scoped to the case. ---

export function addSource(caseId: string, data: SourceInput) {
  return prisma.$transaction(async (tx) => {
    const row = await tx.source.create({ data: { ...data, caseId } });
    await tx.case.update({ where: { id: caseId }, data: { updatedAt: new Date() } });
    return row;
  });
}
export async function updateSource(caseId: string, id: string, data: SourceInput) {
  const { count } = await prisma.source.updateMany({ where: { id, caseId }, data });
  if (count) await touchCase(caseId);
  return count === 1;
}

export function addEvent(caseId: string, data: EventInput) {
  return prisma.$transaction(async (tx) => {
    const row = await tx.caseEvent.create({ data: { ...data, caseId } });
    await tx.case.update({ where: { id: caseId }, data: { updatedAt: new Date() } });
    return row;
  });
}
export async function updateEvent(caseId: string, id: string, data: EventInput) {
  const { count } = await prisma.caseEvent.updateMany({ where: { id, caseId }, data });
  if (count) await touchCase(caseId);
  return count === 1;
}

export function addDemand(caseId: string, data: DemandInput) {
  return prisma.$transaction(async (tx) => {
    const last = await tx.demand.findFirst({ where: { caseId }, orderBy: { position: "desc" }, select: { position: true } });
    const row = await tx.demand.create({ data: { ...data, caseId, position: (last?.position ?? -1) + 1 } });
    await tx.case.update({ where: { id: caseId }, data: { updatedAt: new Date() } });
    return row;
  });
}
export async function updateDemand(caseId: string, id: string, data: DemandInput) {
  const { count } = await prisma.demand.updateMany({ where: { id, caseId }, data });
  if (count) await touchCase(caseId);
  return count === 1;
}

export type FactKind = "sources" | "events" | "demands";

/** Deleting a source keeps the facts that cited it, without a source: the page then shows them as unsourced. */
export async function deleteFact(caseId: string, kind: FactKind, id: string): Promise<boolean> {
  const where = { id, caseId };
  const { count } =
    kind === "sources"
      ? await prisma.source.deleteMany({ where })
      : kind === "events"
        ? await prisma.caseEvent.deleteMany({ where })
        : await prisma.demand.deleteMany({ where });
  if (count) await touchCase(caseId);
  return count === 1;
}
