// An organiser imports a file through the pages: upload, mapping, dry run with a per-row report,
// then import; nothing is written while errors remain unless they choose "only the valid rows".
import { describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import * as exportCsv from "~/routes/admin.targets.export[.]csv";
import * as importStep from "~/routes/admin.targets.import.$importId";
import * as upload from "~/routes/admin.targets.import._index";
import { deleteOldTargetImports } from "~/targets/import.server";
import { NO_CONTACT, NO_COUNTRY, NO_EMAIL, NO_POSTAL_ADDRESS } from "~/targets/target-file";
import { targetFields } from "~/targets/target.schema";
import { request, settle, testContext } from "../support/factories";
import { organiser, uploadRequest } from "./support";

type Step = Awaited<ReturnType<typeof importStep.loader>>;
interface Answer {
  mapping: Step["mapping"] | null;
  mappingErrors: Record<string, string[]> | null;
  report: Step["report"] | null;
  message: string | null;
}

/** Uploads a file as the form does; returns the import's id from the redirect. */
async function uploadFile(cookie: string, fileName: string, content: string): Promise<string> {
  const response = (await settle(
    upload.action({ request: uploadRequest(cookie, fileName, content), params: {}, context: testContext }),
  )) as Response;
  expect(response.status, await response.clone().text()).toBe(302);
  const id = /\/admin\/targets\/import\/(\w+)$/.exec(response.headers.get("Location") ?? "")?.[1];
  expect(id).toBeTruthy();
  return id ?? "";
}

function openStep(cookie: string, importId: string, query = ""): Promise<Step> {
  return importStep.loader({
    request: request(`/admin/targets/import/${importId}${query}`, { cookie }),
    params: { importId },
    context: testContext,
  });
}

/** Posts the mapping form with one of its buttons. */
function post(cookie: string, importId: string, intent: string, mapping: Record<string, string>): Promise<Response> {
  const form: Record<string, string> = { intent };
  for (const [field, choice] of Object.entries(mapping)) form[`map.${field}`] = choice;
  return settle(
    importStep.action({
      request: request(`/admin/targets/import/${importId}`, { cookie, form }),
      params: { importId },
      context: testContext,
    }),
  ) as Promise<Response>;
}

const badFile = [
  "kind,name,country,email,postal_address,languages",
  'embassy,Embassy of Kazakhstan in Belgium,BE,embassy-be@example.org,"1 Example Street, 1000 Brussels",fr|en',
  "mep,,FR,someone@example.org,,fr",
  "senator,Someone,DE,someone.else@example.org,,",
  "official,Prosecutor General,Kazakhstan,not-an-email,,",
  "other,A valid other target,NL,other@example.org,,nl",
].join("\n");

describe("a file with bad rows", () => {
  it("gets a per-row report, and nothing is written by the dry run or while errors remain", async () => {
    const { organisation, cookie } = await organiser();
    const importId = await uploadFile(cookie, "targets.csv", badFile);

    const step = await openStep(cookie, importId);
    expect(step.report).toMatchObject({ rows: 5, validRows: 2, errorRows: 3, warningRows: 1 });
    const errors = step.report.errors.map((e) => ({ row: e.row, field: e.field, severity: e.severity }));
    expect(errors).toEqual([
      { row: 3, field: "name", severity: "error" },
      { row: 4, field: "kind", severity: "error" },
      { row: 5, field: "country", severity: "error" },
      { row: 5, field: "email", severity: "error" },
    ]);
    expect(step.report.errors.find((e) => e.field === "country")).toMatchObject({ value: "Kazakhstan" });
    expect(step.report.errors.find((e) => e.field === "country")?.problem).toMatch(/two-letter ISO code/);
    expect(step.report.errors.find((e) => e.field === "name")?.problem).toBe("Name is required.");
    // Valid rows lacking a postal address are warned about, not refused.
    expect(step.report.warningGroups.find((g) => g.problem === "no postal address")?.rows).toBe("3–6");

    // The dry run, again with the posted mapping, writes nothing.
    const check = await post(cookie, importId, "check", step.mapping);
    expect(check.status).toBe(200);
    expect(((await check.json()) as Answer).report?.errorRows).toBe(3);
    expect(await prisma.target.count({ where: { organisationId: organisation.id } })).toBe(0);

    // "Import" is refused while errors remain, and writes nothing.
    const refused = await post(cookie, importId, "import", step.mapping);
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as Answer).message).toMatch(/^Nothing was imported: 3 rows have errors/);
    expect(await prisma.target.count({ where: { organisationId: organisation.id } })).toBe(0);
    expect((await prisma.targetImport.findUniqueOrThrow({ where: { id: importId } })).importedAt).toBeNull();

    // "Import only the valid rows" writes exactly those.
    const imported = await post(cookie, importId, "import-valid", step.mapping);
    expect(imported.status).toBe(302);
    expect(imported.headers.get("Location")).toBe(`/admin/targets/import/${importId}?created=2&updated=0&unchanged=0&skipped=3`);
    const names = (await prisma.target.findMany({ where: { organisationId: organisation.id }, orderBy: { name: "asc" } })).map(
      (t) => t.name,
    );
    expect(names).toEqual(["A valid other target", "Embassy of Kazakhstan in Belgium"]);
    const belgium = await prisma.target.findFirstOrThrow({ where: { organisationId: organisation.id, kind: "embassy" } });
    expect(belgium).toMatchObject({ postalAddress: "1 Example Street, 1000 Brussels", languages: "|fr|en|", active: true });

    const after = await openStep(cookie, importId, "?created=2&updated=0&unchanged=0&skipped=3");
    expect(after.counts).toEqual({ created: 2, updated: 0, unchanged: 0, skipped: 3 });
    expect(after.upload.importedAt).not.toBeNull();
  });

  it("refuses a file it cannot read, with the reason beside the field, and keeps nothing", async () => {
    const { organisation, cookie } = await organiser();
    const cases: Array<[string, string, RegExp]> = [
      ["empty.csv", "", /empty/],
      ["headers-only.csv", "kind,name\n", /no rows/],
      ["broken.json", '[{"name": "x"', /could not be read as JSON/],
      ["nested.json", '[{"name": "x", "address": {"street": "y"}}]', /array of objects/],
    ];
    for (const [fileName, content, message] of cases) {
      const response = (await settle(
        upload.action({ request: uploadRequest(cookie, fileName, content), params: {}, context: testContext }),
      )) as Response;
      expect(response.status, fileName).toBe(400);
      expect(((await response.json()) as { error: string }).error, fileName).toMatch(message);
    }
    expect(await prisma.targetImport.count({ where: { organisationId: organisation.id } })).toBe(0);
  });
});

