import fs from "node:fs"; import os from "node:os"; import path from "node:path"; import crypto from "node:crypto";
import { createSignatureDatabase, DEMO_PETITION_SLUG, isoDate } from "./signature-database";
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sl-bench-alt-"));
process.on("exit", () => fs.rmSync(dir, { recursive: true, force: true }));
await createSignatureDatabase(dir, Number(process.env.ROWS ?? 1_000_000));
const { prisma, configureDatabase } = await import("~/db.server");
await configureDatabase();
const { Prisma } = await import("~/generated/prisma.server/client");
const c = (await prisma.campaign.findFirst({ where: { slug: DEMO_PETITION_SLUG } }))!;
const N = 400;
async function time(label: string, fn: (i: number) => unknown) {
  for (let i = 0; i < 30; i++) await fn(1e7 + i);
  const c0 = process.cpuUsage(); const t0 = performance.now();
  for (let i = 0; i < N; i++) await fn(i);
  const wall = (performance.now() - t0) * 1000 / N; const u = process.cpuUsage(c0);
  console.log(`${label.padEnd(70)} wall ${wall.toFixed(0).padStart(6)} µs  cpu ${((u.user + u.system) / N).toFixed(0).padStart(6)} µs`);
}
await time("lean campaign: findFirst select 6 fields", () => prisma.campaign.findFirst({ where: { slug: DEMO_PETITION_SLUG, status: { in: ["live", "closed"] } }, select: { id: true, slug: true, title: true, organisationId: true, status: true, petitionText: true } }));
await time("lean campaign: $queryRaw", () => prisma.$queryRaw`SELECT id, slug, title, organisationId, status, petitionText FROM Campaign WHERE slug = ${DEMO_PETITION_SLUG} AND status IN ('live','closed') LIMIT 1`);
await time("$queryRaw signature lookup by (campaignId, emailHash)", (i) => prisma.$queryRaw`SELECT id, status, confirmationSentAt FROM Signature WHERE campaignId = ${c.id} AND emailHash = ${"q" + i}`);
const big = "x".repeat(9000);
await time("interactive tx: 3 × $executeRaw INSERT (sig, outbox, event)", (i) => prisma.$transaction(async (tx) => {
  const r = crypto.randomBytes(48).toString("base64url"); const now = isoDate(Date.now()); const id = "s" + r.slice(0, 16); const e = "c" + r.slice(16, 40);
  await tx.$executeRaw`INSERT INTO Signature (id, campaignId, emailHash, country, status, tokenHash, confirmationSentAt, createdAt) VALUES (${id}, ${c.id}, ${r}, 'BE', 'pending', ${r + "t"}, ${now}, ${now})`;
  await tx.$executeRaw`INSERT INTO OutboxEmail (id, dedupeKey, kind, fromAddress, toAddress, subject, html, text, encrypted, status, nextAttemptAt, createdAt) VALUES (${e}, ${"k" + r}, 'confirm-signature', 'f', 't', 's', ${big}, 't', 1, 'queued', ${now}, ${now})`;
  await tx.$executeRaw`INSERT INTO EmailEvent (id, emailId, type, occurredAt) VALUES (${"e" + e}, ${e}, 'queued', ${now})`;
}));
await time("batch $transaction([3 × $executeRaw INSERT])", (i) => {
  const r = crypto.randomBytes(48).toString("base64url"); const now = isoDate(Date.now()); const id = "s" + r.slice(0, 16); const e = "c" + r.slice(16, 40);
  return prisma.$transaction([
    prisma.$executeRaw`INSERT INTO Signature (id, campaignId, emailHash, country, status, tokenHash, confirmationSentAt, createdAt) VALUES (${id}, ${c.id}, ${r}, 'BE', 'pending', ${r + "t"}, ${now}, ${now})`,
    prisma.$executeRaw`INSERT INTO OutboxEmail (id, dedupeKey, kind, fromAddress, toAddress, subject, html, text, encrypted, status, nextAttemptAt, createdAt) VALUES (${e}, ${"k" + r}, 'confirm-signature', 'f', 't', 's', ${big}, 't', 1, 'queued', ${now}, ${now})`,
    prisma.$executeRaw`INSERT INTO EmailEvent (id, emailId, type, occurredAt) VALUES (${"e" + e}, ${e}, 'queued', ${now})`,
  ]);
});
await prisma.$disconnect();
