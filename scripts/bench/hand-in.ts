// npm run bench:hand-in — renders the hand-in PDF for 2,500, 5,000, 10,000 and 20,000 names and
// prints the time per 1,000 names: it must stay about flat (linear time), as the route renders up
// to 20,000 names while a serving process waits.
import { performance } from "node:perf_hooks";
import { getDocumentProxy } from "unpdf";
import { renderHandInPdf } from "~/petitions/hand-in-pdf.server";

const countries = ["Belgium", "Germany", "Kazakhstan", "France", "Poland"];
for (const size of [2_500, 5_000, 10_000, 20_000]) {
  const names = Array.from({ length: size }, (_, i) => ({ name: `Signer Number ${i} Жазира`, country: countries[i % countries.length]! }));
  const started = performance.now();
  const pdf = await renderHandInPdf({
    organisationName: "Solidarity Network (bench)",
    title: "Free the activists",
    petitionText: "We call on the authorities to release them.",
    count: size,
    generatedOn: "28 November 2026",
    countries: countries.map((country) => ({ country, count: size / countries.length })),
    names,
    shownCount: size,
  });
  const ms = performance.now() - started;
  const kib = pdf.length / 1024;
  const pages = (await getDocumentProxy(pdf)).numPages;
  console.log(
    `${String(size).padStart(6)} names: ${(ms / 1000).toFixed(2)} s, ${(ms / (size / 1000)).toFixed(0)} ms per 1,000 names, ${pages} A4 pages, ${kib.toFixed(0)} KiB`,
  );
}