describe("rows that a letter cannot reach", () => {
  it("are imported with a warning on their row: no email and no postal address, or no country", async () => {
    const { organisation, cookie } = await organiser();
    const file = [
      "kind,name,country,email,postal_address",
      'embassy,Embassy with both,BE,both@example.org,"Rue 1, 1000 Brussels"',
      "official,Official with nothing,KZ,,",
      "other,Group without a country,,group@example.org,",
      'embassy,Embassy by post only,DE,,"Straße 1, 10000 Berlin"',
    ].join("\n");
    const importId = await uploadFile(cookie, "targets.csv", file);
    const step = await openStep(cookie, importId);
    expect(step.report).toMatchObject({ rows: 4, validRows: 4, errorRows: 0, warningRows: 3 });
    const warnings = step.report.warnings.map((w) => ({ row: w.row, problem: w.problem }));
    expect(warnings).toEqual([
      { row: 3, problem: NO_CONTACT },
      { row: 4, problem: NO_POSTAL_ADDRESS },
      { row: 4, problem: NO_COUNTRY },
      { row: 5, problem: NO_EMAIL },
    ]);
    expect(step.report.warningGroups.find((g) => g.problem === NO_CONTACT)).toMatchObject({ count: 1, rows: "3" });

    // A warning is not a refusal: every row is imported.
    const imported = await post(cookie, importId, "import", step.mapping);
    expect(imported.status).toBe(302);
    expect(await prisma.target.count({ where: { organisationId: organisation.id } })).toBe(4);
  });
});

