// Moves an SQLite install's data into an empty PostgreSQL database (`npm run db:copy-to-postgres`):
// every table in one PostgreSQL transaction, values converted to the column types PostgreSQL has,
// and every table's rows counted on both sides. It never writes into a database that holds data.
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { isPostgresUrl } from "~/db/engine";
import { withoutNul } from "~/db/postgres-adapter.server";
import { applyPostgresMigrations, migrationFolders, POSTGRES_MIGRATIONS } from "~/db/postgres-migrations.server";
import { count } from "~/ui/format";

/** A reason not to copy: said to the operator as it is, nothing was written. */
export class CopyRefusal extends Error {
  name = "CopyRefusal";
}

export interface TableCount {
  table: string;
  source: number;
  target: number;
}

export interface CopyResult {
  counts: TableCount[];
  /** True when every table holds as many rows in PostgreSQL as in the SQLite file. */
  countsMatch: boolean;
  rows: number;
  ms: number;
  /** Text values that held the NUL character, which PostgreSQL's text cannot: kept as U+FFFD, as the app does. */
  nulReplaced: number;
}

export interface CopyOptions {
  /** `file:./data/app.db` (or a plain path). */
  from: string;
  /** `postgresql://user@host:5432/db` */
  to: string;
  log?: (line: string) => void;
  sqliteMigrations?: string;
  postgresMigrations?: string;
  /** Rows per INSERT (fewer when a table's columns would pass PostgreSQL's 65,535 parameters). */
  chunkRows?: number;
}

const HISTORY = "_prisma_migrations";
const MAX_PARAMETERS = 65_535;

/** `postgresql://user:secret@host/db` without its password, for what is printed. */
export function withoutPassword(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return url;
  }
}

export function sqliteFileOf(url: string): string {
  return url.replace(/^file:/, "");
}

function openSource(from: string): Database.Database {
  const file = sqliteFileOf(from);
  if (isPostgresUrl(from) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
    throw new CopyRefusal(
      `The source must be the SQLite file of the install to move (file:./data/app.db); ${from} is not a file that exists.`,
    );
  }
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    db.prepare("SELECT count(*) FROM sqlite_master").get();
  } catch (error) {
    throw new CopyRefusal(`${file} is not an SQLite database (${error instanceof Error ? error.message : String(error)}).`);
  }
  return db;
}

/** Refuses a file whose migrations are not exactly this version's: its tables would not match PostgreSQL's. */
function checkSourceMigrations(db: Database.Database, file: string, dir: string) {
  const known = migrationFolders(dir);
  const hasHistory = db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(HISTORY) !== undefined;
  if (!hasHistory) throw new CopyRefusal(`${file} is not a database of Solidarity letters (it has no record of migrations).`);
  const applied = db
    .prepare(`SELECT migration_name FROM "${HISTORY}" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`)
    .pluck()
    .all()
    .map(String);
  const unknown = applied.filter((name) => !known.includes(name));
  if (unknown.length) {
    throw new CopyRefusal(
      `${file} comes from a newer version of the app (migrations ${unknown.join(", ")} are unknown here): upgrade this copy of the app first.`,
    );
  }
  const missing = known.filter((name) => !applied.includes(name));
  if (missing.length) {
    throw new CopyRefusal(
      `${file} lacks ${missing.length} of this version's SQLite migrations (${missing.join(", ")}). Start the app once on SQLite with this version (npm start, with DATABASE_URL=file:${file}) so it applies them, stop it, and copy again.`,
    );
  }
}

interface Column {
  name: string;
  type: string;
}

/** The app's tables in PostgreSQL and their columns' types, read from the catalog. */
async function targetColumns(client: pg.Client): Promise<Map<string, Column[]>> {
  const rows = (
    await client.query<{ table: string; column: string; type: string }>(
      `SELECT table_name AS "table", column_name AS "column", data_type AS "type" FROM information_schema.columns
        WHERE table_schema = current_schema() ORDER BY table_name, ordinal_position`,
    )
  ).rows;
  const tables = new Map<string, Column[]>();
  for (const row of rows) {
    if (row.table === HISTORY) continue;
    const columns = tables.get(row.table) ?? [];
    columns.push({ name: row.column, type: row.type });
    tables.set(row.table, columns);
  }
  return tables;
}

