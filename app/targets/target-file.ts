// Reading a target file (CSV or a JSON array), mapping its columns onto our fields, and checking
// every row with the target schema, into a per-row report. Pure: no database, so the import pages,
// the tests and scripts/make-demo-targets.ts all read files the same way.
import { parse as parseCsv } from "csv-parse/sync";
import { z } from "zod";
import {
  perField,
  targetFields,
  targetKinds,
  targetKindLabels,
  TargetRowSchema,
  type TargetField,
  type TargetRow,
} from "~/targets/target.schema";
import type { Mapping, MappingChoice, Preset, SourceRecord } from "~/targets/presets";
import { fromSpreadsheetCell } from "~/security/spreadsheet";

/**
 * Bounds that keep reading a file to a fraction of a second: a 5 MB file of blank lines took 2.3 s
 * to parse, and 10,000 columns made a mapping page of 170,000 choices. Lines are counted (cheaply)
 * before the file is parsed; a quoted address over several lines is why lines may exceed rows.
 */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 20_000;
export const MAX_IMPORT_LINES = 100_000;
export const MAX_IMPORT_COLUMNS = 200;

/**
 * A row's cells by header, on an object without a prototype: a column named "__proto__" or
 * "constructor" is a column like any other, never Object's own property.
 */
function newRecord(): Record<string, string> {
  return Object.create(null) as Record<string, string>;
}

// ------------------------------------------------------------------------------------------------
// Reading a file

export interface SourceTable {
  format: "csv" | "json";
  /** The CSV delimiter found in the header line. */
  delimiter: string | null;
  headers: string[];
  /** `row` is what the organiser finds in their spreadsheet (the headers are row 1) or the JSON item number. */
  records: Array<{ row: number; values: SourceRecord }>;
}

export type ReadResult = { ok: true; table: SourceTable } | { ok: false; error: string };

/** The delimiter used most in the header line, outside quotes: "," by default, ";" for many European exports. */
export function detectDelimiter(content: string): string {
  const counts = new Map<string, number>([
    [",", 0],
    [";", 0],
    ["\t", 0],
  ]);
  let quoted = false;
  for (const char of content) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === "\n" || char === "\r")) break;
    else if (!quoted && counts.has(char)) counts.set(char, (counts.get(char) ?? 0) + 1);
  }
  let best = ",";
  for (const [delimiter, count] of counts) if (count > (counts.get(best) ?? 0)) best = delimiter;
  return best;
}

/** Headers as keys: blank ones are dropped (a trailing ";"), repeated ones get " (2)". */
function uniqueHeaders(cells: readonly string[]): Array<string | null> {
  const seen = new Map<string, number>();
  return cells.map((raw) => {
    const header = raw.trim();
    if (!header) return null;
    const n = (seen.get(header) ?? 0) + 1;
    seen.set(header, n);
    return n === 1 ? header : `${header} (${n})`;
  });
}

/** Lines ended by \n, or by \r alone (old Mac exports), counted up to just past `stopAfter`. */
function countLines(content: string, stopAfter: number): number {
  const count = (end: string) => {
    let lines = 1;
    for (let at = content.indexOf(end); at !== -1 && lines <= stopAfter; at = content.indexOf(end, at + 1)) lines++;
    return lines;
  };
  return Math.max(count("\n"), count("\r"));
}

/** csv-parse's options for a target file with this delimiter (the same on and off the main thread). */
export function csvOptions(delimiter: string) {
  return { delimiter, bom: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: false };
}

/** The checks made before a CSV file is parsed: its number of lines and its header's width. */
function csvPrecheck(content: string): { ok: true; delimiter: string } | { ok: false; error: string } {
  if (countLines(content, MAX_IMPORT_LINES) > MAX_IMPORT_LINES) {
    return {
      ok: false,
      error: `The file has more than ${MAX_IMPORT_LINES.toLocaleString("en")} lines; split it into files of at most ${MAX_IMPORT_ROWS.toLocaleString("en")} rows.`,
    };
  }
  const delimiter = detectDelimiter(content);
  try {
    // The header line alone first: a file far too wide is refused before its rows are parsed.
    const [header] = parseCsv(content, { ...csvOptions(delimiter), to_line: 1 }) as string[][];
    if ((header?.length ?? 0) > MAX_IMPORT_COLUMNS) {
      return {
        ok: false,
        error: `The file has ${header?.length.toLocaleString("en")} columns; a target file has at most ${MAX_IMPORT_COLUMNS}. Remove the columns you do not need.`,
      };
    }
  } catch (error) {
    return { ok: false, error: csvError(error) };
  }
  return { ok: true, delimiter };
}

