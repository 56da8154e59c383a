// `npm run restore FILE`: checks a backup is a sound database of this app, keeps the current database
// aside, and puts the backup in its place. Refuses while a server or worker has the database open.
import "./refuse-to-start";
import { engineOf } from "~/db/engine";
import { env, exitOnRefusal } from "~/env.server";
import { databaseFile, keysOpen, knownMigrations, POSTGRES_BACKUPS, restoreDatabase } from "~/operations/backup.server";
import { decrypt } from "~/security/crypto.server";

await exitOnRefusal(env);
if (engineOf(env().DATABASE_URL) === "postgresql") {
  process.stderr.write(`${POSTGRES_BACKUPS}\n`);
  process.exit(1);
}
const file = process.argv[2];
if (!file) {
  process.stderr.write("Usage: npm run restore FILE  (a backup made by `npm run backup`, e.g. data/backups/backup-….db)\n");
  process.exit(1);
}
try {
  const { keptAside } = restoreDatabase(file, { knownMigrations: knownMigrations() });
  if (keysOpen(databaseFile(), decrypt) === false) {
    console.warn(
      "Warning: the DATA_KEY (and DATA_KEY_PREVIOUS) configured now cannot read this backup's signers. Set the keys it was made under before starting the app.",
    );
  }
  console.log(`Restored ${file} into ${databaseFile()}.${keptAside ? ` The database it replaced is kept as ${keptAside}.` : ""}
Start the app with the same DATA_KEY (and DATA_KEY_PREVIOUS) the backup was made under; pending migrations run on start.`);
} catch (error) {
  process.stderr.write(`Nothing was restored: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
