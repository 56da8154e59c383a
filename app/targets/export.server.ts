// The organisation's targets as CSV, in the columns of our own import format (the "ours" preset):
// an exported file, edited in a spreadsheet or not, imports back as updates of the same targets.
// Cells a spreadsheet would run as formulas are written as text; the import reads them back.
import { stringify } from "csv-stringify/sync";
import { prisma } from "~/db.server";
import type { Target } from "~/generated/prisma.server/client";
import { exportHeaders } from "~/targets/presets";
import { perField, targetFields, type TargetFilters } from "~/targets/target.schema";
import { decodeList } from "~/lists";
import { targetFiltersWhere } from "~/targets/target.server";
import { spreadsheetCell } from "~/security/spreadsheet";

/** One target's cells: lists as "a|b" like the files we import, the flag as yes/no. */
function cells(t: Target): Record<(typeof targetFields)[number], string> {
  return perField((field) => {
    switch (field) {
      case "jurisdictions":
      case "languages":
      case "tags":
        return decodeList(t[field]).join("|");
      case "active":
        return t.active ? "yes" : "no";
      default:
        return t[field] ?? "";
    }
  });
}

export async function exportTargetsCsv({
  organisationId,
  filters = {},
}: {
  organisationId: string;
  filters?: Omit<TargetFilters, "page">;
}): Promise<string> {
  const targets = await prisma.target.findMany({
    where: targetFiltersWhere(organisationId, filters),
    orderBy: [{ kind: "asc" }, { name: "asc" }, { id: "asc" }],
  });
  const header = targetFields.map((f) => exportHeaders[f]);
  const rows = targets.map((t) => {
    const row = cells(t);
    return targetFields.map((f) => spreadsheetCell(row[f]));
  });
  // The BOM makes spreadsheet programs read the accents right; our import skips it.
  return `\uFEFF${stringify([header, ...rows])}`;
}
