// Importing targets into an organisation: the dry run, and the import itself in one transaction,
// updating rather than duplicating the targets already there. Reading and checking the file is in
// target-file.ts; this module plans against the saved targets and writes.
import { prisma } from "~/db.server";
import type { Prisma, Target } from "~/generated/prisma.server/client";
import type { TargetField, TargetRow } from "~/targets/target.schema";
import { encodeList } from "~/lists";
import { proposedMapping, recognisePreset, type Mapping, type Preset } from "~/targets/presets";
import { checkRows, tableForStorage, tableFromStorage, type RowCheck, type RowProblem, type SourceTable } from "~/targets/target-file";

// ------------------------------------------------------------------------------------------------
// Planning against the saved targets, and writing

type Db = Pick<Prisma.TransactionClient, "target">;

/** The database columns of a checked row: lists become "|a|b|". */
function columnsOf(row: TargetRow) {
  return {
    kind: row.kind,
    name: row.name,
    position: row.position,
    body: row.body,
    country: row.country,
    jurisdictions: encodeList(row.jurisdictions),
    email: row.email,
    postalAddress: row.postalAddress,
    phone: row.phone,
    fax: row.fax,
    website: row.website,
    languages: encodeList(row.languages),
    salutation: row.salutation,
    tags: encodeList(row.tags),
    notes: row.notes,
  };
}

function newTarget(row: TargetRow, organisationId: string): Prisma.TargetCreateManyInput {
  return { ...columnsOf(row), active: row.active ?? true, externalId: row.externalId, organisationId };
}

/**
 * What an update would change, or null when nothing would. Only the mapped fields are written, so a
 * file without a notes column keeps the notes typed in by hand; and an empty cell never clears an
 * identity or flips the active flag: only an id or a yes/no does.
 */
function changesTo(existing: Target, row: TargetRow, fields: readonly TargetField[]): Prisma.TargetUpdateInput | null {
  const columns = columnsOf(row);
  const changed: Prisma.TargetUpdateInput = {};
  let count = 0;
  for (const field of fields) {
    const value = field === "active" || field === "externalId" ? row[field] : columns[field];
    if (value === null && (field === "active" || field === "externalId")) continue;
    if (value !== existing[field]) {
      Object.assign(changed, { [field]: value });
      count++;
    }
  }
  return count ? changed : null;
}

export interface ImportPlan {
  create: TargetRow[];
  update: Array<{ id: string; data: Prisma.TargetUpdateInput }>;
  unchanged: number;
}

/** Which rows create a target, which update one (externalId, then kind + email, then kind + name + country). */
async function planImport(db: Db, organisationId: string, rows: readonly TargetRow[], fields: readonly TargetField[]): Promise<ImportPlan> {
  const existing = await db.target.findMany({ where: { organisationId } });
  const byExternalId = new Map<string, Target>();
  const byEmail = new Map<string, Target[]>();
  const byName = new Map<string, Target[]>();
  const push = (map: Map<string, Target[]>, key: string, t: Target) => map.set(key, [...(map.get(key) ?? []), t]);
  for (const t of existing) {
    if (t.externalId) byExternalId.set(t.externalId, t);
    if (t.email) push(byEmail, `${t.kind}:${t.email.toLowerCase()}`, t);
    push(byName, `${t.kind}:${t.name.toLowerCase()}:${t.country ?? ""}`, t);
  }
  const claimed = new Set<string>();
  const plan: ImportPlan = { create: [], update: [], unchanged: 0 };
  for (const row of rows) {
    // A row with its own identity only takes over a target that has none yet (typed in by hand).
    const free = (t: Target) => !claimed.has(t.id) && (!row.externalId || t.externalId === null);
    const match =
      (row.externalId ? byExternalId.get(row.externalId) : undefined) ??
      (row.email ? byEmail.get(`${row.kind}:${row.email.toLowerCase()}`)?.find(free) : undefined) ??
      byName.get(`${row.kind}:${row.name.toLowerCase()}:${row.country ?? ""}`)?.find(free);
    if (!match || claimed.has(match.id)) {
      plan.create.push(row);
      continue;
    }
    claimed.add(match.id);
    const changed = changesTo(match, row, fields);
    if (changed) plan.update.push({ id: match.id, data: changed });
    else plan.unchanged++;
  }
  return plan;
}

