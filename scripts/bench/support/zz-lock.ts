import fs from "node:fs"; import os from "node:os"; import path from "node:path"; import { spawn, spawnSync } from "node:child_process";
import Database from "better-sqlite3";
import { createSignatureDatabase } from "./signature-database";
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sl-bench-lock-"));
const { url, file } = await createSignatureDatabase(dir, 100);
const deploy = () => { const r = spawnSync("node_modules/.bin/prisma", ["migrate", "deploy"], { env: { ...process.env, DATABASE_URL: url }, encoding: "utf8" }); return r.status + " " + (r.stdout + r.stderr).split("\n").filter(l => /Error|applied|pending/i.test(l)).slice(0, 2).join(" | "); };
console.log("alone:", deploy());
const db = new Database(file); db.pragma("journal_mode = WAL"); db.prepare("SELECT 1").get();
console.log("with an idle better-sqlite3 connection open:", deploy());
db.close();
const child = spawn(process.execPath, ["--import", "tsx", "server.ts"], { env: { ...process.env, NODE_ENV: "production", PORT: "39999", DATABASE_URL: url, MAIL_WORKER_IN_SERVER: "0" }, stdio: "ignore" });
for (let i = 0; i < 100; i++) { await new Promise(r => setTimeout(r, 200)); if (await fetch("http://127.0.0.1:39999/healthz").then(r => r.ok).catch(() => false)) break; }
console.log("with the server up (worker off):", deploy());
child.kill("SIGTERM"); await new Promise(r => child.once("exit", r));
const child2 = spawn(process.execPath, ["--import", "tsx", "server.ts"], { env: { ...process.env, NODE_ENV: "production", PORT: "39999", DATABASE_URL: url, MAIL_WORKER_IN_SERVER: "1" }, stdio: "ignore" });
for (let i = 0; i < 100; i++) { await new Promise(r => setTimeout(r, 200)); if (await fetch("http://127.0.0.1:39999/healthz").then(r => r.ok).catch(() => false)) break; }
console.log("with the server up (worker on):", deploy());
child2.kill("SIGTERM"); await new Promise(r => child2.once("exit", r));
fs.rmSync(dir, { recursive: true, force: true });
