// PostgreSQL for the benchmarks: which engines a run covers (BENCH_ENGINES), a throwaway cluster that
// keeps its durability on, and a copy of the SQLite benchmark database in it, row for row (the same
// million signatures, demo data and activity), so both engines are timed on the same data.
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { applyPostgresMigrations } from "~/db/postgres-migrations.server";
import { startThrowawayPostgres, type ThrowawayPostgres } from "../../throwaway-postgres";

export type BenchEngine = "sqlite" | "postgresql";

/** What a commit survives on each engine, as the benchmarks run them (said in their output). */
export const DURABILITY: Record<BenchEngine, string> = {
  sqlite: "WAL, synchronous=NORMAL (as the app): a commit survives the app crashing; a power cut may lose the last commits",
  postgresql: "fsync=on, synchronous_commit=on: a commit is flushed to disk before it is answered (survives a power cut)",
};

export const ENGINE_NAME: Record<BenchEngine, string> = { sqlite: "SQLite", postgresql: "PostgreSQL" };

function postgresInstalled(): boolean {
  const root = "/usr/lib/postgresql";
  return fs.existsSync(root) && fs.readdirSync(root).some((v) => fs.existsSync(path.join(root, v, "bin", "initdb")));
}

/**
 * BENCH_ENGINES=sqlite,postgresql (either or both). Unset: both when PostgreSQL is installed,
 * else SQLite alone; `note` says which and why.
 */
export function benchEngines(): { engines: BenchEngine[]; note: string } {
  const asked = process.env.BENCH_ENGINES?.trim();
  if (!asked) {
    if (postgresInstalled())
      return { engines: ["sqlite", "postgresql"], note: "SQLite and PostgreSQL (BENCH_ENGINES unset, PostgreSQL installed)" };
    return {
      engines: ["sqlite"],
      note: "SQLite only: PostgreSQL is not installed (no /usr/lib/postgresql/<version>/bin/initdb; `apt-get install -y postgresql`)",
    };
  }
  const engines = [...new Set(asked.split(",").map((e) => e.trim().toLowerCase()))];
  const unknown = engines.filter((e) => e !== "sqlite" && e !== "postgresql");
  if (unknown.length || engines.length === 0) throw new Error(`BENCH_ENGINES=${asked}: the engines are sqlite and postgresql.`);
  if (engines.includes("postgresql") && !postgresInstalled())
    throw new Error(`BENCH_ENGINES=${asked}, but PostgreSQL is not installed (\`apt-get install -y postgresql\`).`);
  const valid = engines.filter((e): e is BenchEngine => e === "sqlite" || e === "postgresql");
  return { engines: valid, note: `${valid.map((e) => ENGINE_NAME[e]).join(" and ")} (BENCH_ENGINES=${asked})` };
}

export interface BenchPostgres {
  cluster: ThrowawayPostgres;
  /** The benchmark's database. */
  url: string;
  /** Another database on the same cluster, by name. */
  urlOf(database: string): string;
  stop(): void;
}

// Every cluster started here is stopped when the process ends, however it ends (also when a signal
// arrives while the benchmark is still setting it up).
const running = new Set<ThrowawayPostgres>();
process.on("exit", () => {
  for (const cluster of running) cluster.stop();
});

/** A durable throwaway cluster with an empty, migrated database `name`. */
export async function startBenchPostgres(name: string): Promise<BenchPostgres> {
  const cluster = await startThrowawayPostgres({ durable: true });
  running.add(cluster);
  const urlOf = (database: string) => cluster.url.replace(/\/postgres$/, `/${database}`);
  try {
    await onPostgres(cluster.url, (client) => client.query(`CREATE DATABASE "${name}"`));
    await applyPostgresMigrations(urlOf(name));
  } catch (error) {
    cluster.stop();
    throw error;
  }
  return { cluster, url: urlOf(name), urlOf, stop: () => cluster.stop() };
}

/** A copy of database `from` made by PostgreSQL itself (a file copy: seconds for a million rows). */
export async function copyPostgresDatabase(bench: BenchPostgres, from: string, to: string) {
  await onPostgres(bench.cluster.url, (client) => client.query(`CREATE DATABASE "${to}" TEMPLATE "${from}"`));
}

