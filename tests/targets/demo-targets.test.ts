// The demo targets: Kazakhstan's embassies where the demo sections are, the four officials, the
// MEPs of DROI and DCAS from the real file; every email address on example.org.
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { seedTargets } from "~/targets/target.server";
import { TargetSchema } from "~/targets/target.schema";
import { demoTargets } from "../../prisma/seed/targets";
import { organiser, realData } from "./support";

describe("demo targets", () => {
  it("use only example.org email addresses, so nothing real is mailed by accident", () => {
    const emails = demoTargets.map((t) => t.email).filter((e) => e !== null);
    expect(emails.length).toBe(demoTargets.length);
    for (const email of emails) expect(email).toMatch(/^[^@\s]+@example\.org$/);
    // Nor anywhere else in the data (notes included): no address on another domain.
    expect(JSON.stringify(demoTargets)).not.toMatch(/@(?!example\.org)[a-z0-9-]+\.[a-z]/i);
  });

  it("hold the embassies in BE and DE, the four officials, and every DROI and DCAS MEP of the real file", () => {
    const embassies = demoTargets.filter((t) => t.kind === "embassy");
    expect(embassies.map((t) => [t.name, t.country])).toEqual([
      ["Embassy of Kazakhstan in Belgium", "BE"],
      ["Embassy of Kazakhstan in Germany", "DE"],
    ]);
    // The missions file has no street address for them: none is made up.
    expect(embassies.map((t) => t.postalAddress)).toEqual([null, null]);

    const officials = demoTargets.filter((t) => t.kind === "official");
    expect(officials.map((t) => t.position)).toEqual([
      "President of the Republic of Kazakhstan",
      "Prosecutor General",
      "Commissioner for Human Rights (Ombudsman) of the Republic of Kazakhstan",
      "Minister of Internal Affairs",
    ]);
    expect(officials.every((t) => t.country === "KZ" && t.postalAddress === null)).toBe(true);

    const raw: Array<Record<string, string>> = parse(realData("meps-2024.csv"), { columns: true });
    const expected = raw
      .filter((r) => (r.DROI ?? "") !== "" || (r.delegation ?? "").split("|").includes("DCAS"))
      .map((r) => `mep:${r.epid}`)
      .sort();
    const meps = demoTargets.filter((t) => t.kind === "mep");
    expect(meps.map((t) => t.externalId).sort()).toEqual(expected);
    expect(meps.every((t) => t.tags.includes("droi") || t.tags.includes("dcas"))).toBe(true);
    // The real local part is kept, the domain is not.
    const bay = raw.find((r) => r.DROI && r.email)!;
    expect(meps.find((t) => t.externalId === `mep:${bay.epid}`)?.email).toBe(bay.email!.replace(/@.*$/, "@example.org"));
  });

  it("give each embassy the postal address of the missions file's address cell, with a note saying where it came from", () => {
    const missions: Array<Record<string, string>> = parse(realData("kazakhstan-missions-2022.csv"), {
      columns: true,
      delimiter: ";",
      relax_column_count: true,
    });
    const addressOf = new Map(missions.map((m) => [`wikidata:${(m.QID ?? "").split("/").pop()}`, (m.address ?? "").trim() || null]));
    for (const embassy of demoTargets.filter((t) => t.kind === "embassy")) {
      expect(addressOf.has(embassy.externalId ?? ""), embassy.name).toBe(true);
      expect(embassy.postalAddress).toBe(addressOf.get(embassy.externalId ?? ""));
      expect(embassy.notes).toMatch(
        embassy.postalAddress
          ? /Postal address from the missions file \(Wikidata, 2022-11-16\)/
          : /No postal address in the missions file .*before printing letters for post/,
      );
    }
  });

  it("are valid targets, and seeding them twice keeps one of each", async () => {
    for (const t of demoTargets) {
      const parsed = TargetSchema.safeParse({
        ...t,
        jurisdictions: t.jurisdictions.join(","),
        languages: t.languages.join(","),
        tags: t.tags.join("|"),
        ...Object.fromEntries(
          Object.entries(t)
            .filter(([, v]) => v === null)
            .map(([k]) => [k, ""]),
        ),
      });
      expect(parsed.success, `${t.name}: ${JSON.stringify(parsed.error?.issues)}`).toBe(true);
    }
    const { organisation } = await organiser();
    await prisma.$transaction((tx) => seedTargets(tx, organisation.id, demoTargets));
    await seedTargets(prisma, organisation.id, demoTargets);
    expect(await prisma.target.count({ where: { organisationId: organisation.id } })).toBe(demoTargets.length);
    expect(await prisma.target.count({ where: { organisationId: organisation.id, tags: { contains: "|dcas|" } } })).toBeGreaterThan(0);
  });
});
