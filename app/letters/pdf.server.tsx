// Printable letters: one A4 PDF holding any number of formal letters, each starting on a new page,
// laid out for a DL window envelope (DIN 5008 form B positions, folded at 105 and 210 mm).
//
// The font is DejaVu Sans from the local `dejavu-fonts-ttf` package: the standard PDF fonts have no
// Cyrillic, and nothing may be downloaded at run time. All text is passed to react-pdf as plain
// strings, so `<`, `&` and quotes are printed literally.
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import "~/i18n/i18n.server";
import { defaultLanguage } from "~/i18n/config";
import { tFor } from "~/i18n/i18n";
import { Document, Font, Page, StyleSheet, Text, View, renderToBuffer } from "@react-pdf/renderer";

export interface PrintableLetter {
  /** e.g. "Brussels section, Solidarity Network (demo)" */
  senderName: string;
  /** e.g. ["Brussels", "Belgium"]; may be empty */
  senderAddressLines: string[];
  /** already formatted, e.g. "22 November 2026" */
  date: string;
  /** e.g. "H.E. the Ambassador" */
  recipientName: string;
  /** multi-line postal address, or null when unknown */
  recipientAddress: string | null;
  /** e.g. "Embassy of Kazakhstan in Belgium" */
  recipientBody: string | null;
  subject: string;
  /** plain text, paragraphs separated by blank lines, starting with the salutation line */
  body: string;
  /** names under the letter */
  signatories: string[];
  /** e.g. "Case: Red Yurt activists detained after the 6 July 2021 rally — https://…/cases/red-yurt-almaty-2021" */
  caseReference: string;
  /** The letter's language: its closing and page numbers are printed in it (English when not given). */
  language?: string;
}

const FONT_FAMILY = "DejaVu Sans";

/**
 * Finds a DejaVu TTF file. The server bundle (build/index.js) and vitest both run from the project
 * root, so the process.cwd()-relative path is tried first; Node's resolution from this module is
 * the fallback for a process started elsewhere.
 */
function dejaVuFile(file: string): string {
  const fromCwd = path.resolve(process.cwd(), "node_modules/dejavu-fonts-ttf/ttf", file);
  if (fs.existsSync(fromCwd)) return fromCwd;
  return createRequire(import.meta.url).resolve(`dejavu-fonts-ttf/ttf/${file}`);
}

let fontsRegistered = false;
export function registerLetterFonts(): void {
  if (fontsRegistered) return;
  Font.register({
    family: FONT_FAMILY,
    fonts: [
      { src: dejaVuFile("DejaVuSans.ttf"), fontWeight: 400 },
      { src: dejaVuFile("DejaVuSans-Bold.ttf"), fontWeight: 700 },
    ],
  });
  // Never split a word: names such as "Қасым-Жомарт Тоқаев" must stay whole, and react-pdf would
  // insert a "-" at every break it chose.
  Font.registerHyphenationCallback((word) => [word]);
  fontsRegistered = true;
}

const mm = (value: number) => (value * 72) / 25.4;

// DIN 5008 form B / DL window envelope: the window shows roughly 45–95 mm from the top, 20–110 mm
// from the left. The recipient block sits inside it.
const PAGE_TOP = mm(15);
const PAGE_LEFT = mm(25);
const PAGE_RIGHT = mm(20);
const PAGE_BOTTOM = mm(27);
const RECIPIENT_TOP = mm(50);
const RECIPIENT_HEIGHT = mm(40);
const LEADING = 1.4;
const TEXT_COLOR = "#1a1a1a";
const MUTED_COLOR = "#555555";

