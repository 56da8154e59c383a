// Campaigns: a case put to work. Which targets a campaign addresses, and which of them are a sender's.
import { prisma } from "~/db.server";
import { targetKindLabels, type CampaignInput, type TargetKind, type TemplateInput } from "~/campaigns/campaign.schema";
import { count, plural } from "~/ui/format";
import { decodeList, encodeList } from "~/lists";
import type { Prisma } from "~/generated/prisma.server/client";
import type { TargetFilters } from "~/targets/target.schema";
import { targetFiltersWhere } from "~/targets/target.server";

export function listCampaigns(organisationId: string, { liveOnly = false } = {}) {
  return prisma.campaign.findMany({
    where: { organisationId, ...(liveOnly ? { status: "live" } : {}) },
    orderBy: { updatedAt: "desc" },
    select: {
      id: true,
      title: true,
      slug: true,
      status: true,
      case: { select: { title: true } },
      _count: { select: { letters: true, templates: true } },
    },
  });
}

export function getCampaign({ campaignId, organisationId }: { campaignId: string; organisationId: string }) {
  return prisma.campaign.findFirst({
    where: { id: campaignId, organisationId },
    include: {
      case: { select: { id: true, title: true, slug: true } },
      templates: { orderBy: [{ language: "asc" }, { createdAt: "asc" }] },
      pickedTargets: { select: { targetId: true } },
    },
  });
}
export type CampaignWithTemplates = NonNullable<Awaited<ReturnType<typeof getCampaign>>>;

export async function isCampaignSlugTaken(slug: string, exceptId?: string) {
  const found = await prisma.campaign.findUnique({ where: { slug }, select: { id: true } });
  return found !== null && found.id !== exceptId;
}

function campaignData(data: CampaignInput, kinds: TargetKind[]) {
  const { targetCountries, targetTags, ...rest } = data;
  return { ...rest, targetKinds: encodeList(kinds), targetCountries: encodeList(targetCountries), targetTags: encodeList(targetTags) };
}

/** Closing a campaign starts the clock on its signers' data (see app/petitions/retention.server.ts). */
function closedAtFor(status: string, previous: { status: string; closedAt: Date | null } | null) {
  if (status !== "closed") return null;
  return previous?.status === "closed" ? previous.closedAt : new Date();
}

export async function createCampaign(organisationId: string, data: CampaignInput, kinds: TargetKind[]) {
  return prisma.campaign.create({
    data: { ...campaignData(data, kinds), organisationId, closedAt: closedAtFor(data.status, null) },
    select: { id: true },
  });
}

export async function updateCampaign(organisationId: string, campaignId: string, data: CampaignInput, kinds: TargetKind[]) {
  const previous = await prisma.campaign.findFirst({ where: { id: campaignId, organisationId }, select: { status: true, closedAt: true } });
  if (!previous) return false;
  const { count } = await prisma.campaign.updateMany({
    where: { id: campaignId, organisationId },
    data: { ...campaignData(data, kinds), closedAt: closedAtFor(data.status, previous) },
  });
  return count === 1;
}

export function caseBelongsTo(organisationId: string, caseId: string) {
  return prisma.case.count({ where: { id: caseId, organisationId } }).then((n) => n === 1);
}

export const DRAFT_CASE_MESSAGE =
  "This case is still a draft: publish the case (status active) before the campaign goes live, or keep the campaign a draft.";

/**
 * A live campaign shows its case's people and demands to everyone: a case still in draft must not
 * go public through it. The message for the status field, or null when the pair is fine.
 */
export async function liveOnDraftCase(campaignStatus: string, caseId: string): Promise<string | null> {
  if (campaignStatus !== "live") return null;
  const found = await prisma.case.findUnique({ where: { id: caseId }, select: { status: true } });
  return found?.status === "draft" ? DRAFT_CASE_MESSAGE : null;
}

/** A case with a live campaign cannot go back to draft (its people would stay public through the campaign). */
export async function draftWithLiveCampaign(caseId: string, caseStatus: string): Promise<string | null> {
  if (caseStatus !== "draft") return null;
  const live = await prisma.campaign.count({ where: { caseId, status: "live" } });
  return live > 0 ? "A live campaign shows this case: close the campaign or set it to draft before making the case a draft again." : null;
}

/** The campaign's targets: active targets matching its kinds, countries and tags, plus those picked by hand. */
export function campaignTargetsWhere(campaign: {
  id: string;
  organisationId: string;
  targetKinds: string;
  targetCountries: string;
  targetTags: string;
}): Prisma.TargetWhereInput {
  const kinds = decodeList(campaign.targetKinds);
  const countries = decodeList(campaign.targetCountries);
  const tags = decodeList(campaign.targetTags);
  const filters: Prisma.TargetWhereInput[] = [];
  if (kinds.length) filters.push({ kind: { in: kinds } });
  if (countries.length) {
    filters.push({
      OR: [
        { country: { in: countries } },
        ...countries.map((c) => ({ jurisdictions: { contains: `|${c}|` } })),
        // Officials of the persecuting state answer for every country.
        { kind: "official" },
      ],
    });
  }
  if (tags.length) filters.push({ OR: [...tags.map((t) => ({ tags: { contains: `|${t}|` } })), { kind: { not: "mep" } }] });
  const base = { organisationId: campaign.organisationId, active: true };
  // No filter: every active target (picks add nothing then).
  if (filters.length === 0) return base;
  return { ...base, OR: [{ AND: filters }, { campaignPicks: { some: { campaignId: campaign.id } } }] };
}

