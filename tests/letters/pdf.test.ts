// Printable letters: the PDF that sections print for post and fax. The text is read back out of the
// PDF with unpdf (pdf.js), so these tests see what a reader of the printed page would see.
import { describe, expect, it } from "vitest";
import { extractText, getDocumentProxy } from "unpdf";
import { breakLongWords, renderLettersPdf, splitParagraphs, type PrintableLetter } from "~/letters/pdf.server";

const CASE_REFERENCE =
  "Case: Red Yurt activists detained after the 6 July 2021 rally — https://letters.example.org/cases/red-yurt-almaty-2021";

function letter(overrides: Partial<PrintableLetter> = {}): PrintableLetter {
  return {
    senderName: "Brussels section, Solidarity Network (demo)",
    senderAddressLines: ["Brussels", "Belgium"],
    date: "22 November 2026",
    recipientName: "H.E. the Ambassador",
    recipientAddress: "Avenue Van Bever 30\n1180 Uccle\nBelgium",
    recipientBody: "Embassy of Kazakhstan in Belgium",
    subject: "Release the Red Yurt activists detained after the 6 July 2021 rally",
    body: [
      "Your Excellency,",
      "We are writing about the activists detained in Almaty after the peaceful rally of 6 July 2021, and ask you to convey our concern to President Қасым-Жомарт Тоқаев.",
      "They were detained under Article 488 of the Administrative Code for holding banners. Peaceful assembly is protected by Article 32 of the Constitution and by Article 21 of the International Covenant on Civil and Political Rights.",
      "We urge the authorities to release them and to drop the charges.",
    ].join("\n\n"),
    signatories: ["Anna Peeters", "Jonas De Smet"],
    caseReference: CASE_REFERENCE,
    ...overrides,
  };
}

/** Collapses runs of whitespace (line wraps included) to one space. */
const squash = (text: string) => text.replace(/\s+/g, " ").trim();

// pdf.js may take over the buffer it is given: every reader gets its own copy.
async function open(pdf: Uint8Array) {
  return getDocumentProxy(new Uint8Array(pdf));
}

async function pageTexts(pdf: Uint8Array): Promise<string[]> {
  const { text } = await extractText(await open(pdf), { mergePages: false });
  return text;
}

async function fullText(pdf: Uint8Array): Promise<string> {
  return squash((await pageTexts(pdf)).join("\n"));
}

function expectInOrder(text: string, parts: string[]) {
  let from = 0;
  for (const part of parts) {
    const at = text.indexOf(part, from);
    expect(at, `"${part}" after position ${from} in: ${text}`).toBeGreaterThanOrEqual(0);
    from = at + part.length;
  }
}