const styles = StyleSheet.create({
  page: {
    fontFamily: FONT_FAMILY,
    fontSize: 10,
    color: TEXT_COLOR,
    paddingTop: PAGE_TOP,
    paddingLeft: PAGE_LEFT,
    paddingRight: PAGE_RIGHT,
    paddingBottom: PAGE_BOTTOM,
  },
  sender: {
    minHeight: RECIPIENT_TOP - PAGE_TOP,
    paddingBottom: mm(4),
    maxWidth: mm(110),
  },
  // lineHeight is set on each text, never on the page or the footer: react-pdf 4.9 silently drops
  // a `render` text (the page number) under any ancestor with a lineHeight (diegomura/react-pdf#3402).
  // Every style with a lineHeight also sets its fontSize: a numeric lineHeight is multiplied by the
  // fontSize of the same style object, or by 18 when that style sets none.
  text: { fontSize: 10, lineHeight: LEADING },
  senderName: { fontWeight: 700, fontSize: 10.5, lineHeight: LEADING },
  senderLine: { fontSize: 9, color: MUTED_COLOR, lineHeight: LEADING },
  recipient: {
    minHeight: RECIPIENT_HEIGHT,
    width: mm(85),
  },
  recipientLine: { fontSize: 10, lineHeight: 1.35 },
  date: { textAlign: "right", marginTop: mm(4), fontSize: 10, lineHeight: LEADING },
  subject: { fontWeight: 700, fontSize: 10.5, lineHeight: LEADING, marginTop: mm(8), marginBottom: mm(6) },
  paragraph: { fontSize: 10, lineHeight: LEADING, marginBottom: 8, textAlign: "left" },
  closing: { marginTop: 6 },
  signatureSpace: { height: mm(14) },
  signatory: { fontSize: 10, lineHeight: LEADING },
  signatoryColumns: { flexDirection: "row", flexWrap: "wrap" },
  signatoryInColumn: { width: "50%", paddingRight: mm(4) },
  footer: {
    position: "absolute",
    left: PAGE_LEFT,
    right: PAGE_RIGHT,
    bottom: mm(10),
    borderTopWidth: 0.5,
    borderTopColor: "#999999",
    paddingTop: 4,
    flexDirection: "row",
    alignItems: "flex-start",
    fontSize: 7.5,
    color: MUTED_COLOR,
  },
  // The page number's text only exists after layout, so its box gets a fixed width.
  footerReference: { flexGrow: 1, flexShrink: 1, flexBasis: 0, paddingRight: mm(6) },
  footerPage: { width: mm(24), flexShrink: 0, textAlign: "right" },
  mark: {
    position: "absolute",
    left: mm(5),
    height: 0,
    borderTopWidth: 0.5,
    borderTopColor: "#999999",
  },
});

/** Paragraphs are separated by blank lines; single newlines inside a paragraph are kept. */
export function splitParagraphs(body: string): string[] {
  return body
    .replace(/\r\n?/g, "\n")
    .split(/\n[ \t]*\n+/)
    .map((paragraph) => paragraph.replace(/^\n+|\s+$/g, ""))
    .filter((paragraph) => paragraph.trim() !== "");
}

const BREAK_AFTER = new Set(["/", "-", "_", ".", ",", ";", ":", "?", "&", "=", "#", "~"]);

/**
 * react-pdf never breaks inside a word (hyphenation is off), so a word wider than its box, such as
 * a long URL, would run off the page. Words longer than `maxChars` are cut into lines, after a
 * "/", "-", "." ... where possible; every character is kept, and no hyphen is added.
 */
export function breakLongWords(text: string, maxChars: number): string {
  return text.replace(/\S+/gu, (word) => {
    const chars = Array.from(word);
    if (chars.length <= maxChars) return word;
    const parts: string[] = [];
    let rest = chars;
    while (rest.length > maxChars) {
      let cut = maxChars;
      for (let i = maxChars; i >= Math.ceil(maxChars / 2); i -= 1) {
        if (BREAK_AFTER.has(rest[i - 1] ?? "")) {
          cut = i;
          break;
        }
      }
      parts.push(rest.slice(0, cut).join(""));
      rest = rest.slice(cut);
    }
    parts.push(rest.join(""));
    return parts.join("\n");
  });
}

// Conservative widths in characters (DejaVu Sans averages about 0.6 em) for the boxes below.
const MAX_CHARS = { body: 64, sender: 48, recipient: 34, footer: 70 } as const;

function lines(text: string | null | undefined): string[] {
  if (!text) return [];
  return text
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "");
}