export const csvError = (error: unknown) => `The file could not be read as CSV: ${error instanceof Error ? error.message : String(error)}`;

function tableFromCsvRows(rows: string[][], delimiter: string): ReadResult {
  const [headerRow, ...dataRows] = rows;
  const headers = uniqueHeaders(headerRow ?? []);
  const named = headers.filter((h): h is string => h !== null);
  if (!named.length) return { ok: false, error: "The file is empty: the first line must hold the column headers." };
  const records: SourceTable["records"] = [];
  dataRows.forEach((cells, index) => {
    // A blank line keeps its number, so row numbers stay those of the spreadsheet.
    if (cells.every((c) => c.trim() === "")) return;
    const values = newRecord();
    headers.forEach((header, i) => {
      if (header !== null) values[header] = fromSpreadsheetCell(cells[i] ?? "");
    });
    records.push({ row: index + 2, values });
  });
  return { ok: true, table: { format: "csv", delimiter, headers: named, records } };
}

function readCsv(content: string): ReadResult {
  const checked = csvPrecheck(content);
  if (!checked.ok) return checked;
  let rows: string[][];
  try {
    rows = parseCsv(content, csvOptions(checked.delimiter));
  } catch (error) {
    return { ok: false, error: csvError(error) };
  }
  return tableFromCsvRows(rows, checked.delimiter);
}

const JsonCell = z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(z.union([z.string(), z.number()]))]);
const JsonFile = z.array(z.record(z.string(), JsonCell));

/** A JSON value as the cell of a CSV file would hold it: lists as "a|b", booleans as yes/no. */
function cellText(value: z.infer<typeof JsonCell>): string {
  if (value === null) return "";
  if (Array.isArray(value)) return value.join("|");
  if (typeof value === "boolean") return value ? "yes" : "no";
  return String(value);
}

