// The HTTP server of `npm start`: prepares the database, then serves the Remix build with security
// headers, and refuses cross-site writes. Everything it serves comes from this origin.
// In production it serves from one process per core, up to four (node:cluster; WEB_CONCURRENCY
// sets the number, 1 turns it off) on the same SQLite file: the primary prepares the database once,
// keeps the rate-limit counts and runs the mail worker; the children serve HTTP.
import "./scripts/refuse-to-start";
import cluster from "node:cluster";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createRequestHandler, type ServerBuild } from "@remix-run/node";
import express from "express";
import { env, exitOnRefusal } from "~/env.server";
import { startCaseUpdateFanOut } from "~/cases/case-update.server";
import { startMailWorker } from "~/mail/worker.server";
import { startMaintenance } from "~/petitions/retention.server";
import { markServing, startScheduledBackups } from "~/operations/backup.server";
import { startReencryption } from "~/operations/reencrypt.server";
import { bodyWasCut, limitBody } from "~/security/body-limit.server";
import { isCrossSiteWrite, isPrivatePage } from "~/security/http.server";
import { securityHeaders } from "~/security/security-headers.server";
import { pooledRandomBytes } from "~/security/random.server";
import { formStamp, secondsSinceStamp } from "~/security/crypto.server";
import { createPublicPageCache } from "~/serving/public-pages.server";
import { createRouteChains } from "~/serving/route-chains.server";
import { remixRequest, sendRemixResponse } from "~/serving/remix-adapter.server";
import { keepRateLimitsForChildren } from "~/security/rate-limit.server";
import { configureDatabase } from "~/db.server";
import { prepareDatabase } from "./scripts/prepare-database";

// A production install with demo data or without its secrets stops here, saying why (stderr, exit 1).
const config = await exitOnRefusal(env);
const processes = Math.max(
  1,
  Number(process.env.WEB_CONCURRENCY) || (config.NODE_ENV === "production" ? Math.min(os.availableParallelism(), 4) : 1),
);

if (cluster.isPrimary) {
  await exitOnRefusal(prepareDatabase);
  // `npm run restore` reads this and refuses to swap the database under a running server.
  const unmark = markServing();
  process.on("exit", unmark);
  if (processes > 1) {
    keepRateLimitsForChildren();
    for (let i = 0; i < processes; i++) cluster.fork();
    cluster.on("exit", (worker, code) => {
      if (code !== 0 && !shuttingDown) {
        console.warn(`[server] process ${worker.process.pid} exited (${code}); starting another`);
        cluster.fork();
      }
    });
  }
} else {
  await configureDatabase();
}
let shuttingDown = false;

const buildPath = path.resolve("build/index.js");
const build = (await import(pathToFileURL(buildPath).href)) as ServerBuild;

const app = express();
app.disable("x-powered-by");
app.set("trust proxy", process.env.TRUST_PROXY === "1" ? 1 : false);
// Nothing reads req.query (Remix reads the URL itself): no query-string parsing per request.
app.set("query parser", false);
// No compression here: behind the reverse proxy it compresses (see README, Going live); on this
// machine's own port it would only cost CPU per response.

const cspNonce = () => pooledRandomBytes(16).toString("base64");
// Public pages for anonymous visitors, served from memory before Express and Remix run (each with
// its own nonce and form stamps); see app/serving/public-pages.server.ts.
const publicPages = createPublicPageCache({
  seconds: config.PUBLIC_PAGE_CACHE_SECONDS,
  nonce: cspNonce,
  stamp: () => formStamp(),
  isStamp: (candidate) => secondsSinceStamp(candidate) !== null,
});
app.use((req, res, next) => {
  res.locals.cspNonce = cspNonce();
  publicPages.capture(req, res, String(res.locals.cspNonce));
  next();
});
app.use(securityHeaders({ https: config.APP_URL?.startsWith("https://") ?? false }));
app.use((req, res, next) => {
  const refused = isCrossSiteWrite({
    method: req.method,
    path: req.path,
    host: req.headers.host,
    origin: req.headers.origin,
    secFetchSite: req.get("sec-fetch-site"),
  });
  if (refused) {
    res.status(403).type("text/plain").send("This request came from another site and was refused.");
    return;
  }
  next();
});

