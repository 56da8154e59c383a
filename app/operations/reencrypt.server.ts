// Key rotation's second half: rows sealed with an old DATA_KEY are sealed again with the current one,
// in small chunks with short write transactions, while the app serves.
import { reportBackgroundError } from "~/background.server";
import { hot } from "~/db.server";
import { env } from "~/env.server";
import { decrypt, encrypt, needsReencryption } from "~/security/crypto.server";

/**
 * Every column that holds encrypt() output. A module that encrypts a new column adds it here, or
 * its rows stay on the old key and become unreadable once that key is dropped.
 */
export const encryptedColumns: Array<{ table: string; columns: string[]; where?: string }> = [
  { table: "Signature", columns: ["nameEnc", "emailEnc", "cityEnc", "organisationEnc", "commentEnc"] },
  { table: "SupporterLetter", columns: ["nameEnc", "emailEnc", "cityEnc", "subjectEnc", "bodyEnc"] },
  { table: "CaseFollower", columns: ["emailEnc"] },
  { table: "OutboxEmail", columns: ["fromAddress", "toAddress", "replyTo", "subject", "html", "text"], where: `"encrypted" = TRUE` },
  // Two-factor keys: after a rotation they must still open, or their owners could not log in.
  { table: "User", columns: ["totpSecretEnc"], where: `"totpSecretEnc" IS NOT NULL` },
];

type Row = Record<string, string | null> & { id: string };

/** Re-encrypts one chunk of a table after `afterId`. Returns where it stopped and what it changed. */
export async function reencryptChunk(
  spec: (typeof encryptedColumns)[number],
  afterId: string,
  size = 200,
): Promise<{ lastId: string | null; changed: number; unreadable: number }> {
  const columns = spec.columns.map((c) => `"${c}"`).join(", ");
  const rows = await hot().all<Row>(
    `SELECT "id", ${columns} FROM "${spec.table}" WHERE "id" > ? ${spec.where ? `AND ${spec.where}` : ""} ORDER BY "id" LIMIT ?`,
    afterId,
    size,
  );
  const updates: Array<{ id: string; column: string; before: string; after: string }> = [];
  let unreadable = 0;
  for (const row of rows) {
    for (const column of spec.columns) {
      const value = row[column];
      if (typeof value !== "string" || !needsReencryption(value)) continue;
      try {
        updates.push({ id: row.id, column, before: value, after: encrypt(decrypt(value)) });
      } catch {
        unreadable++;
      }
    }
  }
  if (updates.length) {
    // The old value guards each write: a row changed (or erased) meanwhile is left as it now is.
    await hot().transaction(async (tx) => {
      for (const u of updates) {
        await tx.run(`UPDATE "${spec.table}" SET "${u.column}" = ? WHERE "id" = ? AND "${u.column}" = ?`, u.after, u.id, u.before);
      }
    });
  }
  return { lastId: rows.at(-1)?.id ?? null, changed: updates.length, unreadable };
}

/** One full pass over every encrypted column. `pauseMs` between chunks leaves room for the app's writes. */
export async function reencryptAll({ chunkSize = 200, pauseMs = 0, stopped = (): boolean => false } = {}) {
  let changed = 0;
  let unreadable = 0;
  for (const spec of encryptedColumns) {
    let afterId = "";
    while (!stopped()) {
      const chunk = await reencryptChunk(spec, afterId, chunkSize);
      changed += chunk.changed;
      unreadable += chunk.unreadable;
      if (chunk.lastId === null) break;
      afterId = chunk.lastId;
      if (pauseMs) await new Promise((resolve) => setTimeout(resolve, pauseMs));
    }
  }
  return { changed, unreadable };
}

/** How many values are still sealed with an old key (for `npm run rotate-key -- --status`). */
export async function countNeedingReencryption(): Promise<number> {
  let count = 0;
  for (const spec of encryptedColumns) {
    let afterId = "";
    while (true) {
      const columns = spec.columns.map((c) => `"${c}"`).join(", ");
      const rows = await hot().all<Row>(
        `SELECT "id", ${columns} FROM "${spec.table}" WHERE "id" > ? ${spec.where ? `AND ${spec.where}` : ""} ORDER BY "id" LIMIT 1000`,
        afterId,
      );
      for (const row of rows)
        for (const column of spec.columns) if (typeof row[column] === "string" && needsReencryption(row[column])) count++;
      const last = rows.at(-1);
      if (!last) break;
      afterId = last.id;
    }
  }
  return count;
}

/** While previous keys are configured, re-encrypts in the background: a pass at start, then hourly. */
export function startReencryption(intervalMs = 3600_000) {
  if (env().previousDataKeys.length === 0) return () => {};
  let stop = false;
  let running = false;
  const run = async () => {
    if (running) return;
    running = true;
    try {
      const { changed, unreadable } = await reencryptAll({ pauseMs: 50, stopped: () => stop });
      if (stop) return;
      if (unreadable)
        console.warn(`[keys] ${unreadable} values could not be read with DATA_KEY or DATA_KEY_PREVIOUS; they stay as they are.`);
      else
        console.log(
          `[keys] ${changed} values re-encrypted; every row is sealed with the current DATA_KEY: DATA_KEY_PREVIOUS can be removed.`,
        );
    } catch (error) {
      reportBackgroundError("re-encryption", "re-encrypting rows under the current DATA_KEY", error);
    } finally {
      running = false;
    }
  };
  void run();
  const timer = setInterval(() => void run(), intervalMs);
  timer.unref();
  return () => {
    stop = true;
    clearInterval(timer);
  };
}