/** Parents before children, from the foreign keys PostgreSQL enforces. */
async function dependencyOrder(client: pg.Client, tables: string[]): Promise<string[]> {
  const edges = (
    await client.query<{ child: string; parent: string }>(
      `SELECT c.conrelid::regclass::text AS child, c.confrelid::regclass::text AS parent FROM pg_constraint c
        JOIN pg_namespace n ON n.oid = c.connamespace WHERE c.contype = 'f' AND n.nspname = current_schema()`,
    )
  ).rows.map((e) => ({ child: e.child.replace(/^"|"$/g, ""), parent: e.parent.replace(/^"|"$/g, "") }));
  const parents = new Map(tables.map((t) => [t, new Set<string>()]));
  for (const { child, parent } of edges) {
    // A table pointing at itself would need its rows in order; none of the app's does.
    if (child !== parent && parents.has(child) && parents.has(parent)) parents.get(child)!.add(parent);
  }
  const ordered: string[] = [];
  const placed = new Set<string>();
  while (ordered.length < tables.length) {
    const ready = tables.filter((t) => !placed.has(t) && [...parents.get(t)!].every((p) => placed.has(p)));
    if (!ready.length) {
      throw new CopyRefusal(
        `The foreign keys of ${tables.filter((t) => !placed.has(t)).join(", ")} form a cycle: no order of copying satisfies them.`,
      );
    }
    for (const t of ready) {
      ordered.push(t);
      placed.add(t);
    }
  }
  return ordered;
}

/** `2026-11-28 12:00:00.000` (UTC wall time), what a `timestamp(3)` column takes. */
function utcWallTime(date: Date): string {
  return date.toISOString().replace("T", " ").replace("Z", "");
}

/**
 * SQLite's DateTime values: Prisma's adapter writes ISO text ("…+00:00"), SQL defaults write
 * CURRENT_TIMESTAMP ("2026-11-28 12:00:00", UTC), and Prisma reads an integer as milliseconds.
 */
export function sqliteDateValue(value: unknown, where: string): Date {
  let date: Date;
  if (typeof value === "bigint" || typeof value === "number") date = new Date(Number(value));
  else if (typeof value === "string") {
    const iso = value.trim().replace(" ", "T");
    date = new Date(/(Z|[+-]\d\d:?\d\d)$/i.test(iso) || !iso.includes("T") ? iso : `${iso}Z`);
  } else date = new Date(Number.NaN);
  if (Number.isNaN(date.getTime())) throw new Error(`${where}: ${String(value)} is not a date.`);
  return date;
}

type Convert = (value: unknown, where: string) => unknown;

const asText = (value: unknown) => (typeof value === "bigint" || typeof value === "number" ? String(value) : value);

/** How one SQLite value becomes a value for a PostgreSQL column of `type` (information_schema's data_type). */
function converterFor(type: string, counters: { nul: number }): Convert {
  return (value, where) => {
    if (value === null || value === undefined) return null;
    switch (type) {
      case "timestamp without time zone":
        return utcWallTime(sqliteDateValue(value, where));
      case "timestamp with time zone":
        return sqliteDateValue(value, where).toISOString();
      case "date":
        return sqliteDateValue(value, where).toISOString().slice(0, 10);
      case "boolean":
        if (typeof value === "bigint" || typeof value === "number") return Number(value) !== 0;
        if (value === "true" || value === "false") return value === "true";
        throw new Error(`${where}: ${String(value)} is not a boolean.`);
      case "bytea":
        return Buffer.isBuffer(value) ? value : Buffer.from(String(value), "utf8");
      case "text":
      case "character varying":
      case "character": {
        const text = String(asText(value));
        const clean = withoutNul(text);
        if (clean !== text) counters.nul++;
        return clean;
      }
      default:
        // Integers arrive as BigInt (read exactly); pg sends their text, which every numeric type takes.
        return asText(value);
    }
  };
}