// Folding marks at 105 and 210 mm, punch mark at 148.5 mm: first page only.
function Marks() {
  return (
    <>
      <View style={[styles.mark, { top: mm(105), width: mm(5) }]} />
      <View style={[styles.mark, { top: mm(148.5), width: mm(7) }]} />
      <View style={[styles.mark, { top: mm(210), width: mm(5) }]} />
    </>
  );
}

function LetterPage({ letter }: { letter: PrintableLetter }) {
  const senderLines = letter.senderAddressLines.flatMap((line) => lines(line));
  const recipientLines = [...lines(letter.recipientName), ...lines(letter.recipientBody), ...lines(letter.recipientAddress)].map((line) =>
    breakLongWords(line, MAX_CHARS.recipient),
  );
  const paragraphs = splitParagraphs(letter.body).map((p) => breakLongWords(p, MAX_CHARS.body));
  const signatories = letter.signatories.flatMap((name) => lines(name));
  // A short closing is kept on one page with its signatures; a long list of names may break, and
  // is set in two columns.
  const keepClosingTogether = signatories.length <= 12;
  const t = tFor(letter.language ?? defaultLanguage);
  const twoColumns = signatories.length > 8;

  return (
    <Page size="A4" style={styles.page} wrap>
      <Marks />
      <View style={styles.sender}>
        <Text style={styles.senderName}>{breakLongWords(letter.senderName, MAX_CHARS.sender)}</Text>
        {senderLines.map((line, i) => (
          <Text key={i} style={styles.senderLine}>
            {breakLongWords(line, MAX_CHARS.sender)}
          </Text>
        ))}
      </View>
      <View style={styles.recipient}>
        {recipientLines.map((line, i) => (
          <Text key={i} style={styles.recipientLine}>
            {line}
          </Text>
        ))}
      </View>
      <Text style={styles.date}>{letter.date}</Text>
      <Text style={styles.subject}>{breakLongWords(letter.subject, MAX_CHARS.body)}</Text>
      {paragraphs.map((paragraph, i) => (
        <Text key={i} style={styles.paragraph} orphans={2} widows={2}>
          {paragraph}
        </Text>
      ))}
      <View style={styles.closing} wrap={!keepClosingTogether}>
        <Text style={styles.text} minPresenceAhead={mm(20)}>
          {t("content.letterClosing")}
        </Text>
        <View style={styles.signatureSpace} />
        <View style={twoColumns ? styles.signatoryColumns : undefined}>
          {signatories.map((name, i) => (
            <Text key={i} style={twoColumns ? [styles.signatory, styles.signatoryInColumn] : styles.signatory}>
              {breakLongWords(name, twoColumns ? MAX_CHARS.recipient : MAX_CHARS.body)}
            </Text>
          ))}
        </View>
      </View>
      <View style={styles.footer} fixed>
        <Text style={styles.footerReference}>{breakLongWords(letter.caseReference, MAX_CHARS.footer)}</Text>
        <Text
          style={styles.footerPage}
          render={({ subPageNumber, subPageTotalPages }) => t("content.letterPage", { page: subPageNumber, pages: subPageTotalPages })}
        />
      </View>
    </Page>
  );
}

function LettersDocument({ letters }: { letters: PrintableLetter[] }) {
  const first = letters[0];
  return (
    <Document
      title={letters.length === 1 && first ? first.subject : `${letters.length} letters`}
      author={first?.senderName}
      creator="Solidarity letters"
      producer="Solidarity letters"
    >
      {letters.map((letter, i) => (
        <LetterPage key={i} letter={letter} />
      ))}
    </Document>
  );
}

/** Renders the letters into one A4 PDF, each letter starting on a new page. */
export async function renderLettersPdf(letters: PrintableLetter[]): Promise<Uint8Array<ArrayBuffer>> {
  if (letters.length === 0) throw new Error("renderLettersPdf needs at least one letter");
  registerLetterFonts();
  const buffer = await renderToBuffer(<LettersDocument letters={letters} />);
  // A copy, not a view: a small Buffer may sit in Node's shared pool, and readers such as pdf.js
  // take over (detach) the ArrayBuffer they are given.
  return new Uint8Array(buffer);
}
