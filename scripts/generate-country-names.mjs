// Writes app/i18n/countries/<language>.ts from the runtime's CLDR names: node scripts/generate-country-names.mjs
import fs from "node:fs";
const src = fs.readFileSync("app/ui/countries.ts", "utf8");
const codes = [...src.matchAll(/^  ([A-Z]{2}): "/gm)].map((m) => m[1]);
for (const lang of ["en", "de", "fr", "nl", "ru", "kk"]) {
  const names = new Intl.DisplayNames([lang], { type: "region", fallback: "code" });
  const named = codes.map((c) => [c, lang === "en" ? JSON.parse(src.match(new RegExp(`^  ${c}: (".*?"),`, "m"))[1]) : names.of(c)]);
  const collator = new Intl.Collator(lang);
  named.sort((a, b) => collator.compare(a[1], b[1]));
  const lines = named.map(([c, n]) => `  ${c}: ${JSON.stringify(n)},`);
  fs.writeFileSync(
    `app/i18n/countries/${lang}.ts`,
    `// Country names in ${new Intl.DisplayNames([lang], { type: "language" }).of(lang)}, from the Unicode CLDR (as Node's Intl has them), fixed here so that\n// the server and every browser print the same name. In alphabetical order of the names: a select lists them so.\nexport default {\n${lines.join("\n")}\n};\n`,
  );
}
console.log(codes.length);
