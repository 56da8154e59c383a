// The environment, parsed once by zod and typed after. Dev secrets are made on first start.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";

export const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.string().startsWith("file:").default("file:./data/app.db"),
  PORT: z.coerce.number().int().positive().default(3000),
  SESSION_SECRET: z.string().min(32).optional(),
  /** 32 bytes, base64: encrypts signers' personal data and keys the hashes of emails and addresses. */
  DATA_KEY: z.string().min(40).optional(),
  /** Where the app is reached from outside, for links in emails. Defaults to the request's origin. */
  APP_URL: z.url().optional(),
  LOGIN_RATE_LIMIT_PER_15_MIN: z.coerce.number().int().positive().default(10),

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
}).refine((e) => !e.RESEND_API_KEY || e.APP_URL, {
  // Without it, links in emails take the address the request came to: anyone could send a request
  // with another Host header and have real confirmation emails point at their site.
  message: "Set APP_URL (the site's public https address) when RESEND_API_KEY is set: links in real emails are built from it.",
  path: ["APP_URL"],
});

export type Env = z.infer<typeof EnvSchema> & { SESSION_SECRET: string; DATA_KEY: string };

/** Secrets for a machine without configuration: made once, kept beside the database, never committed. */
const DevSecrets = z.object({ SESSION_SECRET: z.string().min(32), DATA_KEY: z.string().min(40) });

function devSecrets(databaseUrl: string): z.infer<typeof DevSecrets> {
  const dir = path.dirname(databaseUrl.replace(/^file:/, ""));
  const file = path.join(dir, "dev-secrets.json");
  fs.mkdirSync(dir, { recursive: true });
  let existing: Partial<z.infer<typeof DevSecrets>> = {};
  try {
    existing = DevSecrets.partial().parse(JSON.parse(fs.readFileSync(file, "utf8")));
  } catch {
    // No file yet, or unreadable: make what is missing.
  }
  const secrets = {
    SESSION_SECRET: existing.SESSION_SECRET ?? crypto.randomBytes(32).toString("hex"),
    DATA_KEY: existing.DATA_KEY ?? crypto.randomBytes(32).toString("base64"),
  };
  if (secrets.SESSION_SECRET !== existing.SESSION_SECRET || secrets.DATA_KEY !== existing.DATA_KEY) {
    fs.writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  }
  return secrets;
}

let cached: Env | undefined;

export function env(): Env {
  if (cached) return cached;
  const parsed = EnvSchema.safeParse(process.env);
  if (!parsed.success) {
    throw new Error(`Invalid environment:\n${z.prettifyError(parsed.error)}`);
  }
  const value = parsed.data;
  // Secrets not configured are made once and kept beside the database (data/dev-secrets.json).
  const dev = value.SESSION_SECRET && value.DATA_KEY ? { SESSION_SECRET: value.SESSION_SECRET, DATA_KEY: value.DATA_KEY } : devSecrets(value.DATABASE_URL);
  cached = { ...value, SESSION_SECRET: value.SESSION_SECRET ?? dev.SESSION_SECRET, DATA_KEY: value.DATA_KEY ?? dev.DATA_KEY };
  return cached;
}

/** The site's public address for links that leave it (emails, PDFs): APP_URL, else the request's origin. */
export function appUrl(request: Request): string {
  return env().APP_URL ?? new URL(request.url).origin;
}
