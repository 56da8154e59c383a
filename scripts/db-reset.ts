// `npm run db:reset`: delete the database and start over with the demo data.
import "./refuse-to-start";
import fs from "node:fs";
import { env, StartupRefusal } from "~/env.server";
import { disconnectDatabase } from "~/db.server";
import { engineOf } from "~/db/engine";
import { openHotDatabase } from "~/db/hot.server";
import { prepareDatabase } from "./prepare-database";

if (env().production) {
  throw new StartupRefusal(
    "`npm run db:reset` deletes the database and loads the demo: this is a production install (APP_URL is https), so it does nothing. To go back to a backup, use `npm run restore FILE`.",
  );
}
const url = env().DATABASE_URL;
if (engineOf(url) === "sqlite") {
  const file = url.replace(/^file:/, "");
  for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(file + suffix, { force: true });
} else {
  // Every table of the app is in the public schema: it goes, and the migrations make it again.
  const db = openHotDatabase(url, { poolSize: 1 });
  await db.run("DROP SCHEMA public CASCADE");
  await db.run("CREATE SCHEMA public");
  await db.close();
}
await prepareDatabase({ seed: true });
await disconnectDatabase();
console.log(`Database ${url.replace(/\/\/([^:@/]+):[^@/]*@/, "//$1:***@")} was reset.`);
