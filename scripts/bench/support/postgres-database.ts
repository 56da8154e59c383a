// PostgreSQL for the benchmarks: which engines a run covers (BENCH_ENGINES), a throwaway cluster that
// keeps its durability on, and a copy of the SQLite benchmark database in it, row for row (the same
// million signatures, demo data and activity), so both engines are timed on the same data.
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { copyToPostgres } from "~/db/copy-to-postgres.server";
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

/**
 * Copies the SQLite file into the migrated PostgreSQL database with the app's own mover (`npm run
 * db:copy-to-postgres`, every row, every table counted on both sides), then vacuums, analyses and
 * checkpoints, so the timed runs pay for none of the load.
 */
export async function copySqliteToPostgres(file: string, url: string, log: (line: string) => void = () => {}) {
  const started = performance.now();
  const copied = await copyToPostgres({ from: `file:${file}`, to: url, log: () => {} });
  if (!copied.countsMatch) throw new Error("The copy into PostgreSQL does not hold every row of the SQLite file.");
  await onPostgres(url, async (client) => {
    await client.query("VACUUM ANALYZE");
    await client.query("CHECKPOINT");
  });
  log(
    `${copied.rows.toLocaleString("en")} rows copied to PostgreSQL (db:copy-to-postgres), vacuumed, analysed, checkpointed: ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
}
