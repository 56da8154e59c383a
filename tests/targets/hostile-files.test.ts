// Target files built to hurt the server (blank lines by the million, 10,000 columns, a "__proto__"
// column, 20 MB) get a per-row report or a clear refusal within a moment; and the file is read once,
// at upload: the mapping page reads the table that was stored, never the CSV again.
import { describe, expect, it, vi } from "vitest";
import { prisma } from "~/db.server";
import * as importStep from "~/routes/admin.targets.import.$importId";
import * as upload from "~/routes/admin.targets.import._index";
import * as targetFile from "~/targets/target-file";
import { request, settle, testContext } from "../support/factories";
import { organiser, uploadRequest } from "./support";

async function send(cookie: string, fileName: string, content: string) {
  const started = Date.now();
  const response = (await settle(
    upload.action({ request: uploadRequest(cookie, fileName, content), params: {}, context: testContext }),
  )) as Response;
  const elapsed = Date.now() - started;
  const text = await response.clone().text();
  return { response, elapsed, error: response.status === 302 ? null : ((JSON.parse(text) as { error: string }).error ?? text) };
}

function openStep(cookie: string, importId: string) {
  return importStep.loader({
    request: request(`/admin/targets/import/${importId}`, { cookie }),
    params: { importId },
    context: testContext,
  });
}

describe("hostile target files", () => {
  it("refuses a file of millions of blank lines at once, saying why", async () => {
    const { cookie } = await organiser();
    const { response, elapsed, error } = await send(cookie, "blank.csv", `name,kind\n${"\n".repeat(4_000_000)}`);
    expect(response.status).toBe(400);
    expect(error).toMatch(/more than 100,000 lines/);
    expect(elapsed).toBeLessThan(1000);
  });

  it("parses a file that is slow to parse off the main thread: the process keeps answering meanwhile", async () => {
    const { cookie } = await organiser();
    // Every line with another column count than the header's costs csv-parse ~20 µs: ~2 s here.
    const content = `name,kind\n${",,,,,,,,,,,,,,,,,,,,,,,,,,,,,,\n".repeat(90_000)}`;
    let longestPause = 0;
    let last = Date.now();
    const timer = setInterval(() => {
      longestPause = Math.max(longestPause, Date.now() - last);
      last = Date.now();
    }, 10);
    const { response, error } = await send(cookie, "slow.csv", content);
    clearInterval(timer);
    expect(response.status).toBe(400);
    expect(error).toMatch(/no rows of targets/);
    expect(longestPause).toBeLessThan(600);
  });

  it("skips the blank lines between rows and keeps the spreadsheet's row numbers in the report", async () => {
    const { cookie } = await organiser();
    const { response } = await send(cookie, "gaps.csv", "kind,name,country\n\nembassy,Embassy in Belgium,BE\n\n\nmep,,FR\n");
    const importId = /\/admin\/targets\/import\/(\w+)$/.exec(response.headers.get("Location") ?? "")?.[1] ?? "";
    const step = await openStep(cookie, importId);
    expect(step.report).toMatchObject({ rows: 2, validRows: 1, errorRows: 1 });
    expect(step.report.errors.map((e) => e.row)).toEqual([6]);
  });

  it("refuses a file 10,000 columns wide before reading its rows", async () => {
    const { cookie } = await organiser();
    const header = Array.from({ length: 10_000 }, (_, i) => `column ${i}`).join(",");
    const row = Array.from({ length: 10_000 }, () => "x").join(",");
    const { response, elapsed, error } = await send(cookie, "wide.csv", `${header}\n${`${row}\n`.repeat(50)}`);
    expect(response.status).toBe(400);
    expect(error).toMatch(/10,000 columns; a target file has at most 200/);
    expect(elapsed).toBeLessThan(1000);
  });

  it("refuses a JSON file with 10,000 different keys", async () => {
    const { cookie } = await organiser();
    const item = Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`key${i}`, "x"]));
    const { response, error } = await send(cookie, "wide.json", JSON.stringify([item]));
    expect(response.status).toBe(400);
    expect(error).toMatch(/10,000 different keys/);
  });

  it("treats a column named __proto__ or constructor as a column, in CSV and JSON", async () => {
    const { organisation, cookie } = await organiser();
    for (const [fileName, content] of [
      ["proto.csv", "kind,name,country,__proto__,constructor\nembassy,Embassy in Belgium,BE,x,y\n"],
      [
        "proto.json",
        '[{"kind":"embassy","name":"Embassy in Belgium","country":"BE","__proto__":"x"},{"kind":"embassy","name":"Embassy in Germany","country":"DE","constructor":"y"}]',
      ],
    ] as const) {
      const { response } = await send(cookie, fileName, content);
      expect(response.status, fileName).toBe(302);
      const importId = /\/admin\/targets\/import\/(\w+)$/.exec(response.headers.get("Location") ?? "")?.[1] ?? "";
      const step = await openStep(cookie, importId);
      expect(step.options.notes.map((o) => o.label)).toContain("Column “__proto__” (e.g. x)");
      // Mapping the notes onto that column reads its cells, not Object's prototype.
      const form: Record<string, string> = { intent: "import" };
      for (const [field, choice] of Object.entries(step.mapping)) form[`map.${field}`] = choice;
      form["map.notes"] = "column:__proto__";
      const done = (await settle(
        importStep.action({
          request: request(`/admin/targets/import/${importId}`, { cookie, form }),
          params: { importId },
          context: testContext,
        }),
      )) as Response;
      expect(done.status, fileName).toBeLessThan(400);
    }
    const notes = (await prisma.target.findMany({ where: { organisationId: organisation.id }, orderBy: { name: "asc" } })).map((t) => [
      t.name,
      t.notes,
    ]);
    expect(notes).toEqual([
      ["Embassy in Belgium", "x"],
      ["Embassy in Germany", null],
    ]);
  });

  it("refuses a 20 MB file with 413 and a sentence, without reading it whole", async () => {
    const { cookie } = await organiser();
    const { response, error } = await send(cookie, "huge.csv", `kind,name\n${"embassy,Embassy\n".repeat(1_300_000)}`);
    expect(response.status).toBe(413);
    expect(error).toMatch(/larger than 5 MB/);
  });

  it("reads the file once, at upload: opening and checking its page reads the stored table", async () => {
    const { cookie } = await organiser();
    const { response } = await send(cookie, "once.csv", "kind,name,country\nembassy,Embassy in Belgium,BE\n");
    const importId = /\/admin\/targets\/import\/(\w+)$/.exec(response.headers.get("Location") ?? "")?.[1] ?? "";
    const read = vi.spyOn(targetFile, "readTargetFile");
    try {
      const step = await openStep(cookie, importId);
      await openStep(cookie, importId);
      expect(step.report).toMatchObject({ rows: 1, validRows: 1 });
      expect(read).not.toHaveBeenCalled();
    } finally {
      read.mockRestore();
    }
  });
});
