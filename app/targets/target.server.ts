// The organisation's directory of targets. Every function takes the organisationId and touches only
// that organisation's rows: another organisation's target is simply not found.
import { engine, prisma } from "~/db.server";
import { decodeList, encodeList } from "~/lists";
import type { Prisma } from "~/generated/prisma.server/client";
import type { TargetFilters, TargetInput, TargetKind } from "~/targets/target.schema";

export const TARGETS_PER_PAGE = 50;

/**
 * A part of a name, whatever its case. SQLite's LIKE (what `contains` becomes) ignores the case of
 * ASCII letters; PostgreSQL's does not, so there Prisma is asked for ILIKE (a mode the SQLite
 * client does not know). SQLite folds ASCII letters only: there a Cyrillic name matches as typed.
 */
function ignoringCase(part: string): Prisma.StringFilter<"Target"> {
  return engine() === "postgresql" ? { contains: part, ...{ mode: "insensitive" } } : { contains: part };
}

export function targetFiltersWhere(organisationId: string, filters: Omit<TargetFilters, "page">): Prisma.TargetWhereInput {
  const and: Prisma.TargetWhereInput[] = [{ organisationId }];
  if (filters.kind) and.push({ kind: filters.kind });
  // A section looks for the targets of its country: the embassy in Brussels also answers for Luxembourg.
  if (filters.country) {
    and.push({ OR: [{ country: filters.country }, { jurisdictions: { contains: `|${filters.country}|` } }] });
  }
  if (filters.tag) and.push({ tags: { contains: `|${filters.tag}|` } });
  if (filters.q) and.push({ OR: [{ name: ignoringCase(filters.q) }, { body: ignoringCase(filters.q) }] });
  return { AND: and };
}

const listSelect = {
  id: true,
  kind: true,
  name: true,
  position: true,
  body: true,
  country: true,
  jurisdictions: true,
  email: true,
  postalAddress: true,
  tags: true,
  active: true,
} satisfies Prisma.TargetSelect;

export async function listTargets({ organisationId, filters }: { organisationId: string; filters: TargetFilters }) {
  const where = targetFiltersWhere(organisationId, filters);
  const total = await prisma.target.count({ where });
  const pages = Math.max(1, Math.ceil(total / TARGETS_PER_PAGE));
  const page = Math.min(filters.page, pages);
  const rows = await prisma.target.findMany({
    where,
    orderBy: [{ kind: "asc" }, { name: "asc" }, { id: "asc" }],
    skip: (page - 1) * TARGETS_PER_PAGE,
    take: TARGETS_PER_PAGE,
    select: listSelect,
  });
  const suppressed = await suppressionsFor(rows.map((r) => r.email));
  const targets = rows.map((r) => ({
    ...r,
    jurisdictions: decodeList(r.jurisdictions),
    tags: decodeList(r.tags),
    emailSuppression: r.email ? (suppressed.get(r.email.toLowerCase()) ?? null) : null,
  }));
  return { targets, total, page, pages };
}

/** The countries and tags in use, for the filter menus. */
export async function targetFilterOptions(organisationId: string) {
  const rows = await prisma.target.findMany({ where: { organisationId }, select: { country: true, tags: true } });
  const countries = new Set<string>();
  const tags = new Set<string>();
  for (const r of rows) {
    if (r.country) countries.add(r.country);
    for (const t of decodeList(r.tags)) tags.add(t);
  }
  return { countries: [...countries].sort(), tags: [...tags].sort() };
}

/** Why we no longer send to an address (bounce, complaint, unsubscribed), by lower-cased address. */
async function suppressionsFor(emails: ReadonlyArray<string | null>): Promise<Map<string, string>> {
  const addresses = [...new Set(emails.filter((e): e is string => !!e).map((e) => e.toLowerCase()))];
  if (!addresses.length) return new Map();
  const rows = await prisma.suppressedAddress.findMany({
    where: { address: { in: addresses } },
    select: { address: true, reason: true },
  });
  return new Map(rows.map((r) => [r.address, r.reason]));
}

export const suppressionLabels: Record<string, string> = {
  hard_bounce: "email bounced",
  complaint: "email marked as spam",
  unsubscribed: "asked for no more email",
};

export async function getTarget({ targetId, organisationId }: { targetId: string; organisationId: string }) {
  const row = await prisma.target.findFirst({ where: { id: targetId, organisationId } });
  if (!row) return null;
  const suppressed = await suppressionsFor([row.email]);
  return {
    ...row,
    jurisdictions: decodeList(row.jurisdictions),
    languages: decodeList(row.languages),
    tags: decodeList(row.tags),
    emailSuppression: row.email ? (suppressed.get(row.email.toLowerCase()) ?? null) : null,
  };
}
export type TargetDetail = NonNullable<Awaited<ReturnType<typeof getTarget>>>;

/** The database columns for a target's fields: lists become "|a|b|". */
export function targetColumns(data: TargetInput) {
  return {
    ...data,
    jurisdictions: encodeList(data.jurisdictions),
    languages: encodeList(data.languages),
    tags: encodeList(data.tags),
  };
}

export function createTarget({ organisationId, data }: { organisationId: string; data: TargetInput }) {
  return prisma.target.create({ data: { ...targetColumns(data), organisationId }, select: { id: true } });
}

/** Returns false when the target is not this organisation's. */
export async function updateTarget({
  targetId,
  organisationId,
  data,
}: {
  targetId: string;
  organisationId: string;
  data: TargetInput;
}): Promise<boolean> {
  const { count } = await prisma.target.updateMany({ where: { id: targetId, organisationId }, data: targetColumns(data) });
  return count === 1;
}

/** An inactive target is kept (its letters keep their recipient) but no longer offered to campaigns. */
export async function setTargetActive({
  targetId,
  organisationId,
  active,
}: {
  targetId: string;
  organisationId: string;
  active: boolean;
}): Promise<boolean> {
  const { count } = await prisma.target.updateMany({ where: { id: targetId, organisationId }, data: { active } });
  return count === 1;
}

/** A target as typed data (prisma/seed/targets.ts): lists as arrays, every field present. */
export interface TargetData {
  kind: TargetKind;
  name: string;
  position: string | null;
  body: string | null;
  country: string | null;
  jurisdictions: readonly string[];
  email: string | null;
  postalAddress: string | null;
  phone: string | null;
  fax: string | null;
  website: string | null;
  languages: readonly string[];
  salutation: string | null;
  tags: readonly string[];
  notes: string | null;
  externalId: string | null;
}

/**
 * Writes demo targets for an organisation, inside the caller's transaction when it passes one.
 * Targets with an externalId already there are updated, so seeding twice does not duplicate them.
 */
export async function seedTargets(
  db: Pick<Prisma.TransactionClient, "target">,
  organisationId: string,
  targets: ReadonlyArray<TargetData>,
): Promise<number> {
  for (const t of targets) {
    const data = {
      ...t,
      jurisdictions: encodeList(t.jurisdictions),
      languages: encodeList(t.languages.length ? t.languages : ["en"]),
      tags: encodeList(t.tags),
    };
    if (t.externalId) {
      await db.target.upsert({
        where: { organisationId_externalId: { organisationId, externalId: t.externalId } },
        create: { ...data, organisationId },
        update: data,
      });
    } else {
      await db.target.create({ data: { ...data, organisationId } });
    }
  }
  return targets.length;
}
