// The environment, parsed once by zod and typed after; the demo/production split and the refusals
// to start. Dev secrets are made on first start of a demo install.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { z } from "zod";
import { isPostgresUrl } from "~/db/engine";

export const EnvSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    /** `file:…` for SQLite (the default), `postgresql://…` for PostgreSQL (README, "PostgreSQL"). */
    DATABASE_URL: z
      .string()
      .regex(/^(file:|postgres(ql)?:\/\/)/, "DATABASE_URL must start with file: (SQLite) or postgresql:// (PostgreSQL)")
      .default("file:./data/app.db"),
    /** PostgreSQL: connections per pool, per process (there are two pools: Prisma's and the hot path's). */
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
    PORT: z.coerce.number().int().positive().default(3000),
    SESSION_SECRET: z.string().min(32).optional(),
    /** 32 bytes, base64: encrypts signers' personal data (the current key: new data is sealed with it). */
    DATA_KEY: z.string().min(40).optional(),
    /** Earlier DATA_KEYs, comma-separated, newest first: still read until every row is re-encrypted. */
    DATA_KEY_PREVIOUS: z.string().optional(),
    /** The key of the keyed hashes (emails, addresses, signer links). Never rotated: defaults to DATA_KEY. */
    DATA_HASH_KEY: z.string().min(40).optional(),
    /** Where the app is reached from outside, for links in emails. An https address means production. */
    APP_URL: z.url().optional(),
    /** "0" keeps the demo organisation out of an empty database. Production requires "0". */
    SEED_DEMO_DATA: z.enum(["0", "1"]).optional(),
    /** Where `npm run backup` and the scheduled backups write; default: "backups" beside the database. */
    BACKUP_DIR: z.string().min(1).optional(),
    /** Hours between scheduled backups in the server's background work; 0 turns them off. */
    BACKUP_INTERVAL_HOURS: z.coerce.number().min(0).default(24),
    /** How many scheduled backups are kept (the newest). */
    BACKUP_KEEP: z.coerce.number().int().min(1).default(7),
    LOGIN_RATE_LIMIT_PER_15_MIN: z.coerce.number().int().positive().default(10),
    /** Seconds a public page rendered for anonymous visitors is served again from memory; 0: every view is rendered. */
    PUBLIC_PAGE_CACHE_SECONDS: z.coerce.number().min(0).max(300).default(5),

    // Petitions: abuse controls (benchmarks raise them) and how long data is kept.
    SIGN_RATE_LIMIT_PER_HOUR: z.coerce.number().int().positive().default(30),
    SIGN_MIN_FILL_SECONDS: z.coerce.number().min(0).default(3),
    UNCONFIRMED_SIGNATURE_DAYS: z.coerce.number().positive().default(7),
    SIGNER_DATA_RETENTION_DAYS: z.coerce.number().positive().default(183),
    ADDRESS_HASH_DAYS: z.coerce.number().positive().max(30).default(30),
    /** Letters with no answer after this many days are listed for a follow-up. */
    FOLLOW_UP_AFTER_DAYS: z.coerce.number().positive().default(21),

    // Email. Without RESEND_API_KEY every email lands in the dev mailbox at /dev/mailbox.
    RESEND_API_KEY: z.string().min(1).optional(),
    RESEND_WEBHOOK_SECRET: z.string().min(1).optional(),
    MAIL_FROM: z.string().min(3).default("Solidarity letters <letters@example.org>"),
    /** Address domain of the per-letter reply-to addresses that Resend's inbound mail receives. */
    MAIL_REPLY_DOMAIN: z.string().min(3).default("replies.example.org"),
    MAIL_REQUESTS_PER_SECOND: z.coerce.number().positive().default(2),
    MAIL_BATCH_SIZE: z.coerce.number().int().min(1).max(100).default(100),
    MAIL_MAX_ATTEMPTS: z.coerce.number().int().min(1).default(8),
    MAIL_LEASE_SECONDS: z.coerce.number().positive().default(60),
    MAIL_RETRY_BASE_SECONDS: z.coerce.number().positive().default(5),
    MAIL_POLL_MS: z.coerce.number().int().positive().default(500),
    /** "0" when the worker runs in its own process (`npm run worker`). */
    MAIL_WORKER_IN_SERVER: z.enum(["0", "1"]).default("1"),
  })
  .refine((e) => !e.RESEND_API_KEY || e.APP_URL, {
    // Without it, links in emails take the address the request came to: anyone could send a request
    // with another Host header and have real confirmation emails point at their site.
    message: "Set APP_URL (the site's public https address) when RESEND_API_KEY is set: links in real emails are built from it.",
    path: ["APP_URL"],
  });