/** A sender's share: targets located in, or answering for, the section's country; officials for all. */
export function senderTargetsWhere(country: string | null): Prisma.TargetWhereInput {
  if (!country) return {};
  return { OR: [{ country }, { jurisdictions: { contains: `|${country}|` } }, { kind: "official" }] };
}

export function listCampaignTargets(campaign: Parameters<typeof campaignTargetsWhere>[0], country: string | null = null, take?: number) {
  return prisma.target.findMany({
    where: { AND: [campaignTargetsWhere(campaign), senderTargetsWhere(country)] },
    orderBy: [{ kind: "asc" }, { country: "asc" }, { name: "asc" }],
    ...(take ? { take } : {}),
  });
}

export function countCampaignTargets(campaign: Parameters<typeof campaignTargetsWhere>[0], country: string | null = null) {
  return prisma.target.count({ where: { AND: [campaignTargetsWhere(campaign), senderTargetsWhere(country)] } });
}

export async function setTargetPicked(campaignId: string, organisationId: string, targetId: string, picked: boolean) {
  const target = await prisma.target.findFirst({ where: { id: targetId, organisationId }, select: { id: true } });
  if (!target) return false;
  if (picked) {
    await prisma.campaignTarget.upsert({
      where: { campaignId_targetId: { campaignId, targetId } },
      create: { campaignId, targetId },
      update: {},
    });
  } else {
    await prisma.campaignTarget.deleteMany({ where: { campaignId, targetId } });
  }
  return true;
}

export function createTemplate(campaignId: string, data: TemplateInput) {
  return prisma.letterTemplate.create({ data: { ...data, campaignId }, select: { id: true } });
}

export async function updateTemplate(campaignId: string, templateId: string, data: TemplateInput) {
  const { count } = await prisma.letterTemplate.updateMany({ where: { id: templateId, campaignId }, data });
  return count === 1;
}

/** How many letters were generated from a template (they stay when it is deleted). */
export function lettersFromTemplate(templateId: string) {
  return prisma.letter.count({ where: { templateId } });
}

/** The question before a template is deleted (from the campaign page or the editor): which one, and what stays. */
export async function templateDeletionQuestion(template: { id: string; name: string; language: string; targetKind: string | null }) {
  const letters = await lettersFromTemplate(template.id);
  const kind = template.targetKind ? (targetKindLabels[template.targetKind as TargetKind] ?? template.targetKind) : "any kind of target";
  return {
    title: `Delete the template “${template.name}”`,
    items: [`${template.name} · ${template.language.toUpperCase()} · ${kind}`],
    detail: letters
      ? `The ${count(letters, "letter")} generated from it ${plural(letters, "stays", "stay")}; new letters cannot use it. This cannot be undone.`
      : "No letter was generated from it. This cannot be undone.",
    button: "Delete the template",
    danger: true,
  };
}

export async function deleteTemplate(campaignId: string, templateId: string) {
  const { count } = await prisma.letterTemplate.deleteMany({ where: { id: templateId, campaignId } });
  return count === 1;
}

/** The organisation's targets matching a search, for picking by hand. */
/** The active targets a search finds for picking by hand: name, kind, country (or answering for it), tag. */
export async function searchTargets(organisationId: string, filters: Omit<TargetFilters, "page">) {
  const where: Prisma.TargetWhereInput = { AND: [targetFiltersWhere(organisationId, filters), { active: true }] };
  const [targets, total] = await Promise.all([
    prisma.target.findMany({
      where,
      orderBy: [{ kind: "asc" }, { name: "asc" }, { id: "asc" }],
      take: MAX_PICK_RESULTS,
      select: { id: true, name: true, kind: true, country: true, body: true, tags: true },
    }),
    prisma.target.count({ where }),
  ]);
  return { targets: targets.map((t) => ({ ...t, tags: decodeList(t.tags) })), total };
}

/** At most this many targets are listed (and so picked) at once: a narrower search shows the rest. */
export const MAX_PICK_RESULTS = 200;

/**
 * Picks and unpicks many targets of the organisation for a campaign at once; ids of other
 * organisations' targets are ignored. Returns how many were added and removed.
 */
export async function setTargetsPicked(
  campaignId: string,
  organisationId: string,
  { add, remove }: { add: string[]; remove: string[] },
): Promise<{ added: number; removed: number }> {
  return prisma.$transaction(async (tx) => {
    const own = await tx.target.findMany({ where: { organisationId, id: { in: [...add, ...remove] } }, select: { id: true } });
    const ours = new Set(own.map((t) => t.id));
    const already = await tx.campaignTarget.findMany({
      where: { campaignId, targetId: { in: add.filter((id) => ours.has(id)) } },
      select: { targetId: true },
    });
    const picked = new Set(already.map((p) => p.targetId));
    const toAdd = [...new Set(add)].filter((id) => ours.has(id) && !picked.has(id));
    if (toAdd.length) await tx.campaignTarget.createMany({ data: toAdd.map((targetId) => ({ campaignId, targetId })) });
    const removed = await tx.campaignTarget.deleteMany({
      where: { campaignId, targetId: { in: remove.filter((id) => ours.has(id)) } },
    });
    return { added: toAdd.length, removed: removed.count };
  });
}
