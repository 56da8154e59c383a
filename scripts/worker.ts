// `npm run worker`: the mail worker and the background work (retention, case-update fan-out) alone,
// for when the web server runs with MAIL_WORKER_IN_SERVER=0 or when several workers share the database.
import { startCaseUpdateFanOut } from "~/cases/case-update.server";
import { configureDatabase, prisma } from "~/db.server";
import { startMailWorker } from "~/mail/worker.server";
import { startMaintenance } from "~/petitions/retention.server";

await configureDatabase();
const stop = startMailWorker();
const stopMaintenance = startMaintenance();
const stopFanOut = startCaseUpdateFanOut();
const shutdown = async () => {
  stopMaintenance();
  stopFanOut();
  await stop();
  await prisma.$disconnect();
  process.exit(0);
};
process.on("SIGTERM", () => void shutdown());
process.on("SIGINT", () => void shutdown());