export type Env = z.infer<typeof EnvSchema> & {
  SESSION_SECRET: string;
  DATA_KEY: string;
  /** Old data keys, newest first, parsed from DATA_KEY_PREVIOUS (or the dev secrets file). */
  previousDataKeys: string[];
  /** DATA_HASH_KEY, else DATA_KEY. */
  hashKey: string;
  /** True when APP_URL is https: a real install, with no demo data and configured secrets. */
  production: boolean;
  backupDir: string;
};

/** A reason not to start, said in one paragraph on stderr (see `exitOnRefusal`), never a stack trace. */
export class StartupRefusal extends Error {
  override name = "StartupRefusal";
}

function refuse(error: StartupRefusal): never {
  process.stderr.write(`\nSolidarity letters will not start. ${error.message}\n\n`);
  process.exit(1);
}

/** Runs `start`; a StartupRefusal ends the process with its message and exit code 1. */
export async function exitOnRefusal<T>(start: () => T | Promise<T>): Promise<T> {
  try {
    return await start();
  } catch (error) {
    if (error instanceof StartupRefusal) refuse(error);
    throw error;
  }
}

/**
 * For entry points: a StartupRefusal thrown while modules load (the database client reads the
 * environment as it is imported) ends the process the same way. Other errors keep their default.
 */
export function refuseUncaughtStartupProblems() {
  process.on("uncaughtException", (error) => {
    if (error instanceof StartupRefusal) refuse(error);
    throw error;
  });
}

const makeKeyHint =
  "Make one with `openssl rand -base64 32` (or `node -e \"console.log(require('crypto').randomBytes(32).toString('base64'))\"`)";

/** 32 bytes or more once base64-decoded. */
export function isDataKey(value: string): boolean {
  return /^[A-Za-z0-9+/=_-]+$/.test(value) && Buffer.from(value, "base64").length >= 32;
}

const splitKeys = (value: string | undefined) =>
  (value ?? "")
    .split(",")
    .map((k) => k.trim())
    .filter(Boolean);

/** Production is recognised by an https APP_URL: the address supporters' links point at. */
export function isProductionUrl(appUrl: string | undefined): boolean {
  return appUrl?.startsWith("https://") ?? false;
}

/** What stops a production install from starting, from the environment alone (the database is checked later). */
export function productionProblems(value: z.infer<typeof EnvSchema>): string[] {
  const problems: string[] = [];
  if (!value.SESSION_SECRET)
    problems.push(`SESSION_SECRET is not set (it signs login sessions). ${makeKeyHint} and set it in the environment.`);
  if (!value.DATA_KEY)
    problems.push(
      `DATA_KEY is not set (it encrypts signers' personal data). ${makeKeyHint}, set it in the environment, and keep a copy away from the backups: without it no signer can be read.`,
    );
  if (value.SEED_DEMO_DATA !== "0")
    problems.push(
      'SEED_DEMO_DATA is not "0": a public install must never load the demo accounts, whose password is published. Set SEED_DEMO_DATA=0.',
    );
  return problems;
}

