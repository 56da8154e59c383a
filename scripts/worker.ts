// `npm run worker`: the mail worker and the background work (retention, case-update fan-out) alone,
// for when the web server runs with MAIL_WORKER_IN_SERVER=0 or when several workers share the database.
import "./refuse-to-start";
import { startCaseUpdateFanOut } from "~/cases/case-update.server";
import { configureDatabase, prisma } from "~/db.server";
import { env, exitOnRefusal } from "~/env.server";
import { startMailWorker } from "~/mail/worker.server";
import { markServing, startScheduledBackups } from "~/operations/backup.server";
import { startReencryption } from "~/operations/reencrypt.server";
import { startMaintenance } from "~/petitions/retention.server";

await exitOnRefusal(env);
await configureDatabase();
process.on("exit", markServing());
const stop = startMailWorker();
const stopBackups = startScheduledBackups();
const stopReencryption = startReencryption();
const stopMaintenance = startMaintenance();
const stopFanOut = startCaseUpdateFanOut();
const shutdown = async () => {
  stopMaintenance();
  stopFanOut();
  stopBackups();
  stopReencryption();
  await stop();
  await prisma.$disconnect();
  process.exit(0);
};
process.on("SIGTERM", () => void shutdown());
process.on("SIGINT", () => void shutdown());