export interface ImportReport {
  rows: number;
  validRows: number;
  errorRows: number;
  warningRows: number;
  problems: RowProblem[];
  /** What importing the valid rows would do now. */
  willCreate: number;
  willUpdate: number;
  unchanged: number;
}

function summarise(check: RowCheck, plan: ImportPlan): ImportReport {
  const valid = new Set(check.rows.filter((r) => r.data !== null).map((r) => r.row));
  const validRows = valid.size;
  return {
    rows: check.rows.length,
    validRows,
    errorRows: check.rows.length - validRows,
    // "2 can be imported (1 with warnings)": counted among the rows that can be imported.
    warningRows: new Set(check.problems.filter((p) => p.severity === "warning" && valid.has(p.row)).map((p) => p.row)).size,
    problems: check.problems,
    willCreate: plan.create.length,
    willUpdate: plan.update.length,
    unchanged: plan.unchanged,
  };
}

const validRowsOf = (check: RowCheck) => check.rows.flatMap((r) => (r.data ? [r.data] : []));

/** The dry run: the per-row report and what an import would do. Writes nothing. */
export async function dryRun({
  organisationId,
  table,
  mapping,
  preset,
}: {
  organisationId: string;
  table: SourceTable;
  mapping: Mapping;
  preset: Preset | null;
}): Promise<ImportReport> {
  const check = checkRows(table, mapping, preset);
  const plan = await planImport(prisma, organisationId, validRowsOf(check), check.mappedFields);
  return summarise(check, plan);
}

export interface ImportCounts {
  created: number;
  updated: number;
  unchanged: number;
  /** Rows with an error, left out because the organiser chose to import only the valid rows. */
  skipped: number;
}

/**
 * Imports in one transaction. While any row has an error nothing is written, unless the organiser
 * chose to import only the valid rows; then those are written and the others counted as skipped.
 */
export async function importTable({
  organisationId,
  table,
  mapping,
  preset,
  onlyValidRows,
  importId,
}: {
  organisationId: string;
  table: SourceTable;
  mapping: Mapping;
  preset: Preset | null;
  onlyValidRows: boolean;
  /** The uploaded file's row, marked imported in the same transaction. */
  importId?: string;
}): Promise<{ ok: true; counts: ImportCounts } | { ok: false; report: ImportReport }> {
  const check = checkRows(table, mapping, preset);
  const valid = validRowsOf(check);
  const skipped = check.rows.length - valid.length;
  if (skipped > 0 && !onlyValidRows) {
    return { ok: false, report: summarise(check, await planImport(prisma, organisationId, valid, check.mappedFields)) };
  }
  const counts = await prisma.$transaction(
    async (tx) => {
      // Planned inside the transaction, so a target saved meanwhile is updated, not duplicated.
      const plan = await planImport(tx, organisationId, valid, check.mappedFields);
      if (plan.create.length) {
        await tx.target.createMany({ data: plan.create.map((row) => newTarget(row, organisationId)) });
      }
      for (const { id, data } of plan.update) await tx.target.update({ where: { id }, data });
      if (importId) await tx.targetImport.updateMany({ where: { id: importId, organisationId }, data: { importedAt: new Date() } });
      return { created: plan.create.length, updated: plan.update.length, unchanged: plan.unchanged, skipped };
    },
    // Thousands of rows on a slow disk take longer than Prisma's default 5 seconds.
    { timeout: 120_000, maxWait: 10_000 },
  );
  return { ok: true, counts };
}

// ------------------------------------------------------------------------------------------------
// Uploaded files waiting for their mapping (TargetImport rows)