/** Secrets for a machine without configuration: made once, kept beside the database, never committed. */
const DevSecrets = z.object({
  SESSION_SECRET: z.string().min(32),
  DATA_KEY: z.string().min(40),
  DATA_KEY_PREVIOUS: z.array(z.string().min(40)).optional(),
  DATA_HASH_KEY: z.string().min(40).optional(),
});
export type DevSecrets = z.infer<typeof DevSecrets>;

export function devSecretsFile(databaseUrl: string): string {
  return path.join(databaseFolder(databaseUrl), "dev-secrets.json");
}

/** Where files that belong with the database go: beside a SQLite file, in data/ for PostgreSQL. */
function databaseFolder(databaseUrl: string): string {
  return isPostgresUrl(databaseUrl) ? "data" : path.dirname(databaseUrl.replace(/^file:/, ""));
}

/** Writes a file whole or not at all: a temporary file, flushed to disk, renamed over the old one. */
export function writeFileAtomically(file: string, content: string, mode = 0o600) {
  const temporary = `${file}.${process.pid}.tmp`;
  const fd = fs.openSync(temporary, "w", mode);
  try {
    fs.writeSync(fd, content);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.chmodSync(temporary, mode);
  fs.renameSync(temporary, file);
  // The rename itself is durable only once the folder is flushed too.
  const dir = fs.openSync(path.dirname(file), "r");
  try {
    fs.fsyncSync(dir);
  } finally {
    fs.closeSync(dir);
  }
}

/** True when the database file already holds values encrypted with some DATA_KEY. */
function holdsEncryptedData(databaseFile: string): boolean {
  if (!fs.existsSync(databaseFile)) return false;
  const db = new Database(databaseFile, { readonly: true, fileMustExist: true });
  try {
    const tables = new Set(db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).pluck().all());
    const probes = [
      ["Signature", `SELECT 1 FROM "Signature" WHERE "nameEnc" IS NOT NULL LIMIT 1`],
      ["SupporterLetter", `SELECT 1 FROM "SupporterLetter" WHERE "emailEnc" IS NOT NULL LIMIT 1`],
      ["OutboxEmail", `SELECT 1 FROM "OutboxEmail" WHERE "encrypted" = 1 LIMIT 1`],
    ] as const;
    return probes.some(([table, sql]) => tables.has(table) && db.prepare(sql).get() !== undefined);
  } finally {
    db.close();
  }
}

/**
 * Reads the dev secrets file; makes it only when there is none. A file that is there but cannot be
 * read is never replaced: its DATA_KEY is the only way to read the signers already stored.
 */
export function readDevSecrets(file: string, databaseFile?: string): DevSecrets {
  let raw: string | null = null;
  try {
    raw = fs.readFileSync(file, "utf8");
  } catch (error) {
    if (!(error instanceof Error && "code" in error && error.code === "ENOENT")) {
      throw new StartupRefusal(
        `${file} exists but cannot be read (${error instanceof Error ? error.message : String(error)}). It holds the DATA_KEY that encrypts every signer's data, so no new one is made in its place: give this user read access to it.`,
      );
    }
  }
  if (raw === null) {
    if (databaseFile && holdsEncryptedData(databaseFile)) {
      throw new StartupRefusal(
        `${file} is missing, but the database ${databaseFile} holds signers' data encrypted with the DATA_KEY that file held: a new key could not read it. Put the file back from where you keep a copy (or set DATA_KEY to that key).`,
      );
    }
    const secrets = { SESSION_SECRET: crypto.randomBytes(32).toString("hex"), DATA_KEY: crypto.randomBytes(32).toString("base64") };
    fs.mkdirSync(path.dirname(file), { recursive: true });
    writeFileAtomically(file, JSON.stringify(secrets, null, 2));
    return secrets;
  }
  let parsed: ReturnType<typeof DevSecrets.safeParse>;
  try {
    parsed = DevSecrets.safeParse(JSON.parse(raw));
  } catch (error) {
    throw new StartupRefusal(
      `${file} is damaged: it is not valid JSON (${error instanceof Error ? error.message : String(error)}). It holds the DATA_KEY that encrypts every signer's data, so no new one is made in its place: put back a copy of the file, or repair it by hand. Only if this install holds nothing worth keeping, delete the file and the database beside it.`,
    );
  }
  if (!parsed.success) {
    throw new StartupRefusal(
      `${file} is damaged: ${z.prettifyError(parsed.error).replace(/\n/g, " ")}. It holds the DATA_KEY that encrypts every signer's data, so no new one is made in its place: put back a copy of the file, or repair it by hand.`,
    );
  }
  return parsed.data;
}

