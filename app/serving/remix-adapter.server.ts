// Express ↔ Remix: the web Request a Remix handler reads, made from Express's request, and its
// Response written back. As @remix-run/express 2.17 does it (its createRequestHandler builds one
// handler for one build; server.ts picks a handler per route chain, see route-chains.server.ts,
// and that package does not export these two steps).
import { createReadableStreamFromReadable, writeReadableStreamToWritable } from "@remix-run/node";
import type { Request as ExpressRequest, Response as ExpressResponse } from "express";

function headersOf(requestHeaders: ExpressRequest["headers"]): Headers {
  const headers = new Headers();
  for (const [key, values] of Object.entries(requestHeaders)) {
    if (!values) continue;
    if (Array.isArray(values)) for (const value of values) headers.append(key, value);
    else headers.set(key, values);
  }
  return headers;
}

// A form post with a declared length (every form of the app; body-limit.server.ts has already held
// it to its limit) is read whole before Remix runs: a web stream over Node's stream costs more than
// the form itself. Uploads (multipart) and bodies of unknown length stream as before.
const FORM_TYPE = /^application\/x-www-form-urlencoded\s*(;|$)/i;

function readWhole(req: ExpressRequest): Promise<Uint8Array<ArrayBuffer>> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(new Uint8Array(Buffer.concat(chunks))));
    req.on("error", reject);
    req.on("close", () => (req.complete ? undefined : reject(new Error("The request was aborted before its body arrived."))));
  });
}

export async function remixRequest(req: ExpressRequest, res: ExpressResponse): Promise<Request> {
  // req.hostname has no port (and respects "trust proxy"): the port comes from X-Forwarded-Host or Host.
  const [, forwardedPort] = req.get("X-Forwarded-Host")?.split(":") ?? [];
  const [, hostPort] = req.get("host")?.split(":") ?? [];
  const forwarded = Number.parseInt(forwardedPort ?? "", 10);
  const own = Number.parseInt(hostPort ?? "", 10);
  const port = Number.isSafeInteger(forwarded) ? forwarded : Number.isSafeInteger(own) ? own : "";
  const url = new URL(`${req.protocol}://${req.hostname}${port ? `:${port}` : ""}${req.originalUrl}`);
  let controller: AbortController | null = new AbortController();
  const init: RequestInit & { duplex?: "half" } = { method: req.method, headers: headersOf(req.headers), signal: controller.signal };
  // Loaders and actions are aborted when the answer can no longer be written (`close` before `finish`).
  res.on("finish", () => (controller = null));
  res.on("close", () => controller?.abort());
  if (req.method !== "GET" && req.method !== "HEAD") {
    if (req.headers["content-length"] !== undefined && FORM_TYPE.test(req.headers["content-type"] ?? "")) {
      init.body = await readWhole(req);
    } else {
      init.body = createReadableStreamFromReadable(req);
      init.duplex = "half";
    }
  }
  return new Request(url.href, init);
}

export async function sendRemixResponse(res: ExpressResponse, response: Response): Promise<void> {
  res.statusMessage = response.statusText;
  res.status(response.status);
  for (const [key, value] of response.headers.entries()) res.append(key, value);
  if (/text\/event-stream/i.test(response.headers.get("Content-Type") ?? "")) res.flushHeaders();
  if (response.body) await writeReadableStreamToWritable(response.body, res);
  else res.end();
}