function printCounts(counts: TableCount[], log: (line: string) => void) {
  const width = Math.max(5, ...counts.map((c) => c.table.length));
  const digits = Math.max(6, ...counts.map((c) => String(Math.max(c.source, c.target)).length));
  log(`  ${"table".padEnd(width)}  ${"SQLite".padStart(digits)}  ${"PostgreSQL".padStart(Math.max(digits, 10))}`);
  for (const c of [...counts].sort((a, b) => a.table.localeCompare(b.table))) {
    const mark = c.source === c.target ? "" : "  <- differs";
    log(`  ${c.table.padEnd(width)}  ${String(c.source).padStart(digits)}  ${String(c.target).padStart(Math.max(digits, 10))}${mark}`);
  }
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

export async function copyToPostgres(options: CopyOptions): Promise<CopyResult> {
  const { from, to, log = console.log } = options;
  const sqliteMigrations = options.sqliteMigrations ?? path.join("prisma", "migrations");
  const postgresMigrations = options.postgresMigrations ?? POSTGRES_MIGRATIONS;
  if (!isPostgresUrl(to)) throw new CopyRefusal(`The target must be a postgresql:// url; ${withoutPassword(to)} is not.`);
  const started = Date.now();
  const source = openSource(from);
  const file = sqliteFileOf(from);
  try {
    checkSourceMigrations(source, file, sqliteMigrations);
    const applied = await applyPostgresMigrations(to, postgresMigrations);
    log(
      applied.length
        ? `Applied ${count(applied.length, "PostgreSQL migration")} to ${withoutPassword(to)}.`
        : `${withoutPassword(to)} already has every PostgreSQL migration.`,
    );

    const client = new pg.Client({ connectionString: to });
    await client.connect();
    try {
      return await copyAll(source, client, { file, log, started, chunkRows: options.chunkRows ?? 1000 });
    } finally {
      await client.end();
    }
  } finally {
    source.close();
  }
}

async function copyAll(
  source: Database.Database,
  client: pg.Client,
  { file, log, started, chunkRows }: { file: string; log: (line: string) => void; started: number; chunkRows: number },
): Promise<CopyResult> {
  const target = await targetColumns(client);
  const sourceTables = source
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> ?`)
    .pluck()
    .all(HISTORY)
    .map(String);

  // The two schemas must agree: a column with nowhere to go would be lost without a word.
  const problems: string[] = [];
  const plan = new Map<string, Column[]>();
  for (const table of sourceTables) {
    const columns = target.get(table);
    if (!columns) {
      problems.push(`table ${table} is not in PostgreSQL`);
      continue;
    }
    const names = source.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(table).map(String);
    const missing = names.filter((n) => !columns.some((c) => c.name === n));
    if (missing.length) problems.push(`${table}.${missing.join(`, ${table}.`)} not in PostgreSQL`);
    plan.set(
      table,
      names.flatMap((n) => columns.filter((c) => c.name === n)),
    );
  }
  if (problems.length)
    throw new CopyRefusal(`The SQLite file and the PostgreSQL schema disagree (${problems.join("; ")}): nothing was copied.`);

  const order = await dependencyOrder(client, [...plan.keys()]);
  const counters = { nul: 0 };
  const counts: TableCount[] = [];
  let rows = 0;

  await client.query("BEGIN");
  try {
    // Checked inside the transaction that writes: an existing row anywhere and nothing is written.
    const holding: string[] = [];
    for (const table of target.keys()) {
      const { rows: found } = await client.query(`SELECT 1 FROM ${quote(table)} LIMIT 1`);
      if (found.length) holding.push(table);
    }
    if (holding.length) {
      throw new CopyRefusal(
        `The target database already holds data (rows in ${holding.join(", ")}). This command copies only into an empty database and never overwrites: create a new one (createdb <name>) and give its url.`,
      );
    }

    // One read transaction on SQLite: every table is read from the same moment.
    source.exec("BEGIN");
    for (const table of order) {
      const columns = plan.get(table)!;
      const convert = columns.map((c) => converterFor(c.type, counters));
      const perInsert = Math.max(1, Math.min(chunkRows, Math.floor(MAX_PARAMETERS / Math.max(1, columns.length))));
      const list = columns.map((c) => quote(c.name)).join(", ");
      const select = source
        .prepare<[], unknown[]>(`SELECT ${list} FROM ${quote(table)}`)
        .raw(true)
        .safeIntegers(true);
      const tableStarted = Date.now();
      let copied = 0;
      let batch: unknown[][] = [];
      const flush = async () => {
        if (!batch.length) return;
        const values: unknown[] = [];
        const tuples = batch.map((row) => {
          const marks = row.map((value, i) => {
            values.push(convert[i]!(value, `${table}.${columns[i]!.name}`));
            return `$${values.length}`;
          });
          return `(${marks.join(", ")})`;
        });
        await client.query(`INSERT INTO ${quote(table)} (${list}) VALUES ${tuples.join(", ")}`, values);
        copied += batch.length;
        batch = [];
      };
      for (const row of select.iterate()) {
        batch.push(row);
        if (batch.length >= perInsert) await flush();
      }
      await flush();
      rows += copied;
      if (copied) log(`  ${table}: ${count(copied, "row")} (${Date.now() - tableStarted} ms)`);
    }

    // Columns filled by a sequence continue after the rows copied (the app's schema has none today).
    const serials = (
      await client.query<{ table: string; column: string }>(
        `SELECT table_name AS "table", column_name AS "column" FROM information_schema.columns
          WHERE table_schema = current_schema() AND column_default LIKE 'nextval(%'`,
      )
    ).rows;
    for (const { table, column } of serials) {
      await client.query(
        `SELECT setval(pg_get_serial_sequence($1, $2), COALESCE((SELECT MAX(${quote(column)}) FROM ${quote(table)}), 0) + 1, false)`,
        [quote(table), column],
      );
    }

    for (const table of order) {
      const sourceCount = Number(
        source
          .prepare(`SELECT COUNT(*) FROM ${quote(table)}`)
          .pluck()
          .get(),
      );
      const { rows: counted } = await client.query<{ n: string }>(`SELECT COUNT(*) AS n FROM ${quote(table)}`);
      counts.push({ table, source: sourceCount, target: Number(counted[0]!.n) });
    }
    if (counts.some((c) => c.source !== c.target)) {
      printCounts(counts, log);
      throw new Error("The row counts differ inside the copy: it was rolled back, and the target is empty again.");
    }
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    if (source.inTransaction) source.exec("COMMIT");
  }

  // Counted again, now that the copy is committed and the SQLite file is read afresh: a difference
  // here means the app wrote to the SQLite file while it was being copied.
  const after: TableCount[] = [];
  for (const table of order) {
    const sourceCount = Number(
      source
        .prepare(`SELECT COUNT(*) FROM ${quote(table)}`)
        .pluck()
        .get(),
    );
    const { rows: counted } = await client.query<{ n: string }>(`SELECT COUNT(*) AS n FROM ${quote(table)}`);
    after.push({ table, source: sourceCount, target: Number(counted[0]!.n) });
  }
  log(`Rows in each table of ${file} and of the PostgreSQL database:`);
  printCounts(after, log);
  const countsMatch = after.every((c) => c.source === c.target);
  if (counters.nul)
    log(
      `${count(counters.nul, "text value")} held the NUL character, which PostgreSQL cannot store: it is kept as U+FFFD, as the app does on PostgreSQL.`,
    );
  return { counts: after, countsMatch, rows, ms: Date.now() - started, nulReplaced: counters.nul };
}

/** What the operator does once the copy is in: the keys go with the data, or nothing can be read. */
export function nextSteps(from: string, to: string, environment: NodeJS.ProcessEnv = process.env): string[] {
  const secretsFile = path.join(path.dirname(sqliteFileOf(from)), "dev-secrets.json");
  const lines = [
    "Next:",
    `1. Stop the app if it still runs on SQLite, and set DATABASE_URL=${withoutPassword(to)} (with its password) in its environment.`,
  ];
  if (environment.DATA_KEY) {
    lines.push(
      "2. Keep DATA_KEY, DATA_HASH_KEY, DATA_KEY_PREVIOUS and SESSION_SECRET exactly as they are: the signers' data in PostgreSQL is encrypted with the same keys.",
    );
  } else if (fs.existsSync(secretsFile)) {
    let names: string[] = ["DATA_KEY", "SESSION_SECRET"];
    try {
      const secrets: unknown = JSON.parse(fs.readFileSync(secretsFile, "utf8"));
      if (secrets && typeof secrets === "object")
        names = Object.keys(secrets).filter((k) => /^(DATA_KEY|DATA_HASH_KEY|DATA_KEY_PREVIOUS|SESSION_SECRET)$/.test(k));
    } catch {
      // Unreadable here: the operator still gets the usual names.
    }
    lines.push(
      `2. This install's keys are in ${secretsFile}. Set ${names.join(", ")} in the app's environment to the values in that file${names.includes("DATA_KEY_PREVIOUS") ? " (DATA_KEY_PREVIOUS: the list joined with commas, newest first)" : ""}: on PostgreSQL the app reads its keys from the environment, and without the same DATA_KEY no signer can be read. Keep a copy away from the backups.`,
    );
  } else {
    lines.push(
      "2. Set DATA_KEY, SESSION_SECRET (and DATA_HASH_KEY, DATA_KEY_PREVIOUS if this install has them) to the values the SQLite install used.",
    );
  }
  lines.push(
    "3. Start the app (npm start). Backups of a PostgreSQL install are taken with pg_dump, not npm run backup.",
    `4. Keep ${sqliteFileOf(from)} untouched until you have checked the app on PostgreSQL.`,
  );
  return lines;
}
