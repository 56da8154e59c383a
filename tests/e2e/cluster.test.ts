// `npm start` serves from one process per core (node:cluster). The limits a supporter or an
// attacker meets are the server's, not one process's: each new connection below is handed to the
// next process in turn, so a limit counted per process would let the fourth attempt through.
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAppServer, type AppServer } from "./support/app-server";
import { formStampIn, plainRequest } from "./support/plain-request";

const CAMPAIGN_PATH = "/campaigns/free-the-article-405-prisoners";

let server: AppServer;
beforeAll(async () => {
  server = await startAppServer({
    processes: 2,
    env: { SIGN_RATE_LIMIT_PER_HOUR: "3", SIGN_MIN_FILL_SECONDS: "0", LOGIN_RATE_LIMIT_PER_15_MIN: "3" },
  });
});
afterAll(async () => {
  await server?.stop();
});

const request = (path: string, form?: Record<string, string>) => plainRequest(server.baseUrl, path, form);

describe("served by two processes", () => {
  it("counts the signing limit per address across both processes", async () => {
    // Each supporter opens the page: a form's stamp is good for one submission.
    const sign = async (n: number) => {
      const page = await request(CAMPAIGN_PATH);
      const stamp = formStampIn(page.body);
      expect(stamp).toBeTruthy();
      return request(`${CAMPAIGN_PATH}?index`, {
        intent: "sign",
        formStartedAt: stamp!,
        website: "",
        name: `Cluster Signer ${n}`,
        email: `cluster-${n}@example.org`,
        country: "BE",
      });
    };

    for (const n of [1, 2, 3]) {
      const answer = await sign(n);
      expect(answer.status).toBe(302);
      expect(answer.headers.location).toContain("signed=check-email");
    }
    const fourth = await sign(4);
    expect(fourth.status).toBe(429);
    expect(Number(fourth.headers["retry-after"])).toBeGreaterThan(0);
    expect(fourth.body).toContain("Too many signatures from your connection");
  });

  it("counts failed logins for one account across both processes", async () => {
    const attempt = (password: string) => request("/login", { email: "organiser@example.org", password });
    for (let i = 0; i < 3; i++) expect((await attempt(`wrong-${i}`)).status).toBe(400);
    // The right password is refused too while the account is locked.
    const locked = await attempt("solidarity-demo");
    expect(locked.status).toBe(429);
    expect(locked.body).toContain("Too many failed attempts");
  });

  it("serves from two child processes, and stops with them when asked to (SIGTERM)", async () => {
    const children = fs.readFileSync(`/proc/${server.pid}/task/${server.pid}/children`, "utf8").trim().split(/\s+/).map(Number);
    expect(children).toHaveLength(2);
    process.kill(server.pid, "SIGTERM"); // as a service manager stops it; nothing is left running

    const alive = (pid: number) => {
      try {
        process.kill(pid, 0);
        return true;
      } catch {
        return false;
      }
    };
    await expect.poll(() => [server.pid, ...children].filter(alive), { timeout: 4_000 }).toEqual([]);
  });
});