describe("a printed letter", () => {
  it("is a PDF with the sender, date, recipient, subject, paragraphs, closing, signatories and case reference, in that order", async () => {
    const l = letter();
    const pdf = await renderLettersPdf([l]);
    expect(pdf).toBeInstanceOf(Uint8Array);
    expect(new TextDecoder().decode(pdf.subarray(0, 5))).toBe("%PDF-");

    const text = await fullText(pdf);
    expectInOrder(text, [
      "Brussels section, Solidarity Network (demo)",
      "Brussels",
      "Belgium",
      "H.E. the Ambassador",
      "Embassy of Kazakhstan in Belgium",
      "Avenue Van Bever 30",
      "1180 Uccle",
      "Belgium",
      "22 November 2026",
      "Release the Red Yurt activists detained after the 6 July 2021 rally",
      ...splitParagraphs(l.body).map(squash),
      "Yours sincerely,",
      "Anna Peeters",
      "Jonas De Smet",
      CASE_REFERENCE,
      "Page 1 of 1",
    ]);
    expect(splitParagraphs(l.body)).toHaveLength(4);
  });

  it("prints Cyrillic and Kazakh letters, and never splits a name with a hyphen", async () => {
    const pdf = await renderLettersPdf([
      letter({
        recipientName: "Қасым-Жомарт Тоқаев",
        recipientBody: "Президент Республики Казахстан",
        subject: "Освободите активистов «Красной юрты»",
        signatories: ["Әлия Нұрланқызы", "Ғалым Өтепов"],
      }),
    ]);
    const text = await fullText(pdf);
    expect(text).toContain("Тоқаев");
    expect(text).toContain("Қасым-Жомарт Тоқаев");
    expect(text).toContain("Президент Республики Казахстан");
    expect(text).toContain("Освободите активистов «Красной юрты»");
    expect(text).toContain("Әлия Нұрланқызы");
    expect(text).toContain("Ғалым Өтепов");
    expect(text).not.toMatch(/Тоқа-|Қа-сым/);
  });

  it("prints markup characters and quotes literally", async () => {
    const pdf = await renderLettersPdf([
      letter({
        subject: `Re: <b>&"quotes"</b>`,
        body: `Dear Sir,\n\nThe banner read <b>&"quotes"</b> & &amp; 'single' <script>alert(1)</script>.`,
        signatories: [`Ann "Nan" O'Brien & <co>`],
      }),
    ]);
    const text = await fullText(pdf);
    expect(text).toContain(`Re: <b>&"quotes"</b>`);
    expect(text).toContain(`The banner read <b>&"quotes"</b> & &amp; 'single' <script>alert(1)</script>.`);
    expect(text).toContain(`Ann "Nan" O'Brien & <co>`);
  });

  it("keeps single line breaks inside a paragraph and ignores extra blank lines and Windows line ends", () => {
    expect(splitParagraphs("Dear Sir,\r\n\r\n\r\nFirst line\r\nsecond line\r\n  \r\nLast.\n\n")).toEqual([
      "Dear Sir,",
      "First line\nsecond line",
      "Last.",
    ]);
    expect(splitParagraphs("")).toEqual([]);
  });

  it("without a postal address prints only the recipient's name and body, and no 'undefined' or 'null'", async () => {
    const withBody = await pageTexts(await renderLettersPdf([letter({ recipientAddress: null, senderAddressLines: [] })]));
    const lines = withBody[0]!.split("\n").map((line) => line.trim());
    expect(lines.slice(0, 4)).toEqual([
      "Brussels section, Solidarity Network (demo)",
      "H.E. the Ambassador",
      "Embassy of Kazakhstan in Belgium",
      "22 November 2026",
    ]);

    const nameOnly = await pageTexts(await renderLettersPdf([letter({ recipientAddress: null, recipientBody: null })]));
    const nameOnlyLines = nameOnly[0]!.split("\n").map((line) => line.trim());
    expect(nameOnlyLines.slice(0, 5)).toEqual([
      "Brussels section, Solidarity Network (demo)",
      "Brussels",
      "Belgium",
      "H.E. the Ambassador",
      "22 November 2026",
    ]);
    for (const text of [...withBody, ...nameOnly]) {
      expect(text).not.toMatch(/undefined|null|NaN/);
      expect(text).not.toContain("Avenue Van Bever");
    }
  });

  it("is A4 portrait on every page", async () => {
    const doc = await open(await renderLettersPdf([letter(), letter({ body: "Dear Sir,\n\n" + longBody(12) })]));
    expect(doc.numPages).toBeGreaterThanOrEqual(3);
    for (let n = 1; n <= doc.numPages; n += 1) {
      const view = (await doc.getPage(n)).view;
      expect(view.map(Math.round)).toEqual([0, 0, 595, 842]);
    }
  });

  it("keeps a very long URL whole, on lines that fit the page", async () => {
    const url = "https://letters.example.org/cases/red-yurt-almaty-2021/people/valikhan-sultanov/status-history?from=2021-07-06";
    const reference = `Case: Red Yurt — ${url}/and/a/little/more/to/make/it/longer/than/one/footer/line`;
    const pdf = await renderLettersPdf([letter({ body: `Dear Sir,\n\nSee ${url}.`, caseReference: reference })]);
    const dense = (await fullText(pdf)).replace(/\s+/g, "");
    expect(dense).toContain(`See${url}.`);
    expect(dense).toContain(reference.replace(/\s+/g, ""));

    expect(breakLongWords(`See ${url}.`, 40).split("\n").join("")).toBe(`See ${url}.`);
    expect(
      breakLongWords(`See ${url}.`, 40)
        .split("\n")
        .every((line) => Array.from(line).length <= 44),
    ).toBe(true);
    expect(breakLongWords("Қасым-Жомарт Тоқаев", 40)).toBe("Қасым-Жомарт Тоқаев");
  });

  it("refuses an empty batch", async () => {
    await expect(renderLettersPdf([])).rejects.toThrow(/at least one letter/);
  });
});

