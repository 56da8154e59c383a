// npm run bench:letters — generate and store 10,000 personal letters from the demo template, next to
// the bare limit measured in the same run: the same letter filled by plain string replacement and
// inserted with better-sqlite3 in one transaction. Also renders each letter's email (HTML + text).
import crypto from "node:crypto";
import fs from "node:fs";
import Database from "better-sqlite3";
import { createMigratedDatabase } from "../../tests/support/migrated-database";

const LETTERS = Number(process.env.BENCH_LETTERS ?? 10_000);
const database = createMigratedDatabase("sl-bench-letters-");
process.env.DATABASE_URL = database.url;

const { prisma } = await import("~/db.server");
const { seedDemo } = await import("../../prisma/seed/seed.server");
const { demoCases } = await import("../../prisma/seed/cases");
const { generateLetters } = await import("~/letters/letter.server");
const { renderEmail } = await import("~/mail/render.server");
const { LetterEmail, letterText } = await import("../../emails/letter");

await seedDemo(prisma);
const organisation = await prisma.organisation.findFirstOrThrow();
const campaign = await prisma.campaign.findFirstOrThrow({ include: { templates: true } });
// One template for every target: the bench compares like with like.
await prisma.letterTemplate.deleteMany({ where: { campaignId: campaign.id, targetKind: { not: null } } });
await prisma.campaign.update({ where: { id: campaign.id }, data: { targetKinds: "", targetCountries: "", targetTags: "" } });
await prisma.target.deleteMany({ where: { organisationId: organisation.id } });
const targets = Array.from({ length: LETTERS }, (_, i) => ({
  organisationId: organisation.id,
  kind: "mep",
  name: `Member ${i} Example`,
  position: "Member of the European Parliament",
  body: "European Parliament",
  country: ["BE", "DE", "FR", "NL"][i % 4]!,
  email: `member-${i}@example.org`,
  languages: "|en|",
  salutation: `Dear Member ${i}`,
  tags: "|droi|",
}));
for (let i = 0; i < targets.length; i += 1000) await prisma.target.createMany({ data: targets.slice(i, i + 1000) });

// 1. The app: Liquid in strict mode, case data from the database, letters stored through Prisma.
const start = performance.now();
const result = await generateLetters({
  campaignId: campaign.id,
  organisationId: organisation.id,
  sectionId: null,
  appUrl: "http://localhost:3000",
});
const appSeconds = (performance.now() - start) / 1000;
if (!result.ok || result.created !== LETTERS) throw new Error(`Generation failed: ${JSON.stringify(result)}`);

// 2. Their emails, HTML and text, as the outbox will carry them.
const letters = await prisma.letter.findMany({ where: { campaignId: campaign.id }, take: LETTERS });
const renderStart = performance.now();
let htmlBytes = 0;
for (const letter of letters) {
  const props = {
    senderName: letter.senderName,
    date: "22 November 2026",
    recipientName: letter.recipientName,
    recipientAddress: letter.recipientAddress,
    body: letter.body,
    signatories: letter.signatories.split("\n"),
    caseTitle: "case",
    caseUrl: "http://localhost:3000/cases/x",
  };
  const email = await renderEmail(LetterEmail(props), { text: letterText(props) });
  htmlBytes += email.html.length + email.text.length;
}
const renderSeconds = (performance.now() - renderStart) / 1000;

// 3. The bare limit: the same letter by string replacement, stored by better-sqlite3 directly.
const caseData = demoCases.find((c) => c.slug === "dck-supporters-2019")!;
const skeleton = `{{salutation}},\n\nWe write on behalf of {{sender}} about ${caseData.people.map((p) => p.name).join(", ")}.\n\n${caseData.summary}\n\n${caseData.people
  .map((p) => `- ${p.name}: ${p.statusHistory.at(-1)!.status}.`)
  .join("\n")}\n\nWe therefore ask you:\n${caseData.demands.map((d) => `- ${d.text}`).join("\n")}\n\n{{date}}`;
const bare = new Database(database.file);
bare.pragma("journal_mode = WAL");
bare.exec("CREATE TABLE bare_letter (id TEXT PRIMARY KEY, target TEXT, subject TEXT, body TEXT)");
const insert = bare.prepare("INSERT INTO bare_letter (id, target, subject, body) VALUES (?, ?, ?, ?)");
const bareStart = performance.now();
bare.transaction(() => {
  for (const t of targets) {
    const body = skeleton
      .replaceAll("{{salutation}}", t.salutation)
      .replaceAll("{{sender}}", "Solidarity Network")
      .replaceAll("{{date}}", "22 November 2026");
    insert.run(crypto.randomUUID(), t.name, "Release the people prosecuted under Article 405", body);
  }
})();
const bareSeconds = (performance.now() - bareStart) / 1000;
bare.close();

await prisma.$disconnect();
fs.rmSync(database.dir, { recursive: true, force: true });

const rate = (n: number, s: number) => (n / s).toFixed(0);
console.log(`bench:letters — ${LETTERS} personal letters from the demo campaign's template`);
console.log(`  app, generate + store (Liquid strict, Prisma):   ${appSeconds.toFixed(2)} s, ${rate(LETTERS, appSeconds)} letters/s`);
console.log(`  bare limit (string replace + better-sqlite3):    ${bareSeconds.toFixed(2)} s, ${rate(LETTERS, bareSeconds)} letters/s`);
console.log(`  ratio app / bare: ${(bareSeconds / appSeconds).toFixed(3)} (app takes ${(appSeconds / bareSeconds).toFixed(1)}× as long)`);
console.log(
  `  emails rendered (React Email, HTML + text):      ${renderSeconds.toFixed(2)} s, ${rate(LETTERS, renderSeconds)} letters/s, ${(htmlBytes / LETTERS / 1024).toFixed(1)} KiB each`,
);
console.log(`  generate + render: ${(appSeconds + renderSeconds).toFixed(2)} s for ${LETTERS} (goal: under 20 s)`);
