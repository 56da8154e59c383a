// Real data imports as it comes: the 718 MEPs with their committee and delegation codes as tags, and
// Kazakhstan's 44 missions, most without email or street address, kept with a warning per row and
// never given an address the file does not have.
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { dryRun, importTable } from "~/targets/import.server";
import { proposedMapping, recognisePreset } from "~/targets/presets";
import { NO_CONTACT, NO_EMAIL, NO_POSTAL_ADDRESS, readTargetFile } from "~/targets/target-file";
import { decodeList } from "~/lists";
import { organiser, realData } from "./support";

function open(fileName: string) {
  const read = readTargetFile(realData(fileName));
  if (!read.ok) throw new Error(read.error);
  const preset = recognisePreset(read.table.headers);
  return { table: read.table, preset, mapping: proposedMapping(read.table.headers, preset) };
}

describe("the MEP file (meps-2024.csv)", () => {
  it("is recognised, has no errors, and imports all 718 MEPs with DROI and DCAS as tags", async () => {
    const { organisation } = await organiser();
    const { table, preset, mapping } = open("meps-2024.csv");
    expect(preset?.id).toBe("meps");
    expect(table.records).toHaveLength(718);

    const report = await dryRun({ organisationId: organisation.id, table, mapping, preset });
    expect(report.problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(report).toMatchObject({ rows: 718, validRows: 718, errorRows: 0, willCreate: 718, willUpdate: 0 });
    // The file has no postal addresses: each row says so, and is imported all the same.
    expect(report.problems.filter((p) => p.problem === NO_POSTAL_ADDRESS)).toHaveLength(718);
    expect(await prisma.target.count({ where: { organisationId: organisation.id } })).toBe(0);

    const result = await importTable({ organisationId: organisation.id, table, mapping, preset, onlyValidRows: false });
    expect(result).toEqual({ ok: true, counts: { created: 718, updated: 0, unchanged: 0, skipped: 0 } });

    const meps = await prisma.target.findMany({ where: { organisationId: organisation.id } });
    expect(meps).toHaveLength(718);
    expect(meps.every((m) => m.kind === "mep" && m.position === "Member of the European Parliament")).toBe(true);

    const severine = meps.find((m) => m.externalId === "mep:261796");
    expect(severine).toMatchObject({
      name: "Séverine Werbrouck",
      salutation: "Dear Séverine Werbrouck",
      country: "FR",
      email: "severine.werbrouck@europarl.europa.eu",
      body: "Patriots",
      languages: "|fr|",
      postalAddress: null,
    });
    expect(decodeList(severine?.tags)).toEqual(expect.arrayContaining(["empl", "droi", "dsas"]));

    // DROI (members and substitutes, from the committee columns) and DCAS (delegations) are tags.
    const raw: Array<Record<string, string>> = parse(realData("meps-2024.csv"), { columns: true });
    const inDroi = raw.filter((r) => (r.DROI ?? "") !== "").length;
    const inDcas = raw.filter((r) => (r.delegation ?? "").split("|").includes("DCAS")).length;
    expect(inDroi).toBeGreaterThan(0);
    expect(inDcas).toBeGreaterThan(0);
    expect(await prisma.target.count({ where: { organisationId: organisation.id, tags: { contains: "|droi|" } } })).toBe(inDroi);
    expect(await prisma.target.count({ where: { organisationId: organisation.id, tags: { contains: "|dcas|" } } })).toBe(inDcas);

    // No last name is left in capitals.
    expect(meps.filter((m) => /\p{Lu}{3,}/u.test(m.name)).map((m) => m.name)).toEqual([]);
  });
});

describe("the missions file (kazakhstan-missions-2022.csv)", () => {
  it("imports all 44 missions, warns per row about missing email and address, and invents no address", async () => {
    const { organisation } = await organiser();
    const { table, preset, mapping } = open("kazakhstan-missions-2022.csv");
    expect(preset?.id).toBe("missions");
    expect(table.delimiter).toBe(";");
    expect(table.records).toHaveLength(44);

    const raw: Array<Record<string, string>> = parse(realData("kazakhstan-missions-2022.csv"), {
      columns: true,
      delimiter: ";",
      relax_column_count: true,
    });
    expect(raw).toHaveLength(44);
    const has = (v: string | undefined) => Boolean((v ?? "").trim());
    const withoutEmail = raw.filter((r) => !has(r.email) && has(r.address)).length;
    const withoutAddress = raw.filter((r) => has(r.email) && !has(r.address)).length;
    const unreachable = raw.filter((r) => !has(r.email) && !has(r.address)).length;
    expect(unreachable).toBeGreaterThan(22);

    const report = await dryRun({ organisationId: organisation.id, table, mapping, preset });
    expect(report.problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(report).toMatchObject({ rows: 44, validRows: 44, errorRows: 0 });
    const noEmail = report.problems.filter((p) => p.problem === NO_EMAIL);
    const noAddress = report.problems.filter((p) => p.problem === NO_POSTAL_ADDRESS);
    const noContact = report.problems.filter((p) => p.problem === NO_CONTACT);
    expect(noEmail).toHaveLength(withoutEmail);
    expect(noAddress).toHaveLength(withoutAddress);
    expect(noContact).toHaveLength(unreachable);
    expect([...noEmail, ...noAddress, ...noContact].every((p) => p.severity === "warning")).toBe(true);
    // One warning per row, numbered as in a spreadsheet (headers are row 1).
    expect(new Set(noContact.map((p) => p.row)).size).toBe(unreachable);
    expect(Math.min(...noContact.map((p) => p.row))).toBe(2);

    const result = await importTable({ organisationId: organisation.id, table, mapping, preset, onlyValidRows: false });
    expect(result).toEqual({ ok: true, counts: { created: 44, updated: 0, unchanged: 0, skipped: 0 } });

    const targets = await prisma.target.findMany({ where: { organisationId: organisation.id } });
    expect(targets).toHaveLength(44);
    for (const r of raw) {
      const qid = /Q\d+$/.exec(r.QID ?? "")?.[0];
      const target = targets.find((t) => t.externalId === `wikidata:${qid}`);
      expect(target, r.QID).toBeDefined();
      // The postal address is the file's address cell, and nothing else: no city, no coordinates.
      expect(target?.postalAddress ?? "", r.QID).toBe((r.address ?? "").trim());
      expect(target?.website ?? "", r.QID).toBe((r.website ?? "").trim());
    }
    const belgium = targets.find((t) => t.externalId === "wikidata:Q69699326");
    expect(belgium).toMatchObject({
      kind: "embassy",
      name: "Embassy of Kazakhstan in Belgium",
      body: "Embassy of Kazakhstan in Belgium",
      country: "BE",
      jurisdictions: "|BE|LU|",
      salutation: "Your Excellency",
      email: null,
      postalAddress: null,
    });
    const bern = targets.find((t) => t.externalId === "wikidata:Q26979900");
    expect(bern).toMatchObject({ country: "CH", email: "bern@mfa.kz", phone: "+41-31-351-79-69", jurisdictions: "|CH|VA|" });
    const lyon = targets.find((t) => t.externalId === "wikidata:Q63341764");
    expect(lyon?.name).toBe("Honorary consulate of Kazakhstan in Lyon");
    expect(targets.find((t) => t.externalId === "wikidata:Q23786646")?.website).toBe("http://www.botschaft-kasachstan.de/");
  });

  it("updates the same 44 targets when the file is imported again", async () => {
    const { organisation } = await organiser();
    const { table, preset, mapping } = open("kazakhstan-missions-2022.csv");
    await importTable({ organisationId: organisation.id, table, mapping, preset, onlyValidRows: false });
    const again = await importTable({ organisationId: organisation.id, table, mapping, preset, onlyValidRows: false });
    expect(again).toEqual({ ok: true, counts: { created: 0, updated: 0, unchanged: 44, skipped: 0 } });
    expect(await prisma.target.count({ where: { organisationId: organisation.id } })).toBe(44);
  });
});