export async function onPostgres<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A count (or any one number) from a query, on either engine. */
export async function postgresNumber(client: pg.Client, sql: string): Promise<number> {
  const row = (await client.query<{ n: string | number | null }>(sql)).rows[0];
  return row?.n === null || row?.n === undefined ? NaN : Number(row.n);
}

const CHUNK = 5_000;

/**
 * Copies every table of the SQLite file into the migrated PostgreSQL database, row for row: booleans,
 * dates (ISO text, UTC) and bytes converted, indexes of large tables built after their rows,
 * foreign keys not checked during the load (the rows come from a database that kept them), then
 * vacuumed, analysed and checkpointed so the timed runs pay for none of it.
 */
export async function copySqliteToPostgres(file: string, url: string, log: (line: string) => void = () => {}) {
  const sqlite = new Database(file, { readonly: true });
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("SET session_replication_role = replica"); // no foreign-key triggers while loading
    await client.query("SET synchronous_commit = off"); // this session's load only; the cluster stays durable
    const tables = (
      sqlite
        .prepare(
          "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '_prisma_migrations' ORDER BY name",
        )
        .all() as Array<{ name: string }>
    ).map((t) => t.name);
    let rowsCopied = 0;
    for (const table of tables) {
      const sqliteColumns = new Set((sqlite.prepare(`PRAGMA table_info("${table}")`).all() as Array<{ name: string }>).map((c) => c.name));
      const pgColumns = (
        await client.query<{ name: string; type: string }>(
          `SELECT a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type FROM pg_attribute a
           WHERE a.attrelid = $1::regclass AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum`,
          [`"${table}"`],
        )
      ).rows.filter((c) => sqliteColumns.has(c.name));
      if (pgColumns.length === 0) throw new Error(`Table ${table} has no columns in common with PostgreSQL's schema.`);
      const total = (sqlite.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n;
      if (total === 0) continue;
      // Indexes (not the primary key) of a large table are built once, after its rows.
      const indexes =
        total > 50_000
          ? (
              await client.query<{ name: string; definition: string }>(
                `SELECT i.indexname AS name, i.indexdef AS definition FROM pg_indexes i
                 WHERE i.schemaname = 'public' AND i.tablename = $1
                   AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`,
                [table],
              )
            ).rows
          : [];
      for (const index of indexes) await client.query(`DROP INDEX "${index.name}"`);
      const converters = pgColumns.map((c) => converterFor(c.type));
      const insert = `INSERT INTO "${table}" (${pgColumns.map((c) => `"${c.name}"`).join(", ")})
        SELECT * FROM unnest(${pgColumns.map((c, i) => `$${i + 1}::${c.type}[]`).join(", ")})`;
      const select = sqlite.prepare(`SELECT ${pgColumns.map((c) => `"${c.name}"`).join(", ")} FROM "${table}"`).raw();
      let columns: unknown[][] = pgColumns.map(() => []);
      let inChunk = 0;
      const flush = async () => {
        if (inChunk === 0) return;
        await client.query(insert, columns);
        columns = pgColumns.map(() => []);
        inChunk = 0;
      };
      await client.query("BEGIN");
      for (const row of select.iterate() as Iterable<unknown[]>) {
        for (let i = 0; i < row.length; i++) columns[i]!.push(converters[i]!(row[i]));
        if (++inChunk === CHUNK) await flush();
      }
      await flush();
      await client.query("COMMIT");
      for (const index of indexes) await client.query(index.definition);
      rowsCopied += total;
    }
    await client.query("VACUUM ANALYZE");
    await client.query("CHECKPOINT");
    log(`copied ${tables.length} tables, ${rowsCopied.toLocaleString("en")} rows, to PostgreSQL; vacuumed, analysed, checkpointed`);
  } finally {
    sqlite.close();
    await client.end();
  }
}

function converterFor(type: string): (value: unknown) => unknown {
  if (type === "boolean") return (v) => (v === null ? null : v === 1 || v === 1n || v === true || v === "true");
  if (type.startsWith("timestamp"))
    // SQLite holds Prisma's ISO text ("…+00:00"); PostgreSQL's timestamp(3) holds the UTC wall time.
    return (v) =>
      v === null ? null : typeof v === "number" ? new Date(v).toISOString().replace("Z", "") : String(v).replace(/(Z|\+00:00)$/, "");
  if (type === "bigint") return (v) => (v === null ? null : String(v));
  return (v) => v;
}