// Body size limits per route (forms, webhooks, uploads), before anything reads a body.
app.use(limitBody);
app.use((req, res, next) => {
  if (isPrivatePage(req.path)) res.setHeader("Cache-Control", "no-store");
  next();
});

app.use("/build", express.static("public/build", { immutable: true, maxAge: "1y" }));
// public/ is looked up on disk (a stat and a file stream's set-up) only for paths under what it held
// at start (the build's assets, the favicon): not for every page, form post and health check.
const publicFiles = express.static("public", { maxAge: "1h" });
const publicEntries = new Set(fs.readdirSync("public").concat(fs.existsSync("public/index.html") ? [""] : []));
app.use((req, res, next) => {
  if (req.method !== "GET" && req.method !== "HEAD") return next();
  const first = req.path.split("/", 2)[1] ?? "";
  let name: string;
  try {
    name = decodeURIComponent(first);
  } catch {
    return publicFiles(req, res, next);
  }
  return publicEntries.has(name) ? publicFiles(req, res, next) : next();
});

// Remix's request handler, one per route chain: each request's path is matched once here, not on
// every request by Remix over all routes (app/serving/route-chains.server.ts).
const chains = createRouteChains(build, (chainBuild) => createRequestHandler(chainBuild, config.NODE_ENV));
async function remix(req: express.Request, res: express.Response) {
  const request = await remixRequest(req, res);
  const handler = chains.handlerFor(new URL(request.url).pathname);
  const response = await handler(request, { cspNonce: String(res.locals.cspNonce), clientAddress: req.ip ?? null });
  await sendRemixResponse(res, response);
}
// A body cut at its limit has had its 413: Remix's own answer to the broken body is dropped.
app.all("*", (req, res, next) => remix(req, res).catch((error: unknown) => (bodyWasCut(res) ? undefined : next(error))));

// With several processes, the primary only supervises (and sends mail); the children serve.
const serves = processes === 1 || !cluster.isPrimary;
const server = serves
  ? http
      .createServer((req, res) => {
        if (!publicPages.serve(req, res)) app(req, res);
      })
      .listen(config.PORT, () => {
        if (cluster.isPrimary || cluster.worker?.id === 1) {
          console.log(`Solidarity letters is serving on http://localhost:${config.PORT}`);
          if (!config.RESEND_API_KEY)
            console.log(
              `No RESEND_API_KEY: email lands in the dev mailbox, http://localhost:${config.PORT}/dev/mailbox (for the organisers who are logged in)`,
            );
        }
      })
  : null;

// The mail worker (and the background work: retention, case-update fan-out) runs in the primary
// process unless it runs on its own (`npm run worker`).
const runsBackgroundWork = cluster.isPrimary && config.MAIL_WORKER_IN_SERVER === "1";
const stopWorker = runsBackgroundWork ? startMailWorker() : async () => {};
const stopMaintenance = runsBackgroundWork ? startMaintenance() : () => {};
const stopFanOut = runsBackgroundWork ? startCaseUpdateFanOut() : () => {};
const stopBackups = runsBackgroundWork ? startScheduledBackups() : () => {};
const stopReencryption = runsBackgroundWork ? startReencryption() : () => {};

// Finish the requests in flight (at most 5 s), stop the worker, and in the primary wait for the
// children to do the same.
async function shutdown() {
  if (shuttingDown) return;
  shuttingDown = true;
  setTimeout(() => process.exit(0), 5000).unref();
  const closed = server
    ? new Promise((resolve) => {
        server.close(resolve);
        server.closeIdleConnections();
      })
    : Promise.resolve();
  stopMaintenance();
  stopFanOut();
  stopBackups();
  stopReencryption();
  const children = cluster.isPrimary ? Object.values(cluster.workers ?? {}).filter((child) => child !== undefined) : [];
  const childrenGone = children.map((child) =>
    child.isDead() ? Promise.resolve() : new Promise((resolve) => child.once("exit", resolve)),
  );
  for (const child of children) child.process.kill("SIGTERM");
  await Promise.all([closed, stopWorker(), ...childrenGone]);
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown());
process.on("SIGINT", () => void shutdown());
