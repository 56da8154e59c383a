// The demo data: real cases from the reports, every fact with a source, and a working demo login.
import { describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { login } from "~/auth/login.server";
import { demoCases } from "../prisma/seed/cases";
import { seedDemo, isDatabaseEmpty } from "../prisma/seed/seed.server";

describe("demo data", () => {
  it("loads at least five real cases with two sections in two countries, and the demo organiser can log in", async () => {
    expect(await isDatabaseEmpty(prisma)).toBe(true);
    await seedDemo(prisma);
    expect(await isDatabaseEmpty(prisma)).toBe(false);

    const cases = await prisma.case.findMany({
      where: { status: "active" },
      include: { people: true, events: true, demands: true, sources: true },
    });
    expect(cases.length).toBeGreaterThanOrEqual(5);
    for (const c of cases) {
      expect(c.people.length, c.slug).toBeGreaterThan(0);
      expect(c.events.length, c.slug).toBeGreaterThan(0);
      expect(c.demands.length, c.slug).toBeGreaterThan(0);
      expect(c.sources.length, c.slug).toBeGreaterThan(0);
    }
    const names = cases.flatMap((c) => c.people.map((p) => p.name));
    for (const name of ["Valikhan Sultanov", "Oksana Shevchuk", "Daniyar Khassenov", "Murat Tungishbayev", "Kosai Makhanbayev"]) {
      expect(names).toContain(name);
    }

    // Every fact carries its source.
    expect(await prisma.caseEvent.count({ where: { sourceId: null } })).toBe(0);
    expect(await prisma.charge.count({ where: { sourceId: null } })).toBe(0);
    expect(await prisma.statusChange.count({ where: { sourceId: null } })).toBe(0);

    // The current status is the newest in each person's history.
    for (const person of await prisma.person.findMany({
      include: { statusChanges: { orderBy: [{ occurredOn: "desc" }, { createdAt: "desc" }], take: 1 } },
    })) {
      expect(person.status, person.name).toBe(person.statusChanges[0]?.status);
    }

    const sections = await prisma.section.findMany();
    expect(new Set(sections.map((s) => s.country)).size).toBeGreaterThanOrEqual(2);
    const result = await login({ email: "organiser@example.org", password: "solidarity-demo", clientAddress: null, userAgent: null });
    expect(result.ok).toBe(true);
  });

  it("uses only example.org addresses, so nothing real is mailed by accident", async () => {
    const emails = [...(await prisma.user.findMany()).map((u) => u.email), ...(await prisma.section.findMany()).map((s) => s.contactEmail)];
    expect(emails.length).toBeGreaterThan(0);
    for (const email of emails) expect(email).toMatch(/@example\.org$/);
    expect(JSON.stringify(demoCases)).not.toMatch(/@(?!example\.org)[a-z0-9-]+\.[a-z]/i);
  });
});