describe("re-importing", () => {
  it("updates the targets already there instead of duplicating them", async () => {
    const { organisation, cookie } = await organiser();
    const first = [
      "kind,name,country,email,external_id,notes",
      "embassy,Embassy of Kazakhstan in Belgium,BE,,wikidata:Q69699326,",
      "mep,Séverine Werbrouck,FR,severine.werbrouck@example.org,,",
      "official,Prosecutor General of the Republic of Kazakhstan,KZ,,,",
    ].join("\n");
    let importId = await uploadFile(cookie, "first.csv", first);
    let step = await openStep(cookie, importId);
    expect((await post(cookie, importId, "import", step.mapping)).status).toBe(302);
    expect(await prisma.target.count({ where: { organisationId: organisation.id } })).toBe(3);
    // A note typed in by hand survives a file without that column.
    await prisma.target.updateMany({
      where: { organisationId: organisation.id, kind: "official" },
      data: { notes: "Typed by hand." },
    });

    // Same targets, recognised by external id, by kind + email and by kind + name + country; one new.
    const second = [
      "kind,name,country,email,external_id",
      "embassy,Embassy of the Republic of Kazakhstan in Belgium,BE,embassy-be@example.org,wikidata:Q69699326",
      "mep,Séverine WERBROUCK,FR,Severine.Werbrouck@example.org,",
      "official,Prosecutor General of the Republic of Kazakhstan,KZ,,",
      "official,Minister of Internal Affairs of the Republic of Kazakhstan,KZ,,",
    ].join("\n");
    importId = await uploadFile(cookie, "second.csv", second);
    step = await openStep(cookie, importId);
    expect(step.report).toMatchObject({ willCreate: 1, willUpdate: 2, unchanged: 1 });
    const imported = await post(cookie, importId, "import", step.mapping);
    expect(imported.headers.get("Location")).toMatch(/created=1&updated=2&unchanged=1&skipped=0$/);

    const targets = await prisma.target.findMany({ where: { organisationId: organisation.id } });
    expect(targets).toHaveLength(4);
    expect(targets.find((t) => t.externalId === "wikidata:Q69699326")).toMatchObject({
      name: "Embassy of the Republic of Kazakhstan in Belgium",
      email: "embassy-be@example.org",
    });
    expect(targets.find((t) => t.kind === "mep")?.name).toBe("Séverine WERBROUCK");
    expect(targets.find((t) => t.name.startsWith("Prosecutor"))?.notes).toBe("Typed by hand.");
  });

  it("reports two rows of one file that are the same target, and imports neither twice", async () => {
    const { organisation, cookie } = await organiser();
    const file = ["kind,name,email", "mep,Anna,anna@example.org", "mep,Anna Again,ANNA@example.org"].join("\n");
    const importId = await uploadFile(cookie, "twice.csv", file);
    const step = await openStep(cookie, importId);
    expect(step.report.errors).toEqual([
      expect.objectContaining({
        row: 3,
        field: "email",
        problem: "the same target as row 2 (same kind and email): only one of them can be imported",
      }),
    ]);
    await post(cookie, importId, "import-valid", step.mapping);
    expect(await prisma.target.count({ where: { organisationId: organisation.id } })).toBe(1);
  });
});

describe("a file whose headers differ from ours", () => {
  it("imports through the mapping the organiser chooses", async () => {
    const { organisation, cookie } = await organiser();
    const file = [
      "Empfänger;Funktion;Staat;E-Mail-Adresse;Anschrift;Bemerkung",
      "Botschaft der Republik Kasachstan;Botschafter;DE;botschaft@example.org;Beispielstraße 1, 10000 Berlin;Demo",
      "Generalkonsulat Frankfurt;Generalkonsul;de;;;",
    ].join("\n");
    const importId = await uploadFile(cookie, "adressen.csv", file);
    const step = await openStep(cookie, importId);
    // Nothing recognises these headers: without a name and a kind every row has an error.
    expect(step.preset).toBeNull();
    expect(step.mapping.name).toBe("");
    expect(step.report.errorRows).toBe(2);
    expect(step.options.name.map((o) => o.value)).toContain("column:Empfänger");

    const mapping = {
      ...step.mapping,
      kind: "fixed:embassy",
      name: "column:Empfänger",
      position: "column:Funktion",
      country: "column:Staat",
      email: "column:E-Mail-Adresse",
      postalAddress: "column:Anschrift",
      notes: "column:Bemerkung",
    };
    // A choice the page did not offer is refused beside its select.
    const wrong = await post(cookie, importId, "check", { ...mapping, email: "column:No such column" });
    expect(wrong.status).toBe(400);
    expect(((await wrong.json()) as Answer).mappingErrors?.["map.email"]).toEqual(["Choose one of the columns of the file."]);

    const check = (await (await post(cookie, importId, "check", mapping)).json()) as Answer;
    expect(check.report).toMatchObject({ rows: 2, errorRows: 0, willCreate: 2 });
    expect(check.report?.warningGroups.map((g) => g.problem)).toEqual([NO_CONTACT]);
    expect(check.mapping?.name).toBe("column:Empfänger");

    expect((await post(cookie, importId, "import", mapping)).status).toBe(302);
    const targets = await prisma.target.findMany({ where: { organisationId: organisation.id }, orderBy: { name: "asc" } });
    expect(targets.map((t) => [t.kind, t.name, t.position, t.country, t.email, t.postalAddress])).toEqual([
      ["embassy", "Botschaft der Republik Kasachstan", "Botschafter", "DE", "botschaft@example.org", "Beispielstraße 1, 10000 Berlin"],
      ["embassy", "Generalkonsulat Frankfurt", "Generalkonsul", "DE", null, null],
    ]);
  });

  it("reads a JSON array, with lists as arrays", async () => {
    const { organisation, cookie } = await organiser();
    const file = JSON.stringify([
      { type: "mep", fullName: "Jane Example", mail: "jane@example.org", country: "ie", tags: ["DROI", "dcas"], active: false },
    ]);
    const importId = await uploadFile(cookie, "targets.json", file);
    const step = await openStep(cookie, importId);
    expect(step.upload.format).toBe("json");
    expect(step.mapping).toMatchObject({
      kind: "column:type",
      name: "column:fullName",
      email: "column:mail",
      tags: "column:tags",
      active: "column:active",
    });
    expect((await post(cookie, importId, "import", step.mapping)).status).toBe(302);
    expect(await prisma.target.findFirstOrThrow({ where: { organisationId: organisation.id } })).toMatchObject({
      kind: "mep",
      name: "Jane Example",
      country: "IE",
      tags: "|droi|dcas|",
      active: false,
    });
  });
});

