// Plain, configurable abuse controls for public forms: a honeypot field, a minimum time to fill
// the form (a signed stamp in the form, good for one submission), and a rate limit per client
// address (by keyed hash) that counts accepted submissions only.
import crypto from "node:crypto";
import { hot, type HotStatements } from "~/db.server";
import { env } from "~/env.server";
import { HONEYPOT_FIELD, STAMP_FIELD } from "~/petitions/form-fields";
import { addressHash, secondsSinceStamp } from "~/security/crypto.server";
import { ServerWideLimit } from "~/security/rate-limit.server";

/** A form older than this is refused (reload the page): the table of used stamps stays small. */
export const STAMP_LIFETIME_SECONDS = 24 * 3600;

let limiter: ServerWideLimit | undefined;
function signLimiter() {
  limiter ??= new ServerWideLimit({ keyPrefix: "sign", points: env().SIGN_RATE_LIMIT_PER_HOUR, duration: 3600 });
  return limiter;
}

export type AbuseVerdict = { ok: true; stamp: string } | { ok: false; status: number; message: string; retryAfterSeconds?: number };

export const STAMP_USED_MESSAGE = "errors.stampUsed";

/** Checks a submission before its fields are read, and counts it against its connection's hourly limit. */
export async function checkPublicForm(formData: FormData, clientAddress: string | null): Promise<AbuseVerdict> {
  const honeypot = formData.get(HONEYPOT_FIELD);
  if (typeof honeypot === "string" && honeypot.trim() !== "") {
    return { ok: false, status: 400, message: "errors.formNotAccepted" };
  }
  const stamp = String(formData.get(STAMP_FIELD) ?? "").slice(0, 100);
  const seconds = secondsSinceStamp(stamp);
  if (seconds === null || seconds < env().SIGN_MIN_FILL_SECONDS) {
    return { ok: false, status: 400, message: "errors.tooQuick" };
  }
  if (seconds > STAMP_LIFETIME_SECONDS) {
    return { ok: false, status: 400, message: "errors.pageTooOld" };
  }
  // Counted up front (one round trip to the cluster's primary on the signing path), given back if
  // the submission is then refused: only accepted submissions use up the limit.
  try {
    await signLimiter().consume(addressHash(clientAddress) ?? "unknown");
  } catch (rejection) {
    const ms =
      typeof rejection === "object" && rejection !== null && "msBeforeNext" in rejection ? Number(rejection.msBeforeNext) : 3600_000;
    return {
      ok: false,
      status: 429,
      message: "errors.tooManySignatures",
      retryAfterSeconds: Math.ceil(ms / 1000),
    };
  }
  return { ok: true, stamp };
}

/** A submission that passed checkPublicForm was refused after all (a typing mistake, a used stamp): it does not count. */
export async function refundSubmission(clientAddress: string | null): Promise<void> {
  await signLimiter()
    .reward(addressHash(clientAddress) ?? "unknown")
    .catch(() => undefined);
}

export class StampUsedError extends Error {
  constructor() {
    super(STAMP_USED_MESSAGE);
  }
}

/**
 * Marks a stamp used, in the caller's write transaction on the hot path (one prepared statement):
 * a stamp already used throws StampUsedError and the transaction rolls back. The table is shared by
 * every process and every server: on PostgreSQL, of two requests with the same stamp at once, the
 * second waits for the first's row and then inserts nothing.
 */
export async function spendStamp(tx: HotStatements, stamp: string, now = new Date()): Promise<void> {
  const hash = crypto.createHash("sha256").update(stamp).digest("base64url");
  const expiresAt = new Date(now.getTime() + STAMP_LIFETIME_SECONDS * 1000);
  const changes = await tx.run(
    `INSERT INTO "UsedFormStamp" ("hash", "expiresAt") VALUES (?, ?) ON CONFLICT ("hash") DO NOTHING`,
    hash,
    expiresAt,
  );
  if (changes === 0) throw new StampUsedError();
}

/** Spends a stamp on its own (a submission that writes nothing else). */
export function spendStampAlone(stamp: string, now = new Date()): Promise<void> {
  return hot().transaction((tx) => spendStamp(tx, stamp, now));
}

/** Maintenance: used stamps past their lifetime can never be replayed (the age check refuses them). */
export async function purgeUsedStamps(now = new Date()): Promise<void> {
  await hot().run(`DELETE FROM "UsedFormStamp" WHERE "expiresAt" < ?`, now);
}