let cached: Env | undefined;

/** The parsed environment, checked once: throws a StartupRefusal when this install must not start. */
export function env(): Env {
  if (cached) return cached;
  const parsed = EnvSchema.safeParse(process.env);
  if (!parsed.success) {
    throw new StartupRefusal(`The environment is not valid: ${z.prettifyError(parsed.error).replace(/\n/g, " ")}`);
  }
  const value = parsed.data;
  const production = isProductionUrl(value.APP_URL);
  if (production) {
    const problems = productionProblems(value);
    if (problems.length)
      throw new StartupRefusal(
        `APP_URL is an https address (${value.APP_URL}), so this is a production install, and: ${problems.join(" ")}`,
      );
  }
  // Secrets not configured are made once and kept beside the database (data/dev-secrets.json).
  const dev =
    value.SESSION_SECRET && value.DATA_KEY
      ? null
      : readDevSecrets(
          devSecretsFile(value.DATABASE_URL),
          isPostgresUrl(value.DATABASE_URL) ? undefined : value.DATABASE_URL.replace(/^file:/, ""),
        );
  if (value.DATA_KEY && value.DATA_KEY_PREVIOUS && !value.DATA_HASH_KEY) {
    throw new StartupRefusal(
      "DATA_KEY_PREVIOUS is set but DATA_HASH_KEY is not. After a rotation the keyed hashes (duplicate signers, the links in signers' emails) must keep their key: set DATA_HASH_KEY to the DATA_KEY this install started with (`npm run rotate-key` prints it).",
    );
  }
  const dataKey = value.DATA_KEY ?? dev?.DATA_KEY ?? "";
  const previousDataKeys = value.DATA_KEY ? splitKeys(value.DATA_KEY_PREVIOUS) : (dev?.DATA_KEY_PREVIOUS ?? []);
  const hashKey = value.DATA_KEY ? (value.DATA_HASH_KEY ?? dataKey) : (dev?.DATA_HASH_KEY ?? dataKey);
  const keys = [
    { name: "DATA_KEY", key: dataKey },
    { name: "DATA_HASH_KEY", key: hashKey },
    ...previousDataKeys.map((key) => ({ name: "DATA_KEY_PREVIOUS", key })),
  ];
  for (const { name, key } of keys) {
    if (!isDataKey(key)) throw new StartupRefusal(`${name} is not a key of 32 bytes in base64. ${makeKeyHint}.`);
  }
  const databaseDir = databaseFolder(value.DATABASE_URL);
  cached = {
    ...value,
    SESSION_SECRET: value.SESSION_SECRET ?? dev?.SESSION_SECRET ?? "",
    DATA_KEY: dataKey,
    previousDataKeys,
    hashKey,
    production,
    backupDir: path.resolve(value.BACKUP_DIR ?? path.join(databaseDir, "backups")),
  };
  return cached;
}

/** Forgets the parsed environment, for tests and the key rotation script that change it. */
export function resetEnvForTests() {
  cached = undefined;
}

/** The site's public address for links that leave it (emails, PDFs): APP_URL, else the request's origin. */
export function appUrl(request: Request): string {
  return env().APP_URL ?? new URL(request.url).origin;
}
