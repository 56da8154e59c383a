// `npm run db:reset`: delete the database and start over with the demo data.
import fs from "node:fs";
import { env } from "~/env.server";
import { prisma } from "~/db.server";
import { prepareDatabase } from "./prepare-database";

const file = env().DATABASE_URL.replace(/^file:/, "");
for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(file + suffix, { force: true });
await prepareDatabase({ seed: true });
await prisma.$disconnect();
console.log(`Database ${file} was reset.`);
