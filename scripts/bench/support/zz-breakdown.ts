// scratch: per-step cost of one signature, in process, on the 1M-row database
import fs from "node:fs"; import os from "node:os"; import path from "node:path"; import crypto from "node:crypto";
import Database from "better-sqlite3";
import { createSignatureDatabase, DEMO_PETITION_SLUG, isoDate } from "./signature-database";
const ROWS = Number(process.env.ROWS ?? 1_000_000);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sl-bench-bd-"));
process.on("exit", () => fs.rmSync(dir, { recursive: true, force: true }));
const { file } = await createSignatureDatabase(dir, ROWS, console.log);
process.env.NODE_ENV = "production";
const { prisma, configureDatabase } = await import("~/db.server");
await configureDatabase();
const sig = await import("~/petitions/signature.server");
const { renderEmail } = await import("~/mail/render.server");
const { encrypt, emailHash } = await import("~/security/crypto.server");
const { ConfirmSignatureEmail, confirmSignatureText } = await import("../../../emails/confirm-signature");
const campaign = (await sig.getPublicCampaign(DEMO_PETITION_SLUG))!;
const N = Number(process.env.N ?? 400);
async function time(label: string, fn: (i: number) => unknown) {
  for (let i = 0; i < 30; i++) await fn(1e7 + i + Math.floor(Math.random() * 1e6));
  const c0 = process.cpuUsage(); const t0 = performance.now();
  for (let i = 0; i < N; i++) await fn(i);
  const wall = (performance.now() - t0) * 1000 / N; const c = process.cpuUsage(c0); const cpu = (c.user + c.system) / N;
  console.log(`${label.padEnd(58)} wall ${wall.toFixed(0).padStart(6)} µs  cpu ${cpu.toFixed(0).padStart(6)} µs`);
}
const run = crypto.randomBytes(3).toString("hex");
await time("prisma: SELECT 1 ($queryRawUnsafe)", () => prisma.$queryRawUnsafe("SELECT 1"));
await time("prisma: getPublicCampaign (findFirst + case/people/demands)", () => sig.getPublicCampaign(DEMO_PETITION_SLUG));
await time("prisma: signature.findUnique(campaignId_emailHash)", (i) => prisma.signature.findUnique({ where: { campaignId_emailHash: { campaignId: campaign.id, emailHash: `x${i}` } }, select: { id: true, status: true, confirmationSentAt: true } }));
await time("prisma: suppressedSupporter.findUnique", (i) => prisma.suppressedSupporter.findUnique({ where: { emailHash: `x${i}` } }));
await time("prisma: empty interactive $transaction", () => prisma.$transaction(async () => {}));
await time("prisma: outboxEmail.findUnique(dedupeKey)", (i) => prisma.outboxEmail.findUnique({ where: { dedupeKey: `x${i}` }, select: { id: true } }));
const props = { name: "Bench Signer", campaignTitle: campaign.title, ...sig.signerLinks("http://127.0.0.1:3000", "tok".repeat(10)) };
let email = { html: "", text: "" };
await time("renderEmail(ConfirmSignatureEmail) html + text", async () => { email = await renderEmail(ConfirmSignatureEmail(props), { text: confirmSignatureText(props) }); });
await time("encrypt outbox fields (to, subject, html, text)", () => { encrypt("a@example.org"); encrypt("Please confirm"); encrypt(email.html); encrypt(email.text); });
await time("emailHash + 2×encrypt (name,email) + tokenHash etc", (i) => { emailHash(`b${i}@example.org`); encrypt("Bench"); encrypt(`b${i}@example.org`); });
await time("sign() whole (prisma, as in the app)", (i) => sig.sign({ campaign, input: { name: `Bench ${i}`, email: `bd-${run}-${i}@example.org`, country: "BE", city: null, organisation: null, comment: null, showName: false, wantsUpdates: false }, clientAddress: "127.0.0.1", appUrl: "http://127.0.0.1:3000" }));
await prisma.$disconnect();

// raw better-sqlite3, the same statements the sign() path runs
for (const [label, pragmas] of [["default cache (2 MB)", []], ["cache_size=-65536 (64 MB)", ["cache_size = -65536"]], ["mmap_size=2GB", ["mmap_size = 2147483648"]]] as const) {
  const db = new Database(file);
  db.pragma("journal_mode = WAL"); db.pragma("synchronous = NORMAL");
  for (const p of pragmas) db.pragma(p);
  const findSig = db.prepare("SELECT id, status, confirmationSentAt FROM Signature WHERE campaignId = ? AND emailHash = ?");
  const findSupp = db.prepare("SELECT emailHash FROM SuppressedSupporter WHERE emailHash = ?");
  const findOut = db.prepare("SELECT id FROM OutboxEmail WHERE dedupeKey = ?");
  const findAddr = db.prepare("SELECT address FROM SuppressedAddress WHERE address = ?");
  const insSig = db.prepare("INSERT INTO Signature (id, campaignId, emailHash, nameEnc, emailEnc, country, showName, wantsUpdates, status, tokenHash, confirmationSentAt, addressHash, createdAt) VALUES (?,?,?,?,?,'BE',0,0,'pending',?,?,?,?)");
  const insOut = db.prepare("INSERT INTO OutboxEmail (id, dedupeKey, kind, subjectType, subjectId, fromAddress, toAddress, subject, html, text, headers, tags, encrypted, status, nextAttemptAt, createdAt) VALUES (?,?,'confirm-signature','signature',?,'f',?,?,?,?,?,?,1,'queued',?,?)");
  const insEv = db.prepare("INSERT INTO EmailEvent (id, emailId, type, occurredAt) VALUES (?,?,'queued',?)");
  const html = encrypt(email.html), text = encrypt(email.text);
  const tx = db.transaction((i: number) => {
    const now = isoDate(Date.now()); const r = crypto.randomBytes(64).toString("base64url"); const id = "s" + r.slice(0, 16); const eid = "c" + r.slice(16, 40);
    findOut.get(`k${r}`); findAddr.get(`a${r}`);
    insSig.run(id, campaign.id, r.slice(0, 43), "n".repeat(62), "e".repeat(81), r.slice(40, 83), now, "h".repeat(32), now);
    insOut.run(eid, `k${r}`, id, "t".repeat(80), "s".repeat(100), html, text, "{}", "[]", now, now);
    insEv.run("e" + eid, eid, now);
  });
  await time(`raw better-sqlite3 [${label}]: 2 lookups + tx(2 lookups, 3 inserts)`, (i) => { const r = `z${run}${i}${label}`; findSig.get(campaign.id, r); findSupp.get(r); tx(i); });
  db.close();
}
