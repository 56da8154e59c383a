// The petition to hand in: its text, the count, and the names and countries of the signers who
// agreed to be shown (never emails). A4, DejaVu Sans so that Cyrillic names print.
import { Document, Page, StyleSheet, Text, View, renderToBuffer } from "@react-pdf/renderer";
import { registerLetterFonts } from "~/letters/pdf.server";

const styles = StyleSheet.create({
  page: { paddingTop: 50, paddingBottom: 50, paddingHorizontal: 56, fontFamily: "DejaVu Sans", fontSize: 10 },
  title: { fontSize: 18, fontWeight: "bold", marginBottom: 10, lineHeight: 1.3 },
  text: { fontSize: 11, lineHeight: 1.5, marginBottom: 14 },
  count: { fontSize: 13, fontWeight: "bold", marginBottom: 16 },
  names: { flexDirection: "row", flexWrap: "wrap" },
  name: { width: "33%", fontSize: 9, lineHeight: 1.4, paddingRight: 6 },
  footer: { position: "absolute", bottom: 24, left: 56, right: 56, fontSize: 8, color: "#555", textAlign: "center" },
});

export async function renderHandInPdf(input: {
  title: string;
  petitionText: string;
  count: number;
  generatedOn: string;
  names: Array<{ name: string; country: string }>;
  shownCount: number;
}): Promise<Uint8Array<ArrayBuffer>> {
  registerLetterFonts();
  const more = input.shownCount - input.names.length;
  const doc = (
    <Document title={input.title}>
      <Page size="A4" style={styles.page}>
        <Text style={styles.title}>{input.title}</Text>
        <Text style={styles.text}>{input.petitionText}</Text>
        <Text style={styles.count}>
          {input.count.toLocaleString("en")} people signed this petition and confirmed their signature by email (as of {input.generatedOn}).
        </Text>
        <Text style={styles.text}>
          {input.shownCount.toLocaleString("en")} of them agreed to have their name shown; the others signed without it.
        </Text>
        <View style={styles.names}>
          {input.names.map((n, i) => (
            <Text key={i} style={styles.name}>
              {n.name} ({n.country})
            </Text>
          ))}
        </View>
        {more > 0 ? <Text style={styles.text}>…and {more.toLocaleString("en")} more.</Text> : null}
        <Text style={styles.footer} render={({ pageNumber, totalPages }) => `Page ${pageNumber} of ${totalPages}`} fixed />
      </Page>
    </Document>
  );
  return new Uint8Array(await renderToBuffer(doc));
}
