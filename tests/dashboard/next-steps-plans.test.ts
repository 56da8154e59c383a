// The overview's queries read indexes, as SQLite's planner shows for each of them: a scan of the
// signatures, emails or answers would grow with every supporter. (SQLite's planner: this file is
// left out of the PostgreSQL run, where small test tables are scanned whatever the indexes.)
import { beforeAll, describe, expect, it, vi } from "vitest";

// The overview's queries are logged, to check the plan SQLite picks for each of them.
const logged = await vi.hoisted(async () => {
  const { PrismaClient } = await import("~/generated/prisma.server/client");
  const { GatedSqlite } = await import("~/db/sqlite-adapter.server");
  const client = new PrismaClient({
    adapter: new GatedSqlite(process.env.DATABASE_URL ?? ""),
    log: [{ emit: "event", level: "query" }],
  });
  const queries: Array<{ query: string; params: string }> = [];
  client.$on("query", (e) => queries.push({ query: e.query, params: e.params }));
  globalThis.__prisma = client;
  return queries;
});

import { prisma } from "~/db.server";
import { organiserNextSteps, sectionNextSteps } from "~/dashboard/next-steps.server";
import { createCampaign, createCase, createOrganisation, createTarget } from "../support/factories";

let organisationId: string;
let sectionId: string;

beforeAll(async () => {
  const { organisation, section } = await createOrganisation("Solidarity");
  organisationId = organisation.id;
  sectionId = section.id;
  const c = await createCase({ organisationId });
  const templates = [
    { language: "en", subject: "About {{ case.title }}", body: "{{ target.salutation }}, we write about {{ case.title }}." },
  ];
  await createCampaign(organisationId, c.id, { templates });
  await createTarget(organisationId, { kind: "embassy", name: "Embassy in Belgium", country: "BE" });
});

describe("the overview's queries", () => {
  it("reads signatures, emails and answers through indexes, never a scan of their tables", async () => {
    logged.length = 0;
    await organiserNextSteps({ organisationId });
    await sectionNextSteps({ organisationId, sectionId });
    const big = /"?(Signature|OutboxEmail|Response|CampaignDay)"?/;
    const touching = logged.filter((q) => big.test(q.query) && /^\s*SELECT/i.test(q.query));
    expect(touching.length).toBeGreaterThan(4);
    for (const q of touching) {
      const params: unknown[] = JSON.parse(q.params);
      const plan = await prisma.$queryRawUnsafe<Array<{ detail: string }>>(`EXPLAIN QUERY PLAN ${q.query}`, ...params);
      const scans = plan.map((p) => p.detail).filter((d) => /^SCAN (main\.)?"?(Signature|OutboxEmail|Response|CampaignDay)\b/.test(d));
      expect(scans, q.query).toEqual([]);
    }
  });

  it("counts an organisation's letters from an index alone, never reading a letter's row with its body", async () => {
    logged.length = 0;
    await organiserNextSteps({ organisationId });
    const grouped = logged.filter((q) => /FROM `main`.`Letter` WHERE/.test(q.query) && /GROUP BY/.test(q.query));
    expect(grouped).toHaveLength(2);
    for (const q of grouped) {
      const params: unknown[] = JSON.parse(q.params);
      const plan = await prisma.$queryRawUnsafe<Array<{ detail: string }>>(`EXPLAIN QUERY PLAN ${q.query}`, ...params);
      const letterLines = plan.map((p) => p.detail).filter((d) => /main\.Letter\b/.test(d));
      expect(letterLines, q.query).toEqual([expect.stringMatching(/^SEARCH main\.Letter USING COVERING INDEX Letter_next_steps_idx/)]);
    }
  });
});
