// `npm run db:copy-to-postgres -- postgresql://…`: moves this SQLite install's data (DATABASE_URL, by
// default file:./data/app.db) into an empty PostgreSQL database, and says what to do next.
import { performance } from "node:perf_hooks";
import { CopyRefusal, copyToPostgres, nextSteps, withoutPassword } from "~/db/copy-to-postgres.server";
import { isPostgresUrl } from "~/db/engine";
import { count } from "~/ui/format";

const USAGE = `Usage: DATABASE_URL=file:./data/app.db npm run db:copy-to-postgres -- postgresql://user@host:5432/database
       (or --to postgresql://…; --from file:… instead of DATABASE_URL). Stop the app first; the target must be empty.`;

function parse(args: string[]): { from: string; to: string } | null {
  let from = process.env.DATABASE_URL ?? "file:./data/app.db";
  let to: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const [flag, inline] = arg.startsWith("--") ? arg.split(/=(.*)/s, 2) : [arg, undefined];
    if (flag === "--to" || flag === "--from") {
      const value = inline ?? args[++i];
      if (!value) return null;
      if (flag === "--to") to = value;
      else from = value;
    } else if (!arg.startsWith("-") && to === undefined) to = arg;
    else return null;
  }
  if (!to || !isPostgresUrl(to) || !from.startsWith("file:")) return null;
  return { from, to };
}

const parsed = parse(process.argv.slice(2));
if (!parsed) {
  console.error(USAGE);
  process.exit(2);
}

const started = performance.now();
try {
  console.log(`Copying ${parsed.from} into ${withoutPassword(parsed.to)}…`);
  const result = await copyToPostgres(parsed);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (!result.countsMatch) {
    console.error(
      `The counts differ: the SQLite file changed while it was copied (was the app still running?). Stop the app, drop and create the PostgreSQL database again, and copy again.`,
    );
    process.exit(1);
  }
  console.log(`Copied ${count(result.rows, "row")} in ${seconds} s; every table holds as many rows in PostgreSQL as in SQLite.\n`);
  console.log(nextSteps(parsed.from, parsed.to).join("\n"));
} catch (error) {
  if (error instanceof CopyRefusal) {
    console.error(error.message);
    process.exit(1);
  }
  console.error(
    `The copy failed and was rolled back (the PostgreSQL database holds no copied rows): ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(1);
}