function readJson(content: string): ReadResult {
  let data: unknown;
  try {
    data = JSON.parse(content);
  } catch (error) {
    return { ok: false, error: `The file could not be read as JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
  const parsed = JsonFile.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where =
      issue && typeof issue.path[0] === "number"
        ? ` (item ${issue.path[0] + 1}${issue.path[1] ? `, “${String(issue.path[1])}”` : ""})`
        : "";
    return {
      ok: false,
      error: `A JSON file must be an array of objects whose values are text, numbers, yes/no or lists${where}.`,
    };
  }
  // The items as JSON.parse made them: zod's copy leaves out a "__proto__" key, which is a column
  // like any other here; its values are checked one by one like the others.
  const items = (Array.isArray(data) ? data : []).map((item) => Object.entries(item as object));
  const headerSet = new Set<string>();
  for (const entries of items) for (const [key] of entries) headerSet.add(key);
  if (headerSet.size > MAX_IMPORT_COLUMNS) {
    return {
      ok: false,
      error: `The file has ${headerSet.size.toLocaleString("en")} different keys; a target file has at most ${MAX_IMPORT_COLUMNS}. Remove the ones you do not need.`,
    };
  }
  const headers = [...headerSet];
  const records: SourceTable["records"] = [];
  for (const [index, entries] of items.entries()) {
    const values = newRecord();
    for (const [key, raw] of entries) {
      const cell = JsonCell.safeParse(raw);
      if (!cell.success)
        return {
          ok: false,
          error: `A JSON file must be an array of objects whose values are text, numbers, yes/no or lists (item ${index + 1}, “${key.slice(0, 40)}”).`,
        };
      values[key] = cellText(cell.data);
    }
    records.push({ row: index + 1, values });
  }
  return { ok: true, table: { format: "json", delimiter: null, headers, records } };
}

/**
 * The table as stored after upload (TargetImport.content): read once, kept as JSON, so the mapping
 * and dry-run pages never parse the CSV again. Each record is [row, ...cells in header order], so
 * the stored table is about the size of the file (no header repeated on every row).
 */
export function tableForStorage(table: SourceTable): string {
  const records = table.records.map((r) => [r.row, ...table.headers.map((h) => r.values[h] ?? "")]);
  return JSON.stringify({ storedTable: 1, format: table.format, delimiter: table.delimiter, headers: table.headers, records });
}

const StoredTable = z.object({
  storedTable: z.literal(1),
  format: z.enum(["csv", "json"]),
  delimiter: z.string().nullable(),
  headers: z.array(z.string()),
  records: z.array(z.tuple([z.number()], z.string())),
});

/** The stored table, or the raw file of an upload saved before tables were stored (read again). */
export function tableFromStorage(content: string): ReadResult {
  if (!content.startsWith('{"storedTable":1')) return readTargetFile(content);
  let data: unknown;
  try {
    data = JSON.parse(content);
  } catch {
    data = null;
  }
  const parsed = StoredTable.safeParse(data);
  if (!parsed.success) return { ok: false, error: "The stored file could not be read." };
  const { format, delimiter, headers, records } = parsed.data;
  return {
    ok: true,
    table: {
      format,
      delimiter,
      headers,
      records: records.map(([row, ...cells]) => {
        const values = newRecord();
        headers.forEach((header, i) => {
          values[header] = cells[i] ?? "";
        });
        return { row, values };
      }),
    },
  };
}

function checkedTable(result: ReadResult): ReadResult {
  if (!result.ok) return result;
  if (!result.table.records.length) return { ok: false, error: "The file has no rows of targets under its headers." };
  if (result.table.records.length > MAX_IMPORT_ROWS) {
    return {
      ok: false,
      error: `The file has ${result.table.records.length} rows; split it into files of at most ${MAX_IMPORT_ROWS}.`,
    };
  }
  return result;
}

const isJson = (text: string) => {
  const first = text.trimStart().charAt(0);
  return first === "[" || first === "{";
};

/** CSV (comma, semicolon or tab) or a JSON array, told apart by the first character. */
export function readTargetFile(content: string): ReadResult {
  const text = content.replace(/^\uFEFF/, "");
  if (!text.trim()) return { ok: false, error: "The file is empty." };
  return checkedTable(isJson(text) ? readJson(text) : readCsv(text));
}

/**
 * readTargetFile for a server: the CSV is parsed by `parseRows` (off the main thread, see
 * csv-worker.server.ts), so a file that is slow to parse never holds the event loop.
 */
export async function readTargetFileWith(
  content: string,
  parseRows: (
    content: string,
    options: ReturnType<typeof csvOptions>,
  ) => Promise<{ ok: true; rows: string[][] } | { ok: false; error: string }>,
): Promise<ReadResult> {
  const text = content.replace(/^\uFEFF/, "");
  if (!text.trim()) return { ok: false, error: "The file is empty." };
  if (isJson(text)) return checkedTable(readJson(text));
  const checked = csvPrecheck(text);
  if (!checked.ok) return checked;
  const parsed = await parseRows(text, csvOptions(checked.delimiter));
  if (!parsed.ok) return parsed;
  return checkedTable(tableFromCsvRows(parsed.rows, checked.delimiter));
}

// ------------------------------------------------------------------------------------------------
// The mapping step

export interface MappingOption {
  value: MappingChoice;
  label: string;
}

function sample(table: SourceTable, header: string): string {
  const value = table.records.find((r) => (r.values[header] ?? "").trim())?.values[header]?.trim() ?? "";
  return value.length > 40 ? `${value.slice(0, 40)}…` : value;
}

/** The choices of each field's select: nothing, the preset's computed value, a fixed kind, a column. */
export function mappingOptions(table: SourceTable, preset: Preset | null): Record<TargetField, MappingOption[]> {
  return perField((field) => {
    const options: MappingOption[] = [{ value: "", label: "— not in this file —" }];
    const computed = preset?.computed[field];
    if (computed) options.push({ value: `preset:${field}`, label: `Computed: ${computed.label}` });
    if (field === "kind") {
      for (const kind of targetKinds) options.push({ value: `fixed:${kind}`, label: `Every row: ${targetKindLabels[kind]}` });
    }
    for (const header of table.headers) {
      const example = sample(table, header);
      options.push({
        value: `column:${header}`,
        label: example ? `Column “${header}” (e.g. ${example})` : `Column “${header}” (empty)`,
      });
    }
    return options;
  });
}

export const mappingInputName = (field: TargetField) => `map.${field}`;

/** The mapping posted by the form: each choice must be one the page offered for that field. */
export function parseMapping(
  formData: FormData,
  table: SourceTable,
  preset: Preset | null,
): { success: true; mapping: Mapping } | { success: false; fieldErrors: Partial<Record<string, string[]>> } {
  const options = mappingOptions(table, preset);
  const fieldErrors: Partial<Record<string, string[]>> = {};
  const mapping = perField((field): MappingChoice => {
    const offered = options[field];
    const posted = z
      .string()
      .catch("")
      .parse(formData.get(mappingInputName(field)));
    const choice = offered.find((o) => o.value === posted);
    if (!choice) fieldErrors[mappingInputName(field)] = ["Choose one of the columns of the file."];
    return choice?.value ?? "";
  });
  if (mapping.name === "") fieldErrors[mappingInputName("name")] = ["Every target needs a name: choose the column that holds it."];
  if (mapping.kind === "") fieldErrors[mappingInputName("kind")] = ["Choose the column with the kind, or one kind for every row."];
  return Object.keys(fieldErrors).length ? { success: false, fieldErrors } : { success: true, mapping };
}

function valueOf(choice: MappingChoice, record: SourceRecord, preset: Preset | null): string | undefined {
  if (choice === "") return undefined;
  if (choice.startsWith("column:")) return record[choice.slice("column:".length)] ?? "";
  if (choice.startsWith("fixed:")) return choice.slice("fixed:".length);
  const field = targetFields.find((f) => choice === `preset:${f}`);
  const computed = field ? preset?.computed[field] : undefined;
  return computed ? computed.value(record) : "";
}

/** The field values one record gives under a mapping, before any check: for the mapping step's preview. */
export function mappedValues(record: SourceRecord, mapping: Mapping, preset: Preset | null): Record<TargetField, string | undefined> {
  return perField((field) => valueOf(mapping[field], record, preset));
}

// ------------------------------------------------------------------------------------------------
// Checking every row

export interface RowProblem {
  row: number;
  /** Our field the problem is about; null for the row as a whole. */
  field: TargetField | null;
  problem: string;
  severity: "error" | "warning";
  /** What the row gave for that field, shortened. */
  value: string | null;
}

export interface CheckedRow {
  row: number;
  /** The checked values; null when the row has an error. */
  data: TargetRow | null;
}

export interface RowCheck {
  rows: CheckedRow[];
  problems: RowProblem[];
  mappedFields: TargetField[];
}

export const NO_EMAIL = "no email address: letters to it can only be printed";
export const NO_POSTAL_ADDRESS = "no postal address";
export const NO_CONTACT = "neither an email address nor a postal address: no letter can reach it until one is added";
export const NO_COUNTRY = "no country: sections and a campaign's countries will not find it";

const short = (v: string | undefined) => (v === undefined ? null : v.length > 120 ? `${v.slice(0, 120)}…` : v);

/** What makes two rows of one file the same target: the rule planImport applies to saved targets. */
function identity(row: Pick<TargetRow, "kind" | "name" | "country" | "email" | "externalId">): {
  key: string;
  field: TargetField;
  what: string;
} {
  if (row.externalId) return { key: `ext:${row.externalId}`, field: "externalId", what: "external id" };
  if (row.email) return { key: `email:${row.kind}:${row.email.toLowerCase()}`, field: "email", what: "kind and email" };
  return {
    key: `name:${row.kind}:${row.name.toLowerCase()}:${row.country ?? ""}`,
    field: "name",
    what: "kind, name and country",
  };
}

export function checkRows(table: SourceTable, mapping: Mapping, preset: Preset | null): RowCheck {
  const problems: RowProblem[] = [];
  const rows: CheckedRow[] = [];
  const firstRowOf = new Map<string, number>();
  for (const record of table.records) {
    const input = mappedValues(record.values, mapping, preset);
    const parsed = TargetRowSchema.safeParse(input);
    let data: TargetRow | null = null;
    if (parsed.success) {
      const id = identity(parsed.data);
      const earlier = firstRowOf.get(id.key);
      if (earlier === undefined) {
        firstRowOf.set(id.key, record.row);
        data = parsed.data;
      } else {
        problems.push({
          row: record.row,
          field: id.field,
          problem: `the same target as row ${earlier} (same ${id.what}): only one of them can be imported`,
          severity: "error",
          value: short(input[id.field]),
        });
      }
    } else {
      for (const issue of parsed.error.issues) {
        const field = targetFields.find((f) => f === issue.path[0]) ?? null;
        problems.push({
          row: record.row,
          field,
          problem: issue.message,
          severity: "error",
          value: field ? short(input[field]) : null,
        });
      }
    }
    // Incomplete real data is imported as it comes; the organiser is told what each row lacks.
    const hasEmail = Boolean((input.email ?? "").trim());
    const hasAddress = Boolean((input.postalAddress ?? "").trim());
    if (!hasEmail && !hasAddress) problems.push({ row: record.row, field: null, problem: NO_CONTACT, severity: "warning", value: null });
    else if (!hasEmail) problems.push({ row: record.row, field: "email", problem: NO_EMAIL, severity: "warning", value: null });
    else if (!hasAddress)
      problems.push({ row: record.row, field: "postalAddress", problem: NO_POSTAL_ADDRESS, severity: "warning", value: null });
    // A wrong country is an error from the schema; a missing one only a warning.
    if (!(input.country ?? "").trim())
      problems.push({ row: record.row, field: "country", problem: NO_COUNTRY, severity: "warning", value: null });
    rows.push({ row: record.row, data });
  }
  return { rows, problems, mappedFields: targetFields.filter((f) => mapping[f] !== "") };
}
