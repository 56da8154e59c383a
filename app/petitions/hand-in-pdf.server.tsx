// The petition to hand in: the organisation, the petition text, the count and the totals per
// country on page one, then the names and countries of the signers who agreed to be shown (never
// emails) in columns. Every page is A4; DejaVu Sans so that Cyrillic names print.
// The names are laid out by us, a fixed number of lines per column and page, each column one text:
// left to react-pdf, thousands of small boxes flowing over pages took minutes (5,000 names: 19 s,
// growing faster than the number of names) and held a serving process all that time.
import { Document, Page, StyleSheet, Text, View, renderToBuffer } from "@react-pdf/renderer";
import { registerLetterFonts } from "~/letters/pdf.server";
import { cleanSingleLine } from "~/security/text";

const COLUMNS = 2;
// 56 lines of 8.5 pt at 1.4 leading fill 666 pt of the 842 pt page, leaving the margins, the
// heading and the footer: a names page never overflows, so every page stays one A4 sheet.
const LINES_PER_COLUMN = 56;
/** What fits on one line of a column at this size, so that no line wraps and pushes the page. */
const MAX_LINE_CHARS = 44;
/** Countries listed one by one on page one; the rest are summed in one line. */
const MAX_COUNTRY_LINES = 30;

const styles = StyleSheet.create({
  page: { paddingTop: 50, paddingBottom: 56, paddingHorizontal: 56, fontFamily: "DejaVu Sans", fontSize: 10 },
  organisation: { fontSize: 10, color: "#444", marginBottom: 6 },
  title: { fontSize: 18, fontWeight: "bold", marginBottom: 10, lineHeight: 1.3 },
  text: { fontSize: 11, lineHeight: 1.5, marginBottom: 14 },
  count: { fontSize: 13, fontWeight: "bold", marginBottom: 16 },
  heading: { fontSize: 10, fontWeight: "bold", marginBottom: 8 },
  countryRow: { flexDirection: "row", fontSize: 10, lineHeight: 1.4, borderBottomWidth: 0.5, borderBottomColor: "#ccc" },
  countryName: { width: "70%" },
  countryCount: { width: "30%", textAlign: "right" },
  columns: { flexDirection: "row" },
  column: { width: `${100 / COLUMNS}%`, fontSize: 8.5, lineHeight: 1.4, paddingRight: 8 },
  footer: { position: "absolute", bottom: 24, left: 56, right: 56, fontSize: 8, color: "#555", textAlign: "center" },
});

/**
 * "Name (Country)", the name shortened when the line would not fit its column. Names signed before
 * the forms removed bidi overrides are cleaned here too: one would print the country reversed.
 */
export function signerLine(storedName: string, country: string): string {
  const name = cleanSingleLine(storedName).trim();
  const suffix = ` (${cleanSingleLine(country)})`;
  const room = MAX_LINE_CHARS - suffix.length;
  const shown = name.length > room ? `${name.slice(0, Math.max(1, room - 1)).trimEnd()}…` : name;
  return `${shown}${suffix}`;
}

function chunk<T>(items: T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}

const number = (n: number) => n.toLocaleString("en");

export interface HandInInput {
  organisationName: string;
  title: string;
  petitionText: string;
  count: number;
  generatedOn: string;
  /** Confirmed signatures per country (country names), largest first. */
  countries: Array<{ country: string; count: number }>;
  names: Array<{ name: string; country: string }>;
  shownCount: number;
}

export async function renderHandInPdf(input: HandInInput): Promise<Uint8Array<ArrayBuffer>> {
  registerLetterFonts();
  const more = input.shownCount - input.names.length;
  const lines = input.names.map((n) => signerLine(n.name, n.country));
  const pages = chunk(lines, COLUMNS * LINES_PER_COLUMN);
  const listed = input.countries.slice(0, MAX_COUNTRY_LINES);
  const rest = input.countries.slice(MAX_COUNTRY_LINES);
  const organisation = cleanSingleLine(input.organisationName);
  const footer = (
    <Text
      style={styles.footer}
      render={({ pageNumber, totalPages }) => `${organisation} · ${input.title} · Page ${pageNumber} of ${totalPages}`}
      fixed
    />
  );
  const doc = (
    <Document title={input.title} author={organisation} creator="Solidarity letters" producer="Solidarity letters">
      <Page size="A4" style={styles.page}>
        <Text style={styles.organisation}>Handed in by {organisation}</Text>
        <Text style={styles.title}>{input.title}</Text>
        <Text style={styles.text}>{input.petitionText}</Text>
        <Text style={styles.count}>
          {input.count === 1 ? "1 person signed" : `${number(input.count)} people signed`} this petition and confirmed their signature by
          email (as of {input.generatedOn}).
        </Text>
        <Text style={styles.text}>{number(input.shownCount)} of them agreed to have their name shown; the others signed without it.</Text>
        {more > 0 ? (
          <Text style={styles.text}>
            The following pages list {number(lines.length)} of them; {number(more)} more are not listed.
          </Text>
        ) : null}
        {listed.length ? (
          <View wrap={false}>
            <Text style={styles.heading}>Signatures by country</Text>
            {listed.map((c) => (
              <View key={c.country} style={styles.countryRow}>
                <Text style={styles.countryName}>{c.country}</Text>
                <Text style={styles.countryCount}>{number(c.count)}</Text>
              </View>
            ))}
            {rest.length ? (
              <View style={styles.countryRow}>
                <Text style={styles.countryName}>{rest.length === 1 ? "1 other country" : `${number(rest.length)} other countries`}</Text>
                <Text style={styles.countryCount}>{number(rest.reduce((sum, c) => sum + c.count, 0))}</Text>
              </View>
            ) : null}
          </View>
        ) : null}
        {footer}
      </Page>
      {pages.map((page, p) => (
        <Page key={p} size="A4" style={styles.page}>
          <Text style={styles.heading}>Signers who agreed to be shown</Text>
          <View style={styles.columns}>
            {chunk(page, LINES_PER_COLUMN).map((column, c) => (
              <Text key={c} style={styles.column}>
                {column.join("\n")}
              </Text>
            ))}
          </View>
          {footer}
        </Page>
      ))}
    </Document>
  );
  return new Uint8Array(await renderToBuffer(doc));
}
