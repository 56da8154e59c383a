// `npm run backup`: a consistent copy of the database into BACKUP_DIR, safe while the app serves.
import "./refuse-to-start";
import { engineOf } from "~/db/engine";
import { env, exitOnRefusal } from "~/env.server";
import { backupDatabase, POSTGRES_BACKUPS } from "~/operations/backup.server";

const config = await exitOnRefusal(env);
if (engineOf(env().DATABASE_URL) === "postgresql") {
  process.stderr.write(`${POSTGRES_BACKUPS}\n`);
  process.exit(1);
}
const file = await backupDatabase({ dir: config.backupDir });
console.log(`Backed up to ${file}
It holds signers' data encrypted with DATA_KEY, which is not in it: keep the key somewhere else than the backups.`);
