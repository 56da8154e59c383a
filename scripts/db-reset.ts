// `npm run db:reset`: delete the database and start over with the demo data.
import "./refuse-to-start";
import fs from "node:fs";
import { env, StartupRefusal } from "~/env.server";
import { prisma } from "~/db.server";
import { prepareDatabase } from "./prepare-database";

if (env().production) {
  throw new StartupRefusal(
    "`npm run db:reset` deletes the database and loads the demo: this is a production install (APP_URL is https), so it does nothing. To go back to a backup, use `npm run restore FILE`.",
  );
}
const file = env().DATABASE_URL.replace(/^file:/, "");
for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(file + suffix, { force: true });
await prepareDatabase({ seed: true });
await prisma.$disconnect();
console.log(`Database ${file} was reset.`);