function longBody(paragraphs: number): string {
  const sentence =
    "Peaceful assembly is protected by Article 32 of the Constitution and by Article 21 of the International Covenant on Civil and Political Rights. ";
  return Array.from({ length: paragraphs }, (_, i) => `Paragraph ${i + 1}. ${sentence.repeat(4)}`).join("\n\n");
}

describe("a batch of letters", () => {
  it("starts each letter on its own page, numbers pages per letter, and repeats the case reference on every page", async () => {
    const letters = [
      letter({ recipientName: "H.E. the Ambassador of Kazakhstan to Belgium", caseReference: "Case: first — https://x.example/cases/1" }),
      letter({
        recipientName: "Mr Berik Asylov, Prosecutor General",
        recipientBody: "General Prosecutor's Office",
        recipientAddress: "Mangilik Yel Avenue 14\nAstana 010000\nKazakhstan",
        body: "Dear Prosecutor General,\n\n" + longBody(12),
        caseReference: "Case: second — https://x.example/cases/2",
      }),
      letter({
        recipientName: "Ms Anna Lührmann, MEP",
        recipientAddress: null,
        recipientBody: "European Parliament",
        caseReference: "Case: third — https://x.example/cases/3",
      }),
    ];
    const pages = (await pageTexts(await renderLettersPdf(letters))).map(squash);
    expect(pages.length).toBeGreaterThanOrEqual(4);

    const recipients = letters.map((l) => l.recipientName);
    const firstPages = recipients.map((name) => pages.findIndex((page) => page.includes(name)));
    expect(firstPages[0]).toBe(0);
    expect(firstPages[1]).toBe(1);
    expect(firstPages[2]).toBe(pages.length - 1);
    for (const [i, at] of firstPages.entries()) {
      const others = recipients.filter((_, j) => j !== i);
      for (const other of others) expect(pages[at]).not.toContain(other);
      expect(pages[at]).toContain(letters[i]!.subject);
    }

    // The second letter runs over several pages; its numbering and footer follow it.
    const secondPages = pages.slice(1, -1);
    expect(secondPages.length).toBeGreaterThanOrEqual(2);
    secondPages.forEach((page, i) => {
      expect(page).toContain(`Page ${i + 1} of ${secondPages.length}`);
      expect(page).toContain("Case: second — https://x.example/cases/2");
      expect(page).not.toContain("Case: first");
    });
    expect(pages.at(-1)).toContain("Yours sincerely,");
    expect(pages[0]).toContain("Page 1 of 1");
    expect(pages.at(-1)).toContain("Page 1 of 1");
    expect(pages.at(-1)).toContain("Case: third — https://x.example/cases/3");
    expect(pages.join(" ")).toContain(squash(longBody(12).split("\n\n").at(-1)!));
  });

  it("renders 200 letters in one PDF in seconds", { timeout: 60_000 }, async () => {
    const letters = Array.from({ length: 200 }, (_, i) => letter({ recipientName: `Recipient ${i + 1}` }));
    const started = performance.now();
    const pdf = await renderLettersPdf(letters);
    const seconds = (performance.now() - started) / 1000;
    expect((await open(pdf)).numPages).toBe(200);
    expect(seconds).toBeLessThan(30);
  });
});
