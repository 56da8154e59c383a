// Body size limits as server.ts applies them: an oversized body is answered 413 before it is read,
// a chunked one is cut at the limit, and a handler never acts on the truncated part.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { handleError } from "~/entry.server";
import { bodyLimitFor, bodyWasCut, FORM_BODY_LIMIT, limitBody, UPLOAD_BODY_LIMIT, WEBHOOK_BODY_LIMIT } from "~/security/body-limit.server";

// What the stand-in Remix app did with each body it was handed.
const acted: string[] = [];
const failed: string[] = [];

// A one-route Remix build whose action reads the form, as every route action does.
const build = {
  mode: "production",
  entry: {
    module: {
      default: () => new Response("document"),
      handleError,
    },
  },
  routes: {
    root: {
      id: "root",
      path: "",
      module: {
        action: async ({ request }: { request: Request }) => {
          try {
            const form = await request.formData();
            acted.push(String(form.get("text") ?? "").slice(0, 10));
            return new Response("done");
          } catch (error) {
            failed.push(String(error));
            throw error;
          }
        },
        loader: () => null,
      },
    },
  },
  assets: { routes: {}, entry: { module: "", imports: [] }, url: "", version: "1" },
  future: {},
  publicPath: "/build/",
  assetsBuildDirectory: "public/build",
  isSpaMode: false,
} as unknown as ServerBuild;

let server: http.Server;
let base: string;
beforeAll(async () => {
  const app = express();
  app.use(limitBody);
  const remix = createRequestHandler({ build, mode: "production" });
  app.all("*", (req, res, next) => remix(req, res, (error?: unknown) => (bodyWasCut(res) ? undefined : next(error))));
  server = app.listen(0);
  await new Promise((resolve) => server.once("listening", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(
  () =>
    new Promise((resolve) => {
      server.close(resolve);
      server.closeAllConnections();
    }),
);

/** Posts a body with a declared length, or chunked (no Content-Length) when `chunked`. */
function post(path: string, body: Buffer, { chunked = false, accept = "text/html" } = {}): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(`${base}${path}`, {
      method: "POST",
      headers: {
        "Content-Type": "application/x-www-form-urlencoded",
        Accept: accept,
        ...(chunked ? { "Transfer-Encoding": "chunked" } : { "Content-Length": String(body.length) }),
      },
    });
    // The whole answer, or a failure as soon as the connection breaks before it was read (after a
    // 413 the upload may still be going: that part is not waited for).
    let answered = false;
    request.on("response", (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (c: Buffer) => chunks.push(c));
      response.on("end", () => {
        answered = true;
        resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString() });
      });
      response.on("error", reject);
    });
    request.on("error", (error) => (answered ? undefined : reject(error)));
    request.on("close", () => (answered ? undefined : reject(new Error("The connection closed before the answer was read."))));
    if (chunked) {
      const step = 16 * 1024;
      let offset = 0;
      const writeMore = () => {
        while (offset < body.length) {
          const ok = request.write(body.subarray(offset, offset + step));
          offset += step;
          if (!ok) return request.once("drain", writeMore);
        }
        request.end();
      };
      writeMore();
    } else {
      request.end(body);
    }
  });
}

const form = (bytes: number) => Buffer.from(`text=${"a".repeat(bytes - 5)}`);

describe("request body limits", () => {
  it("sets a limit for each kind of route: forms, webhooks, uploads", () => {
    expect(bodyLimitFor("/login")).toBe(FORM_BODY_LIMIT);
    expect(bodyLimitFor("/webhooks/resend")).toBe(WEBHOOK_BODY_LIMIT);
    expect(bodyLimitFor("/admin/targets/import")).toBe(UPLOAD_BODY_LIMIT);
    expect(bodyLimitFor("/admin/letters/abc/responses/new")).toBe(UPLOAD_BODY_LIMIT);
    expect(bodyLimitFor("/admin/targets/import/abc")).toBe(FORM_BODY_LIMIT);
  });

  it("lets a form under the limit through to the action", async () => {
    acted.length = 0;
    const response = await post("/?index", form(FORM_BODY_LIMIT - 100));
    expect(response.status).toBe(200);
    expect(acted).toEqual(["aaaaaaaaaa"]);
  });

  it("answers a declared length over the limit with 413 and a readable page, without running the action", async () => {
    acted.length = 0;
    const response = await post("/?index", form(FORM_BODY_LIMIT + 1));
    expect(response.status).toBe(413);
    expect(response.text).toContain("Too large to send");
    expect(response.text).toContain("256 KB");
    expect(acted).toEqual([]);
  });

  it("answers plain text to a client that does not ask for HTML (a webhook sender)", async () => {
    const response = await post("/webhooks/resend", Buffer.alloc(WEBHOOK_BODY_LIMIT + 1, "a"), { accept: "application/json" });
    expect(response.status).toBe(413);
    expect(response.text).toMatch(/^What was sent is larger than this page accepts \(1 MB\)/);
  });

  it("cuts a chunked body at the limit: 413, and the action never acts on the part it received", async () => {
    acted.length = 0;
    failed.length = 0;
    const started = Date.now();
    const response = await post("/?index", form(20 * 1024 * 1024), { chunked: true });
    expect(response.status).toBe(413);
    expect(response.text).toContain("Too large to send");
    expect(Date.now() - started).toBeLessThan(5000);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(acted).toEqual([]);
    expect(failed).toEqual([expect.stringContaining("Request body over 262144 bytes")]);
  });

  it("keeps taking in an upload after its 413, so a client still sending reads the answer", async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const request = http.request(`${base}/?index`, {
      method: "POST",
      agent,
      headers: { "Content-Type": "application/x-www-form-urlencoded", "Transfer-Encoding": "chunked", Accept: "text/html" },
    });
    // A connection reset or closed while the client still sends fails the test at once.
    const broken = new Promise<never>((_resolve, reject) => {
      request.on("error", reject);
      request.on("close", () => reject(new Error("The connection closed while the upload was going.")));
    });
    broken.catch(() => undefined);
    const answer = new Promise<{ status: number; text: string }>((resolve) =>
      request.on("response", (response) => {
        let text = "";
        response.on("data", (chunk: Buffer) => (text += chunk.toString()));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, text }));
      }),
    );
    request.write(form(FORM_BODY_LIMIT + 64 * 1024));
    const { status, text } = await Promise.race([answer, broken]);
    expect(status).toBe(413);
    expect(text).toContain("Too large to send");
    // The client goes on sending after it has its answer: the server reads and drops the rest
    // instead of resetting the connection, and the same connection serves the next request.
    const chunk = Buffer.alloc(64 * 1024, "a");
    for (let i = 0; i < 32; i++) await Promise.race([new Promise((resolve) => request.write(chunk, resolve)), broken]);
    await Promise.race([new Promise<void>((resolve) => request.end(resolve)), broken]);
    const next = await post("/?index", form(100));
    expect(next.status).toBe(200);
    agent.destroy();
  });

  it("lets a chunked body under the limit through whole", async () => {
    acted.length = 0;
    const response = await post("/?index", form(FORM_BODY_LIMIT - 100), { chunked: true });
    expect(response.status).toBe(200);
    expect(acted).toEqual(["aaaaaaaaaa"]);
  });
});
