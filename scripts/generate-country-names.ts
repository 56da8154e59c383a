// Writes app/i18n/countries/<language>.ts from the runtime's CLDR names, sorted in each language's
// alphabetical order: `npx tsx scripts/generate-country-names.ts`. English keeps app/ui/countries.ts's names.
import fs from "node:fs";
import { languages } from "~/i18n/config";
import { countryNames } from "~/ui/countries";

for (const language of languages) {
  const regions = new Intl.DisplayNames([language], { type: "region", fallback: "code" });
  const collator = new Intl.Collator(language);
  const named = Object.entries(countryNames)
    .map(([code, english]) => [code, language === "en" ? english : (regions.of(code) ?? code)] as const)
    .sort((a, b) => collator.compare(a[1], b[1]));
  const selfName = new Intl.DisplayNames([language], { type: "language" }).of(language);
  fs.writeFileSync(
    `app/i18n/countries/${language}.ts`,
    [
      `// Country names in ${selfName}, from the Unicode CLDR (as Node's Intl has them), fixed here so that`,
      "// the server and every browser print the same name. In alphabetical order of the names: a select lists them so.",
      "export default {",
      ...named.map(([code, name]) => `  ${code}: ${JSON.stringify(name)},`),
      "};",
      "",
    ].join("\n"),
  );
}
console.log(`Wrote the names of ${Object.keys(countryNames).length} countries in ${languages.length} languages.`);
