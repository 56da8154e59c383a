// The production server's limits as a client meets them: an oversized or endless body gets a 413
// page at once, and a crafted address a 404 page with a sentence. One server for the file.
import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAppServer, type AppServer } from "./support/app-server";

let server: AppServer;
beforeAll(async () => {
  server = await startAppServer();
});
afterAll(async () => {
  await server?.stop();
});

/**
 * A POST whose body is streamed in chunks (no Content-Length), `total` bytes long. It settles with
 * the whole answer, or fails as soon as the connection breaks before the answer was read (the
 * upload may still be going when the answer is complete: that part is not waited for).
 */
function postChunked(path: string, total: number): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(`${server.baseUrl}${path}`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", "Transfer-Encoding": "chunked", Accept: "text/html" },
    });
    let answered = false;
    request.on("response", (response) => {
      let text = "";
      response.on("data", (chunk: Buffer) => (text += chunk.toString()));
      response.on("end", () => {
        answered = true;
        resolve({ status: response.statusCode ?? 0, text });
      });
      response.on("error", reject);
    });
    request.on("error", (error) => (answered ? undefined : reject(error)));
    request.on("close", () => (answered ? undefined : reject(new Error("The connection closed before the answer was read."))));
    const chunk = Buffer.alloc(64 * 1024, "a");
    let sent = 0;
    const more = () => {
      while (sent < total) {
        sent += chunk.length;
        if (!request.write(chunk)) return request.once("drain", more);
      }
      request.end();
    };
    request.write("email=");
    more();
  });
}

describe("limits of the production server", () => {
  it("answers a declared 10 MB form with 413 and a readable page before a byte of it is sent", async () => {
    const { status, text } = await new Promise<{ status: number; text: string }>((resolve, reject) => {
      const request = http.request(`${server.baseUrl}/login`, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded", "Content-Length": String(10 * 1024 * 1024), Accept: "text/html" },
      });
      request.on("response", (response) => {
        let body = "";
        response.on("data", (chunk: Buffer) => (body += chunk.toString()));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, text: body }));
      });
      request.on("error", (error) => (/EPIPE|ECONNRESET/.test(String(error)) ? undefined : reject(error)));
      // Headers only: the answer comes without the body ever being sent.
      request.flushHeaders();
    });
    expect(status).toBe(413);
    expect(text).toContain("Too large to send");
  });

  it("cuts a chunked body of 50 MB at the limit with a 413 page", async () => {
    const started = Date.now();
    const { status, text } = await postChunked("/login", 50 * 1024 * 1024);
    expect(status).toBe(413);
    expect(text).toContain("larger than this page accepts (256 KB)");
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it("answers crafted addresses with a 404 page that says what was not found", async () => {
    for (const path of [
      `/campaigns/${"x".repeat(3000)}`,
      "/campaigns/%E6%97%A5%F0%9F%99%82",
      "/s/..%2F..%2Fetc%2Fpasswd/confirm",
      "/invitations/%00",
    ]) {
      const response = await fetch(`${server.baseUrl}${path}`);
      expect(response.status, path).toBe(404);
      const page = await response.text();
      expect(page, path).toMatch(/No such campaign\.|This link is not valid|This invitation link is not valid|We could not find this page/);
    }
    const campaign = await fetch(`${server.baseUrl}/campaigns/${"x".repeat(3000)}`);
    expect(await campaign.text()).toContain("No such campaign.");
  });
});
