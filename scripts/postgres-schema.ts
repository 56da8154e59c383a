// prisma/schema.prisma is the one schema of the app. PostgreSQL's schema is made from it: the same
// models, another provider, its own generated client. `npm run db:postgres-schema` writes it, and
// tests/migrations.test.ts checks that the committed file is what this makes.
import fs from "node:fs";
import path from "node:path";

export const SQLITE_SCHEMA = path.join("prisma", "schema.prisma");
export const POSTGRES_SCHEMA = path.join("prisma", "postgres", "schema.prisma");

const HEADER = `// Made from prisma/schema.prisma by \`npm run db:postgres-schema\`: edit that file, not this one.\n\n`;

export function postgresSchemaFrom(sqlite: string): string {
  let schema = sqlite;
  const swap = (from: RegExp, to: string) => {
    if (!from.test(schema)) throw new Error(`prisma/schema.prisma no longer has ${from}: update scripts/postgres-schema.ts`);
    schema = schema.replace(from, to);
  };
  swap(/provider = "sqlite"/, 'provider = "postgresql"');
  // The generated client is per engine: the app loads the one DATABASE_URL asks for.
  swap(/output\s+= "\.\.\/app\/generated\/prisma\.server"/, 'output       = "../../app/generated/prisma-postgres.server"');
  // Ignored at run time, as for SQLite: the pg adapter reads DATABASE_URL (app/db.server.ts).
  swap(/url\s+= "file:\.\/dev\.db"/, 'url      = "postgresql://localhost/ignored"');
  swap(/\/\/ Ignored at run time: the better-sqlite3 adapter reads DATABASE_URL \(see prisma\.config\.ts\)\.\n\s*/, "");
  return HEADER + schema;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  fs.mkdirSync(path.dirname(POSTGRES_SCHEMA), { recursive: true });
  fs.writeFileSync(POSTGRES_SCHEMA, postgresSchemaFrom(fs.readFileSync(SQLITE_SCHEMA, "utf8")));
  console.log(`Wrote ${POSTGRES_SCHEMA}.`);
}
