// npm run bench:dashboard — the campaign dashboard of the demo petition with 1,000,000 confirmed
// signatures, 120 days of daily counts, 10,000 letters (with their outbox emails in mixed delivery
// states, bodies of real size) and about 2,000 answers, timed next to the public case page in the
// same run, and the organisers' overview (/admin: its next steps count signatures and letters).
// Both are timed twice: the route's loader alone, and the whole HTML document through the
// production build's request handler (every loader on the way plus React's server render).
// On SQLite and on PostgreSQL in the same run: the same rows are copied into a throwaway PostgreSQL
// cluster (fsync and synchronous_commit on), and each engine is timed by its own process (the app's
// database client is chosen once per process, from DATABASE_URL); then both side by side.
// Goal: the dashboard's document in under 200 ms at p95.
//
// Settings (environment, all optional):
//   BENCH_DASHBOARD_SIGNATURES=1000000  BENCH_DASHBOARD_LETTERS=10000  BENCH_DASHBOARD_RUNS=30
//   BENCH_SKIP_BUILD=1   use build/ as it is instead of running `remix build` first
//   BENCH_ENGINES=sqlite,postgresql   engines to time (default: both when PostgreSQL is installed
//                                     under /usr/lib/postgresql, else SQLite alone)
import { spawn, spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import Database from "better-sqlite3";
import {
  benchEngines,
  copySqliteToPostgres,
  DURABILITY,
  ENGINE_NAME,
  startBenchPostgres,
  type BenchEngine,
  type BenchPostgres,
} from "./support/postgres-database";
import { createSignatureDatabase, DEMO_PETITION_SLUG, isoDate } from "./support/signature-database";

// As `npm start` runs: React's production build (it reads NODE_ENV when first imported, below).
process.env.NODE_ENV = "production";
// One key for the rows made here and every process that reads them (no dev secrets file on PostgreSQL).
process.env.DATA_KEY ??= crypto.randomBytes(32).toString("base64");
process.env.SESSION_SECRET ??= crypto.randomBytes(32).toString("hex");
const SIGNATURES = Number(process.env.BENCH_DASHBOARD_SIGNATURES ?? 1_000_000);
const LETTERS = Number(process.env.BENCH_DASHBOARD_LETTERS ?? 10_000);
const RUNS = Number(process.env.BENCH_DASHBOARD_RUNS ?? 30);
const WARMUP = 5;
const DAYS = 120;
const GOAL_MS = 200;
/** Set by this script for the process it starts to time one engine: where that process writes its timings. */
const MEASURE_INTO = process.env.BENCH_DASHBOARD_MEASURE_INTO;

type Timing = { label: string; p50: number; p95: number; max: number };
interface Expected {
  campaignId: string;
  letters: number;
  responses: number;
}

if (!fs.existsSync("server.ts") || !fs.existsSync("prisma/schema.prisma")) {
  console.error("Run from the project folder: npm run bench:dashboard");
  process.exit(2);
}
const log = (line: string) => console.log(`  · ${line}`);

if (MEASURE_INTO) {
  const expected = JSON.parse(process.env.BENCH_DASHBOARD_EXPECTED ?? "{}") as Expected;
  fs.writeFileSync(MEASURE_INTO, JSON.stringify(await measure(expected)));
  process.exit(0);
}

const { engines, note: enginesNote } = benchEngines();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sl-bench-dashboard-"));
let postgres: BenchPostgres | null = null;
process.on("exit", () => {
  postgres?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => process.exit(signal === "SIGINT" ? 130 : 143));

console.log(`bench:dashboard — ${SIGNATURES.toLocaleString("en")} signatures, ${LETTERS.toLocaleString("en")} letters; on ${enginesNote}`);

// 1. The demo database with a million confirmed signatures (the signing benchmark's loader).
const { file, url: sqliteUrl, campaignId } = await createSignatureDatabase(dir, SIGNATURES, log);

// 2. Daily counts, targets, letters, their emails and answers, written directly in one transaction.
const t = performance.now();
const counts = addCampaignActivity(file, campaignId);
log(
  `${DAYS} daily counts, ${counts.letters.toLocaleString("en")} letters (${counts.emails.toLocaleString("en")} emails), ${counts.responses.toLocaleString("en")} answers: ${((performance.now() - t) / 1000).toFixed(1)} s`,
);
// PostgreSQL gets the same rows.
if (engines.includes("postgresql")) {
  const started = performance.now();
  postgres = await startBenchPostgres("sl_bench_dashboard");
  await copySqliteToPostgres(file, postgres.url, log);
  log(`PostgreSQL (throwaway cluster): the same rows: ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

// 3. The routes as the server runs them: from the production build (route modules import their CSS,
// which only the Remix compiler understands), made once for every engine.
if (process.env.BENCH_SKIP_BUILD !== "1" || !fs.existsSync("build/index.js")) {
  const build = spawnSync(path.resolve("node_modules/.bin/remix"), ["build"], { encoding: "utf8" });
  if (build.status !== 0) throw new Error(`remix build failed:\n${build.stderr.slice(-3000)}`);
}

// 4. Each engine timed by its own process, one after the other.
const results = new Map<BenchEngine, Timing[]>();
for (const engine of engines) {
  console.log(`${ENGINE_NAME[engine]}:`);
  const into = path.join(dir, `timings-${engine}.json`);
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/bench/dashboard.ts"], {
    stdio: "inherit",
    env: {
      ...process.env,
      DATABASE_URL: engine === "sqlite" ? sqliteUrl : postgres!.url,
      BENCH_DASHBOARD_MEASURE_INTO: into,
      BENCH_DASHBOARD_EXPECTED: JSON.stringify({ campaignId, letters: counts.letters, responses: counts.responses } satisfies Expected),
    },
  });
  const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
  if (code !== 0) throw new Error(`Timing the dashboard on ${ENGINE_NAME[engine]} failed (exit ${code}).`);
  results.set(engine, JSON.parse(fs.readFileSync(into, "utf8")) as Timing[]);
}

// 5. The report: each engine, then side by side.
const row = (r: Timing) =>
  `  ${r.label.padEnd(46)} p50 ${r.p50.toFixed(1).padStart(6)} ms   p95 ${r.p95.toFixed(1).padStart(6)} ms   max ${r.max.toFixed(1).padStart(6)} ms`;
const goalMet = (timings: Timing[]) => timings[4]!.p95 < GOAL_MS;
for (const [engine, timings] of results) {
  console.log(`\n${ENGINE_NAME[engine]} — server time, ${RUNS} runs each after ${WARMUP} warm-up runs (${DURABILITY[engine]}):`);
  for (const r of timings) console.log(row(r));
  const [, loader, caseLoaderTime, dashboardDocument, caseDocument] = timings.slice(1);
  console.log(
    `  dashboard / case page: loader ${(loader!.p50 / caseLoaderTime!.p50).toFixed(1)}×, document ${(dashboardDocument!.p50 / caseDocument!.p50).toFixed(1)}× (p50)`,
  );
  console.log(
    `  goal: the dashboard document in under ${GOAL_MS} ms at p95: ${goalMet(timings) ? "met" : "NOT met"} (${dashboardDocument!.p95.toFixed(1)} ms)`,
  );
}
if (results.size > 1) {
  const width = 22;
  const columns = [...results.keys()];
  console.log(`\nbench:dashboard side by side (same run, same rows): p50 / p95 ms`);
  console.log(`  ${"".padEnd(46)}${columns.map((e) => ENGINE_NAME[e].padStart(width)).join("")}`);
  results.get(columns[0]!)!.forEach((first, i) =>
    console.log(
      `  ${first.label.padEnd(46)}${columns
        .map((e) => {
          const r = results.get(e)![i]!;
          return `${r.p50.toFixed(1)} / ${r.p95.toFixed(1)}`.padStart(width);
        })
        .join("")}`,
    ),
  );
  console.log(
    `  ${`goal: dashboard document p95 < ${GOAL_MS} ms`.padEnd(46)}${columns.map((e) => (goalMet(results.get(e)!) ? "met" : "NOT met").padStart(width)).join("")}`,
  );
}
if ([...results.values()].some((timings) => !goalMet(timings))) process.exitCode = 1;

/** Times the figures, the loaders and the documents on the database DATABASE_URL names (one engine). */
async function measure(expected: Expected): Promise<Timing[]> {
  const { prisma } = await import("~/db.server");
  const { createSession } = await import("~/auth/session.server");
  const { campaignDashboard } = await import("~/dashboard/dashboard.server");
  const { organiserNextSteps } = await import("~/dashboard/next-steps.server");
  const { campaignId } = expected;

  const organiser = await prisma.user.findUniqueOrThrow({
    where: { email: "organiser@example.org" },
    select: { id: true, organisationId: true },
  });
  const caseSlug = (
    await prisma.campaign.findUniqueOrThrow({ where: { slug: DEMO_PETITION_SLUG }, select: { case: { select: { slug: true } } } })
  ).case.slug;
  const cookie = (await createSession(organiser.id, "bench")).split(";")[0]!;
  const context = { cspNonce: "bench", clientAddress: "127.0.0.1" };
  const dashboardPath = `/admin/campaigns/${campaignId}/dashboard`;
  const casePath = `/cases/${caseSlug}`;
  const get = (p: string) => new Request(`http://localhost${p}`, { headers: { Cookie: cookie } });

  async function time(label: string, run: () => unknown): Promise<Timing> {
    for (let i = 0; i < WARMUP; i++) await run();
    const ms: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const start = performance.now();
      await run();
      ms.push(performance.now() - start);
    }
    ms.sort((a, b) => a - b);
    const pick = (q: number) => ms[Math.min(ms.length - 1, Math.ceil(q * ms.length) - 1)]!;
    return { label, p50: pick(0.5), p95: pick(0.95), max: ms.at(-1)! };
  }

  const figures = await campaignDashboard({ organisationId: organiser.organisationId, campaignId });
  if (!figures) throw new Error("The demo campaign has no dashboard.");
  const counted = figures.signaturesByDay.reduce((n, d) => n + d.signatures, 0);
  if (
    figures.totals.signatures !== SIGNATURES ||
    counted !== SIGNATURES ||
    figures.totals.letters !== expected.letters ||
    figures.totals.answers !== expected.responses
  ) {
    throw new Error(`The dashboard's figures do not match the data: ${JSON.stringify({ totals: figures.totals, counted })}`);
  }
  const results: Timing[] = [
    await time("dashboard figures (dashboard.server.ts)", () =>
      campaignDashboard({ organisationId: organiser.organisationId, campaignId }),
    ),
    await time("overview next steps (next-steps.server.ts)", () => organiserNextSteps({ organisationId: organiser.organisationId })),
  ];

  // The routes from the production build: each loader alone, then the whole document.
  const { createRequestHandler } = await import("@remix-run/node");
  const serverBuild = (await import(pathToFileURL(path.resolve("build/index.js")).href)) as ServerBuild;
  const loaderOf = (routeId: string) => {
    const loader = serverBuild.routes[routeId]?.module.loader;
    if (!loader) throw new Error(`The build has no loader for ${routeId}: is it up to date?`);
    return loader;
  };
  const dashboardLoader = loaderOf("routes/admin.campaigns.$campaignId.dashboard");
  const caseLoader = loaderOf("routes/cases.$slug");
  const handle = createRequestHandler(serverBuild, "production");
  const page = async (p: string) => {
    const response = await handle(get(p), context);
    const html = await response.text();
    if (response.status !== 200) throw new Error(`${p} answered ${response.status}: ${html.slice(0, 300)}`);
    return html;
  };
  const html = await page(dashboardPath);
  if (!html.includes('id="chart-signatures-title"')) throw new Error("The dashboard document has no signatures chart.");
  log(
    `dashboard document: ${(html.length / 1024).toFixed(0)} KiB of HTML; case page: ${((await page(casePath)).length / 1024).toFixed(0)} KiB`,
  );
  results.push(
    await time("dashboard loader (session, access, figures)", () =>
      dashboardLoader({ request: get(dashboardPath), params: { campaignId }, context }),
    ),
    await time("case page loader", () => caseLoader({ request: get(casePath), params: { slug: caseSlug }, context })),
    await time("dashboard document (GET, whole HTML)", () => page(dashboardPath)),
    await time("case page document (GET, whole HTML)", () => page(casePath)),
    await time("overview document (GET /admin, whole HTML)", () => page("/admin")),
  );
  await prisma.$disconnect();
  return results;
}

/**
 * 120 days of daily counts summing to the signatures; one target per letter (a letter is unique per
 * campaign, target and sender); letters from the organisation and both demo sections, most sent,
 * their emails in mixed delivery states; answers to about a fifth of the sent letters.
 */
function addCampaignActivity(dbFile: string, campaign: string) {
  const db = new Database(dbFile);
  db.pragma("synchronous = OFF");
  const { organisationId, caseId } = db.prepare('SELECT "organisationId", "caseId" FROM "Campaign" WHERE "id" = ?').get(campaign) as {
    organisationId: string;
    caseId: string;
  };
  const sections = (
    db.prepare('SELECT "id", "name" FROM "Section" WHERE "organisationId" = ? ORDER BY "name"').all(organisationId) as Array<{
      id: string;
      name: string;
    }>
  ).map((s) => ({
    id: s.id as string | null,
    name: `${s.name}, Demo organisation`,
  }));
  const senders = [{ id: null as string | null, name: "Demo organisation" }, ...sections];
  const template = db.prepare('SELECT "id", "subject", "body" FROM "LetterTemplate" WHERE "campaignId" = ? LIMIT 1').get(campaign) as {
    id: string;
    subject: string;
    body: string;
  };
  const now = Date.now();
  const dayMs = 24 * 3600 * 1000;
  const firstDay = Math.floor(now / dayMs) * dayMs - (DAYS - 1) * dayMs;
  const random = mulberry32(405);
  const id = (prefix: string) => `${prefix}${crypto.randomBytes(12).toString("base64url")}`;
  const countries = [
    "BE",
    "DE",
    "FR",
    "NL",
    "LU",
    "AT",
    "IT",
    "ES",
    "PT",
    "PL",
    "CZ",
    "SE",
    "DK",
    "FI",
    "IE",
    "GR",
    "RO",
    "BG",
    "HU",
    "SK",
    "SI",
    "HR",
    "LT",
    "LV",
    "EE",
    "CY",
    "MT",
    "KZ",
  ];
  const kinds = ["mep", "mep", "mep", "mep", "mep", "mep", "embassy", "official", "other", "other"];
  // A realistic letter: the demo template's text, about 2 KB; its email about 6 KB of HTML.
  const body = template.body.length > 1500 ? template.body : template.body.padEnd(2000, " Lorem ipsum dolor sit amet.");
  const html = `<html><body>${"<p>Dear Member, we write about the people prosecuted under Article 405.</p>".repeat(80)}</body></html>`;

  let letters = 0;
  let emails = 0;
  let responses = 0;
  db.transaction(() => {
    // Signatures a day: a launch spike, a slow decline and a few bumps (news, a case update).
    const weights = Array.from({ length: DAYS }, (_, d) => 1 + 8 * Math.exp(-d / 6) + (d % 30 === 12 ? 4 : 0) + 0.6 * random());
    const total = weights.reduce((a, b) => a + b, 0);
    const perDay = weights.map((w) => Math.floor((w / total) * SIGNATURES));
    perDay[0]! += SIGNATURES - perDay.reduce((a, b) => a + b, 0);
    const insertDay = db.prepare('INSERT INTO "CampaignDay" ("campaignId", "day", "signatures") VALUES (?, ?, ?)');
    perDay.forEach((n, d) => insertDay.run(campaign, new Date(firstDay + d * dayMs).toISOString().slice(0, 10), n));

    const insertTarget = db.prepare(
      `INSERT INTO "Target" ("id", "organisationId", "kind", "name", "country", "jurisdictions", "email", "languages", "tags", "active", "createdAt", "updatedAt")
       VALUES (?, ?, ?, ?, ?, '', ?, '|en|', '', 1, ?, ?)`,
    );
    const insertEmail = db.prepare(
      `INSERT INTO "OutboxEmail" ("id", "organisationId", "dedupeKey", "kind", "subjectType", "subjectId", "fromAddress", "toAddress", "replyTo", "subject", "html", "text", "status", "attempts", "nextAttemptAt", "createdAt", "sentAt", "deliveredAt", "failedAt")
       VALUES (?, ?, ?, 'letter', 'letter', ?, 'letters@example.org', ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?)`,
    );
    const insertLetter = db.prepare(
      `INSERT INTO "Letter" ("id", "organisationId", "campaignId", "templateId", "targetId", "sectionId", "senderKey", "language", "subject", "body", "recipientName", "recipientEmail", "senderName", "signatories", "status", "replyToken", "approvedAt", "sentAt", "sendCount", "outboxEmailId", "followUpCount", "lastFollowUpAt", "createdAt", "updatedAt")
       VALUES (?, ?, ?, ?, ?, ?, ?, 'en', ?, ?, ?, ?, ?, 'A. Organiser', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const insertResponse = db.prepare(
      `INSERT INTO "Response" ("id", "organisationId", "letterId", "channel", "kind", "receivedAt", "fromName", "summary", "body", "createdAt")
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const channels = ["email", "email", "email", "post", "phone"];
    const responseKinds = ["acknowledgement", "acknowledgement", "denial", "substantive", "commitment", "referred", "unclassified"];
    const created = isoDate(firstDay);
    for (let i = 0; i < LETTERS; i++) {
      const targetId = id("t");
      const name = `Bench Target ${i}`;
      const email = `bench-target-${i}@example.org`;
      insertTarget.run(targetId, organisationId, kinds[i % kinds.length]!, name, countries[i % countries.length]!, email, created, created);
      const sender = senders[i % senders.length]!;
      const roll = random();
      const status = roll < 0.1 ? "draft" : roll < 0.15 ? "approved" : "sent";
      const sentMs = firstDay + Math.floor(random() * (DAYS - 1)) * dayMs + Math.floor(random() * dayMs);
      const letterId = id("l");
      let emailId: string | null = null;
      if (status === "sent") {
        const e = random();
        const emailStatus = e < 0.03 ? "queued" : e < 0.18 ? "sent" : e < 0.88 ? "delivered" : e < 0.95 ? "bounced" : "failed";
        emailId = id("e");
        insertEmail.run(
          emailId,
          organisationId,
          `letter:${letterId}:1`,
          letterId,
          email,
          `reply+${letterId}@replies.example.org`,
          template.subject,
          html,
          body,
          emailStatus,
          isoDate(sentMs),
          isoDate(sentMs),
          emailStatus === "queued" ? null : isoDate(sentMs + 60_000),
          emailStatus === "delivered" ? isoDate(sentMs + 120_000) : null,
          emailStatus === "failed" || emailStatus === "bounced" ? isoDate(sentMs + 120_000) : null,
        );
        emails++;
      }
      const followedUp = status === "sent" && random() < 0.15 && sentMs + 14 * dayMs < now;
      insertLetter.run(
        letterId,
        organisationId,
        campaign,
        template.id,
        targetId,
        sender.id,
        sender.id ?? "organisation",
        template.subject,
        body,
        name,
        email,
        sender.name,
        status,
        crypto.randomBytes(12).toString("hex"),
        status === "draft" ? null : isoDate(sentMs - 3600_000),
        status === "sent" ? isoDate(sentMs) : null,
        status === "sent" ? 1 : 0,
        emailId,
        followedUp ? 1 : 0,
        followedUp ? isoDate(sentMs + 14 * dayMs) : null,
        created,
        isoDate(status === "sent" ? sentMs : firstDay),
      );
      letters++;
      // About one sent letter in four is answered (a few twice): ~2,000 answers.
      if (status === "sent" && random() < 0.22) {
        const answers = random() < 0.1 ? 2 : 1;
        for (let a = 0; a < answers; a++) {
          const received = Math.min(now, sentMs + Math.floor(random() * 30 * dayMs) + a * 7 * dayMs);
          insertResponse.run(
            id("r"),
            organisationId,
            letterId,
            channels[Math.floor(random() * channels.length)]!,
            responseKinds[Math.floor(random() * responseKinds.length)]!,
            isoDate(received),
            `Office of ${name}`,
            "Thank you for your letter; the matter has been passed to the competent authorities.",
            "Dear Sir or Madam, ".padEnd(1200, "we acknowledge receipt of your letter. "),
            isoDate(received),
          );
          responses++;
        }
      }
    }
    const insertUpdate = db.prepare(
      'INSERT INTO "CaseUpdate" ("id", "caseId", "title", "body", "publishedAt", "emailedCount") VALUES (?, ?, ?, ?, ?, 0)',
    );
    for (const [d, title] of [
      [10, "Appeal hearing set"],
      [45, "Two of the activists released"],
      [90, "Sentence reduced on appeal"],
    ] as const) {
      insertUpdate.run(id("u"), caseId, title, "What happened, with its source.", isoDate(firstDay + d * dayMs));
    }
  })();
  db.close();
  return { letters, emails, responses };
}

/** A small seeded generator: the same data on every run. */
function mulberry32(seed: number) {
  let a = seed;
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let r = Math.imul(a ^ (a >>> 15), 1 | a);
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
}
