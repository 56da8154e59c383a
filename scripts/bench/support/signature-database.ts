// A database for the signing benchmark: migrated and seeded exactly as the server prepares an empty
// one (its `prisma migrate deploy` refuses a schema it did not make), then a large number of
// confirmed signatures for the demo petition, written directly with better-sqlite3.
import crypto from "node:crypto";
import path from "node:path";
import Database from "better-sqlite3";

export const DEMO_PETITION_SLUG = "free-the-article-405-prisoners";

/** As Prisma stores DateTime in SQLite: ISO 8601 text with "+00:00". */
export const isoDate = (ms: number) => new Date(ms).toISOString().replace("Z", "+00:00");

/**
 * Makes `<dir>/app.db` and points this process's DATABASE_URL at it (the app's modules read it
 * once, on first use). Prisma is disconnected and the file closed when this returns.
 */
export async function createSignatureDatabase(dir: string, rows: number, log: (line: string) => void = () => {}) {
  const file = path.join(dir, "app.db");
  const url = `file:${file}`;
  process.env.DATABASE_URL = url;
  let t = performance.now();
  const { prepareDatabase } = await import("../../prepare-database");
  const { prisma } = await import("~/db.server");
  const { encrypt } = await import("~/security/crypto.server");
  await prepareDatabase({ seed: true });
  const campaign = await prisma.campaign.findFirstOrThrow({
    where: { slug: DEMO_PETITION_SLUG },
    select: { id: true, status: true, petitionText: true },
  });
  if (campaign.status !== "live" || !campaign.petitionText)
    throw new Error(`The demo campaign ${DEMO_PETITION_SLUG} is not a live petition.`);
  // Real ciphertexts under this database's key, so the page's "recent signers" can read them.
  const nameEnc = encrypt("Bench Supporter");
  const emailEnc = encrypt("bench.supporter@example.org");
  await prisma.$disconnect();
  log(`migrations + demo data: ${((performance.now() - t) / 1000).toFixed(1)} s`);

  t = performance.now();
  insertConfirmedSignatures(file, campaign.id, rows, { nameEnc, emailEnc });
  log(`${rows.toLocaleString("en")} confirmed signatures inserted and indexed: ${((performance.now() - t) / 1000).toFixed(1)} s`);
  return { file, url, campaignId: campaign.id };
}

/** One transaction, indexes dropped during the load and built after; the campaign's count set. */
function insertConfirmedSignatures(file: string, campaignId: string, rows: number, values: { nameEnc: string; emailEnc: string }) {
  const db = new Database(file);
  // A throwaway file: no journal to speak of while loading, WAL again for the app.
  db.pragma("journal_mode = DELETE");
  db.pragma("synchronous = OFF");
  db.pragma("cache_size = -1000000");
  const indexes = db
    .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'Signature' AND sql IS NOT NULL")
    .all() as Array<{ name: string; sql: string }>;
  for (const index of indexes) db.exec(`DROP INDEX "${index.name}"`);
  const insert = db.prepare(
    `INSERT INTO Signature (id, campaignId, emailHash, nameEnc, emailEnc, country, showName, wantsUpdates, status, tokenHash, confirmationSentAt, confirmedAt, addressHash, createdAt)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'confirmed', ?, ?, ?, ?, ?)`,
  );
  const countries = ["BE", "DE", "FR", "NL", "KZ", "GB", "IT", "ES", "PL", "SE"];
  const now = Date.now();
  const span = 180 * 24 * 3600 * 1000; // six months of signing, oldest first
  const addressHashKept = 30 * 24 * 3600 * 1000;
  const CHUNK = 10_000;
  const PER_ROW = 12 + 32 + 32 + 24; // id, emailHash, tokenHash, addressHash: random, like the app's
  db.transaction(() => {
    for (let start = 0; start < rows; start += CHUNK) {
      const random = crypto.randomBytes(CHUNK * PER_ROW);
      for (let i = start; i < Math.min(rows, start + CHUNK); i++) {
        const o = (i - start) * PER_ROW;
        const created = now - span + Math.floor((i * span) / rows);
        insert.run(
          `s${random.toString("base64url", o, o + 12)}`,
          campaignId,
          random.toString("base64url", o + 12, o + 44),
          values.nameEnc,
          values.emailEnc,
          countries[i % countries.length]!,
          i % 3 === 0 ? 1 : 0,
          i % 2,
          random.toString("base64url", o + 44, o + 76),
          isoDate(created),
          isoDate(created + 5 * 60 * 1000),
          now - created < addressHashKept ? random.toString("base64url", o + 76, o + 100) : null,
          isoDate(created),
        );
      }
    }
  })();
  for (const index of indexes) db.exec(index.sql);
  db.prepare("UPDATE Campaign SET signatureCount = ? WHERE id = ?").run(rows, campaignId);
  db.pragma("journal_mode = WAL");
  db.close();
}