describe("export", () => {
  it("writes our own columns, and the file imports back into another organisation as the same targets", async () => {
    const a = await organiser("Org A");
    const b = await organiser("Org B");
    const file = [
      "kind,name,position,country,jurisdictions,email,postal_address,phone,languages,salutation,tags,notes,external_id",
      'embassy,"Embassy of Kazakhstan in Belgium",,BE,BE|LU,embassy-be@example.org,"1 Example Street\n1000 Brussels",+32 2 555 00 00,fr|nl,Your Excellency,kazakhstan,"Notes, with a comma",wikidata:Q69699326',
      "mep,Séverine Werbrouck,Member of the European Parliament,FR,,severine@example.org,,,fr,Dear Séverine Werbrouck,droi|empl,,mep:261796",
      "official,Prosecutor General,,KZ,KZ,,,,en|ru,Dear Prosecutor General,,,",
    ].join("\n");
    const firstImport = await uploadFile(a.cookie, "a.csv", file);
    await post(a.cookie, firstImport, "import", (await openStep(a.cookie, firstImport)).mapping);
    await prisma.target.updateMany({
      where: { organisationId: a.organisation.id, kind: "official" },
      data: { active: false, notes: '=HYPERLINK("http://evil.example","open")' },
    });

    const response = (await exportCsv.loader({
      request: request("/admin/targets/export.csv", { cookie: a.cookie }),
      params: {},
      context: testContext,
    })) as Response;
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("Content-Disposition")).toMatch(/^attachment; filename="targets-\d{4}-\d{2}-\d{2}\.csv"$/);
    const csv = await response.text();
    expect(csv.replace(/^\uFEFF/, "").split("\n")[0]).toBe(
      "kind,name,position,body,country,jurisdictions,email,postal_address,phone,fax,website,languages,salutation,tags,active,notes,external_id",
    );

    // What a spreadsheet would run as a formula is written as text: the phone stays a phone number,
    // the formula a harmless note.
    expect(csv).toContain(",'+32 2 555 00 00,");
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""open"")"`);

    // Into organisation B: recognised as our own format, every field carried over.
    const intoB = await uploadFile(b.cookie, "export.csv", csv);
    const stepB = await openStep(b.cookie, intoB);
    expect(stepB.preset?.label).toMatch(/exported from Solidarity letters/);
    expect(stepB.report).toMatchObject({ rows: 3, errorRows: 0, willCreate: 3 });
    await post(b.cookie, intoB, "import", stepB.mapping);
    const fields = (organisationId: string) =>
      prisma.target
        .findMany({ where: { organisationId }, orderBy: { name: "asc" } })
        .then((rows) => rows.map((t) => Object.fromEntries(targetFields.map((f) => [f, t[f]]))));
    expect(await fields(b.organisation.id)).toEqual(await fields(a.organisation.id));

    // Back into organisation A: the same three targets, unchanged, none duplicated.
    const backIntoA = await uploadFile(a.cookie, "export.csv", csv);
    const stepA = await openStep(a.cookie, backIntoA);
    expect(stepA.report).toMatchObject({ willCreate: 0, willUpdate: 0, unchanged: 3 });
    expect(await prisma.target.count({ where: { organisationId: a.organisation.id } })).toBe(3);
  });
});

describe("uploaded files", () => {
  it("are kept a week for their mapping and dry run, then deleted", async () => {
    const { cookie } = await organiser();
    const importId = await uploadFile(
      cookie,
      "week.csv",
      "name,kind,email\nEmbassy of Kazakhstan in Austria,embassy,embassy.at@example.org\n",
    );
    expect(await deleteOldTargetImports(new Date(Date.now() + 6 * 24 * 3600 * 1000))).toBe(0);
    expect((await openStep(cookie, importId)).mapping).toBeTruthy();
    await deleteOldTargetImports(new Date(Date.now() + 8 * 24 * 3600 * 1000));
    expect(await prisma.targetImport.count({ where: { id: importId } })).toBe(0);
    const gone = await settle(openStep(cookie, importId));
    expect(gone instanceof Response && gone.status).toBe(404);
  });
});