/** Keeps the file as read at upload (its table, as JSON): its pages never parse the file again. */
export async function saveTargetImport({
  organisationId,
  userId,
  fileName,
  table,
}: {
  organisationId: string;
  userId: string;
  fileName: string;
  table: SourceTable;
}) {
  return prisma.targetImport.create({
    data: { organisationId, createdById: userId, fileName, content: tableForStorage(table) },
    select: { id: true },
  });
}

const KEEP_UPLOADS_DAYS = 7;

/** Uploaded files are kept a week for their mapping and dry run, then deleted (maintenance, hourly). */
export async function deleteOldTargetImports(now = new Date()) {
  const { count } = await prisma.targetImport.deleteMany({
    where: { createdAt: { lt: new Date(now.getTime() - KEEP_UPLOADS_DAYS * 24 * 3600 * 1000) } },
  });
  return count;
}

export function listTargetImports(organisationId: string) {
  return prisma.targetImport.findMany({
    where: { organisationId },
    orderBy: { createdAt: "desc" },
    take: 10,
    select: { id: true, fileName: true, createdAt: true, importedAt: true },
  });
}

/** An uploaded file of this organisation, read, with the preset its headers match. Null when not theirs. */
export async function openTargetImport({ importId, organisationId }: { importId: string; organisationId: string }) {
  const row = await prisma.targetImport.findFirst({ where: { id: importId, organisationId } });
  if (!row) return null;
  const read = tableFromStorage(row.content);
  // The file was read once at upload; failing now means the reader changed, not the organiser's fault.
  if (!read.ok) throw new Error(`Stored import ${row.id} can no longer be read: ${read.error}`);
  const preset = recognisePreset(read.table.headers);
  return {
    id: row.id,
    fileName: row.fileName,
    createdAt: row.createdAt,
    importedAt: row.importedAt,
    table: read.table,
    preset,
    proposedMapping: proposedMapping(read.table.headers, preset),
  };
}
export type OpenedImport = NonNullable<Awaited<ReturnType<typeof openTargetImport>>>;

// ------------------------------------------------------------------------------------------------
// The report as a page shows it

/** [2, 3, 4, 7] → "2–4, 7": a warning shared by 700 rows reads as one line. */
export function rowRanges(rows: readonly number[]): string {
  const sorted = [...new Set(rows)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === (sorted[j] ?? 0) + 1) j++;
    parts.push(i === j ? String(sorted[i]) : `${sorted[i]}–${sorted[j]}`);
    i = j + 1;
  }
  return parts.join(", ");
}

/**
 * The report, light enough for a page: errors one per line (the first 500), warnings grouped by
 * problem with their rows, and one per line (the first 1,000) for those who want to read them all.
 */
export function reportForPage(report: ImportReport) {
  const errors = report.problems.filter((p) => p.severity === "error");
  const warnings = report.problems.filter((p) => p.severity === "warning");
  const groups = new Map<string, { field: TargetField | null; problem: string; rows: number[] }>();
  for (const w of warnings) {
    const key = `${w.field}:${w.problem}`;
    const group = groups.get(key) ?? { field: w.field, problem: w.problem, rows: [] };
    group.rows.push(w.row);
    groups.set(key, group);
  }
  return {
    rows: report.rows,
    validRows: report.validRows,
    errorRows: report.errorRows,
    warningRows: report.warningRows,
    willCreate: report.willCreate,
    willUpdate: report.willUpdate,
    unchanged: report.unchanged,
    errorCount: errors.length,
    errors: errors.slice(0, 500),
    warningCount: warnings.length,
    warnings: warnings.slice(0, 1000),
    warningGroups: [...groups.values()].map((g) => ({
      field: g.field,
      problem: g.problem,
      count: g.rows.length,
      rows: rowRanges(g.rows),
    })),
  };
}
export type PageReport = ReturnType<typeof reportForPage>;
