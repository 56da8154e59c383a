// A local HTTP stand-in of the Resend email API, for tests and benchmarks.
//
// The real `resend` SDK works against it unchanged: `new Resend("re_...", { baseUrl: standIn.url })`
// or `process.env.RESEND_BASE_URL = standIn.url` before constructing the client.
//
// What it serves (all need `Authorization: Bearer re_...`):
//   POST /emails                 -> 200 { id }
//   POST /emails/batch           -> 200 { data: [{ id }, ...] }   (permissive mode adds `errors`)
//   GET  /emails/receiving/:id   -> 200 the inbound message added with addReceivedEmail()
//   GET  /emails/receiving       -> 200 { object: "list", has_more: false, data: [...] }
// Errors are Resend-shaped JSON, `{ statusCode, name, message }`, which the SDK hands back as
// `result.error` as they are.
import { createHash, randomUUID } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";

export interface AcceptedEmail {
  id: string;
  from: string;
  to: string[];
  subject: string;
  html?: string;
  text?: string;
  reply_to?: string[] | string;
  headers?: Record<string, string>;
  tags?: { name: string; value: string }[];
  idempotencyKey: string | null;
  receivedAt: number;
}

export interface StandInOptions {
  /** Requests a second accepted before answering 429 (sliding 1 s window, like Resend's per-team limit). Default: unlimited. */
  requestsPerSecond?: number;
  /** Delay before each answer, ms. Default 0. */
  delayMs?: number;
  port?: number; // default 0 = free port on 127.0.0.1
}

export type StandInFailure =
  { status: 429; retryAfterSeconds: number } | { status: 500 | 502 | 503 } | { status: 422; message?: string } | { dropConnection: true };

export interface ReceivedEmailInput {
  id: string;
  from: string;
  to: string[];
  subject: string;
  text?: string;
  html?: string;
  headers?: Record<string, string>;
  message_id?: string;
}

export interface StandInRequest {
  method: string;
  /** Path without the query string. */
  path: string;
  /** Status answered; 0 when the connection was dropped (failNext dropConnection). */
  status: number;
  idempotencyKey: string | null;
  /** Date.now() when the request was received. */
  at: number;
  /** Emails in the request body (1 for POST /emails, the array length for a batch, 0 otherwise). */
  emails: number;
}

export interface ResendStandIn {
  url: string; // e.g. "http://127.0.0.1:43125"
  accepted: AcceptedEmail[]; // every email accepted, in order; an idempotent replay is NOT added again
  requests: StandInRequest[];
  /** The next `count` requests (to /emails or /emails/batch) get this answer instead of being processed. */
  failNext(count: number, failure: StandInFailure): void;
  setDelay(ms: number): void;
  /** Inbound messages served by GET /emails/receiving/:id */
  addReceivedEmail(email: ReceivedEmailInput): void;
  stop(): Promise<void>;
}

interface Answer {
  status: number;
  body: string;
  headers: Record<string, string>;
}

interface IdempotencyEntry {
  hash: string;
  /** Still being answered: a second request with the key gets 409 concurrent_idempotent_requests. */
  pending: boolean;
  answer: Answer;
}

interface StoredInbound {
  input: ReceivedEmailInput;
  createdAt: string;
}

const MAX_BODY_BYTES = 40 * 1024 * 1024; // Resend's limit on a request, attachments included
const MAX_RECIPIENTS = 50;
const MAX_BATCH = 100;
const WINDOW_MS = 1000;

function errorBody(statusCode: number, name: string, message: string): string {
  return JSON.stringify({ statusCode, name, message });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** JSON with sorted keys, so that a payload rebuilt in another key order hashes the same. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (isRecord(value)) {
    const keys = Object.keys(value)
      .filter((k) => value[k] !== undefined)
      .sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

// `a@b.c` or `Name <a@b.c>`, as Resend accepts them.
const ADDRESS = /^(?:[^<>]*<\s*[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+\s*>|[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+)$/;

function isAddress(value: unknown): value is string {
  return typeof value === "string" && ADDRESS.test(value.trim());
}

/** Validates one email of /emails or /emails/batch; returns an error message or the parsed email. */
function validateEmail(
  raw: unknown,
  inBatch: boolean,
): { error: string } | { email: Omit<AcceptedEmail, "id" | "idempotencyKey" | "receivedAt"> } {
  if (!isRecord(raw)) return { error: "The email must be a JSON object." };
  const { from, to, subject, html, text, reply_to, headers, tags } = raw;
  if (from === undefined || from === null || from === "") return { error: "Missing `from` field." };
  if (!isAddress(from)) {
    return {
      error: "Invalid `from` field. The email address needs to follow the `email@example.com` or `Name <email@example.com>` format.",
    };
  }
  if (to === undefined || to === null || (Array.isArray(to) && to.length === 0) || to === "") {
    return { error: "Missing `to` field." };
  }
  const toList = Array.isArray(to) ? to : [to];
  if (toList.length > MAX_RECIPIENTS) return { error: `Too many recipients in \`to\`: at most ${MAX_RECIPIENTS}.` };
  if (!toList.every(isAddress)) {
    return { error: "Invalid `to` field. The email address needs to follow the `email@example.com` or `Name <email@example.com>` format." };
  }
  if (typeof subject !== "string" || subject === "") return { error: "Missing `subject` field." };
  if (html !== undefined && typeof html !== "string") return { error: "Invalid `html` field: it must be a string." };
  if (text !== undefined && typeof text !== "string") return { error: "Invalid `text` field: it must be a string." };
  if ((html === undefined || html === "") && (text === undefined || text === "")) {
    return { error: "Missing `html` or `text` field." };
  }
  if (reply_to !== undefined) {
    const list = Array.isArray(reply_to) ? reply_to : [reply_to];
    if (!list.every(isAddress)) return { error: "Invalid `reply_to` field." };
  }
  if (headers !== undefined && (!isRecord(headers) || !Object.values(headers).every((v) => typeof v === "string"))) {
    return { error: "Invalid `headers` field: it must be an object of strings." };
  }
  if (
    tags !== undefined &&
    (!Array.isArray(tags) ||
      !tags.every(
        (t) =>
          isRecord(t) &&
          typeof t.name === "string" &&
          /^[A-Za-z0-9_-]{1,256}$/.test(t.name) &&
          typeof t.value === "string" &&
          /^[A-Za-z0-9_-]{0,256}$/.test(t.value),
      ))
  ) {
    return { error: "Invalid `tags` field: names and values can only contain ASCII letters, numbers, underscores or dashes." };
  }
  if (inBatch && raw.attachments !== undefined) return { error: "Attachments are not supported in the batch endpoint." };
  if (inBatch && raw.scheduled_at !== undefined) return { error: "`scheduled_at` is not supported in the batch endpoint." };

  const email: Omit<AcceptedEmail, "id" | "idempotencyKey" | "receivedAt"> = {
    from,
    to: toList as string[],
    subject,
  };
  if (html !== undefined) email.html = html;
  if (text !== undefined) email.text = text;
  if (reply_to !== undefined) email.reply_to = reply_to as string[] | string;
  if (headers !== undefined) email.headers = headers as Record<string, string>;
  if (tags !== undefined) email.tags = tags as { name: string; value: string }[];
  return { email };
}

function readBody(req: http.IncomingMessage): Promise<string | null> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on("end", () => resolve(tooLarge ? null : Buffer.concat(chunks).toString("utf8")));
    req.on("error", () => resolve(null));
  });
}

export async function startResendStandIn(options: StandInOptions = {}): Promise<ResendStandIn> {
  const limit = options.requestsPerSecond;
  if (limit !== undefined && !(Number.isInteger(limit) && limit > 0)) {
    throw new Error("requestsPerSecond must be a positive integer");
  }
  let delayMs = Math.max(0, options.delayMs ?? 0);

  const accepted: AcceptedEmail[] = [];
  const requests: StandInRequest[] = [];
  const failures: StandInFailure[] = [];
  const idempotency = new Map<string, IdempotencyEntry>();
  const inbound = new Map<string, StoredInbound>();
  const timers = new Set<NodeJS.Timeout>();

  // Sliding window: times of the requests let through in the last second.
  const windowTimes: number[] = [];
  let windowHead = 0;
  function pruneWindow(now: number): void {
    while (windowHead < windowTimes.length && (windowTimes[windowHead] as number) <= now - WINDOW_MS) windowHead++;
    if (windowHead > 1024 && windowHead * 2 > windowTimes.length) {
      windowTimes.splice(0, windowHead);
      windowHead = 0;
    }
  }
  function rateHeaders(now: number): Record<string, string> {
    if (limit === undefined) return {};
    const used = windowTimes.length - windowHead;
    const oldest = windowTimes[windowHead];
    const reset = oldest === undefined ? 1 : Math.max(1, Math.ceil((oldest + WINDOW_MS - now) / 1000));
    return {
      "ratelimit-limit": String(limit),
      "ratelimit-remaining": String(Math.max(0, limit - used)),
      "ratelimit-reset": String(reset),
    };
  }

  function json(status: number, body: string, headers: Record<string, string> = {}): Answer {
    return { status, body, headers };
  }

  /** Sends an answer after the current delay; `then` runs once it is written (or the client is gone). */
  function answerLater(res: http.ServerResponse, answer: Answer | "drop", then?: () => void): void {
    const send = () => {
      if (answer === "drop") {
        res.socket?.destroy();
      } else if (!res.destroyed && !res.writableEnded) {
        const body = Buffer.from(answer.body, "utf8");
        res.writeHead(answer.status, {
          "content-type": "application/json; charset=utf-8",
          "content-length": String(body.length),
          ...answer.headers,
        });
        res.end(body);
      }
      then?.();
    };
    const ms = delayMs;
    if (ms <= 0) {
      send();
      return;
    }
    const timer = setTimeout(() => {
      timers.delete(timer);
      send();
    }, ms);
    timers.add(timer);
  }

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    res.on("error", () => {});
    const at = Date.now();
    const method = req.method ?? "GET";
    const rawUrl = req.url ?? "/";
    const q = rawUrl.indexOf("?");
    const path = (q === -1 ? rawUrl : rawUrl.slice(0, q)).replace(/\/+$/, "") || "/";
    const keyHeader = req.headers["idempotency-key"];
    const idempotencyKey = typeof keyHeader === "string" ? keyHeader : Array.isArray(keyHeader) ? (keyHeader[0] ?? null) : null;

    const bodyText = await readBody(req);
    const isSend = path === "/emails" || path === "/emails/batch";
    let parsed: unknown = undefined;
    let parseFailed = false;
    if (isSend && method === "POST" && bodyText !== null) {
      try {
        parsed = JSON.parse(bodyText);
      } catch {
        parseFailed = true;
      }
    }
    const emailsInBody = !isSend || parsed === undefined ? 0 : Array.isArray(parsed) ? parsed.length : isRecord(parsed) ? 1 : 0;

    const record = (status: number) => {
      requests.push({ method, path, status, idempotencyKey, at, emails: emailsInBody });
    };
    const finish = (answer: Answer | "drop", then?: () => void) => {
      record(answer === "drop" ? 0 : answer.status);
      answerLater(res, answer, then);
    };

    // 1. Authentication.
    const auth = req.headers.authorization;
    if (!auth || !/^Bearer\s+\S/i.test(auth)) {
      return finish(
        json(
          401,
          errorBody(
            401,
            "missing_api_key",
            "Missing API key in the authorization header. Include the following header: Authorization: Bearer YOUR_API_KEY",
          ),
        ),
      );
    }
    const token = auth.replace(/^Bearer\s+/i, "").trim();
    if (!/^re_[A-Za-z0-9_-]+$/.test(token)) {
      return finish(json(403, errorBody(403, "invalid_api_key", "API key is invalid")));
    }

    // 2. Routing.
    const receivingMatch = /^\/emails\/receiving(?:\/([^/]+))?$/.exec(path);
    if (!isSend && !receivingMatch) {
      return finish(json(404, errorBody(404, "not_found", "The requested endpoint does not exist.")));
    }
    if ((isSend && method !== "POST") || (receivingMatch && method !== "GET")) {
      return finish(json(405, errorBody(405, "method_not_allowed", "Method is not allowed for the requested path.")));
    }

    // 3. Injected failures (send endpoints only), before anything is processed.
    if (isSend) {
      const failure = failures.shift();
      if (failure) {
        if ("dropConnection" in failure) return finish("drop");
        if (failure.status === 429) {
          const headers: Record<string, string> = {
            "retry-after": String(failure.retryAfterSeconds),
            "ratelimit-remaining": "0",
            "ratelimit-reset": String(failure.retryAfterSeconds),
          };
          if (limit !== undefined) headers["ratelimit-limit"] = String(limit);
          return finish(
            json(
              429,
              errorBody(429, "rate_limit_exceeded", "Too many requests. See rate limit response headers for more information."),
              headers,
            ),
          );
        }
        if (failure.status === 422) {
          return finish(json(422, errorBody(422, "validation_error", failure.message ?? "Injected validation error.")));
        }
        return finish(
          json(failure.status, errorBody(failure.status, "internal_server_error", "An unexpected error occurred, please try again later.")),
        );
      }
    }

    // 4. Rate limit: a sliding one-second window over the requests let through.
    const now = Date.now();
    if (limit !== undefined) {
      pruneWindow(now);
      if (windowTimes.length - windowHead >= limit) {
        const headers = rateHeaders(now);
        headers["retry-after"] = headers["ratelimit-reset"] ?? "1";
        return finish(
          json(
            429,
            errorBody(
              429,
              "rate_limit_exceeded",
              `Too many requests. You can only make ${limit} requests per second. See rate limit response headers for more information. Or contact support to increase rate limit.`,
            ),
            headers,
          ),
        );
      }
      windowTimes.push(now);
    }
    const okHeaders = rateHeaders(now);

    // 5. Inbound mail.
    if (receivingMatch) {
      const id = receivingMatch[1];
      if (id === undefined) {
        const data = [...inbound.values()].reverse().map(({ input, createdAt }) => ({
          id: input.id,
          to: input.to,
          from: input.from,
          created_at: createdAt,
          subject: input.subject,
          bcc: null,
          cc: null,
          reply_to: null,
          received_for: input.to,
          message_id: input.message_id ?? `<${input.id}@stand-in.resend.local>`,
          attachments: [],
        }));
        return finish(json(200, JSON.stringify({ object: "list", has_more: false, data }), okHeaders));
      }
      const stored = inbound.get(decodeURIComponent(id));
      if (!stored) return finish(json(404, errorBody(404, "not_found", "Email not found"), okHeaders));
      const { input, createdAt } = stored;
      return finish(
        json(
          200,
          JSON.stringify({
            object: "email",
            id: input.id,
            to: input.to,
            from: input.from,
            created_at: createdAt,
            subject: input.subject,
            bcc: null,
            cc: null,
            reply_to: null,
            received_for: input.to,
            html: input.html ?? null,
            text: input.text ?? null,
            headers: input.headers ?? null,
            message_id: input.message_id ?? `<${input.id}@stand-in.resend.local>`,
            raw: null,
            attachments: [],
          }),
          okHeaders,
        ),
      );
    }

    // 6. Sending: body, idempotency, validation, accept.
    if (bodyText === null) return finish(json(413, errorBody(413, "validation_error", "The request body is too large."), okHeaders));
    if (parseFailed) return finish(json(422, errorBody(422, "validation_error", "The request body is not valid JSON."), okHeaders));

    if (idempotencyKey !== null && (idempotencyKey.length < 1 || idempotencyKey.length > 256)) {
      return finish(json(400, errorBody(400, "invalid_idempotency_key", "The key must be between 1-256 chars."), okHeaders));
    }
    let hash = "";
    if (idempotencyKey !== null) {
      hash = createHash("sha256").update(path).update("\n").update(canonical(parsed)).digest("hex");
      const entry = idempotency.get(idempotencyKey);
      if (entry) {
        if (entry.hash !== hash) {
          return finish(
            json(
              409,
              errorBody(
                409,
                "invalid_idempotent_request",
                "Same idempotency key used with a different request payload. Change your idempotency key or payload.",
              ),
              okHeaders,
            ),
          );
        }
        if (entry.pending) {
          return finish(
            json(
              409,
              errorBody(
                409,
                "concurrent_idempotent_requests",
                "Same idempotency key used while original request is still in progress. Try the request again later.",
              ),
              okHeaders,
            ),
          );
        }
        // Replay: the stored answer, with fresh rate-limit headers, nothing accepted again.
        return finish({ ...entry.answer, headers: okHeaders });
      }
    }

    const batch = path === "/emails/batch";
    const items: unknown[] = batch ? (Array.isArray(parsed) ? parsed : []) : [parsed];
    if (batch) {
      if (!Array.isArray(parsed)) {
        return finish(json(422, errorBody(422, "validation_error", "The batch body must be a JSON array of emails."), okHeaders));
      }
      if (parsed.length === 0)
        return finish(json(422, errorBody(422, "validation_error", "The batch must contain at least 1 email."), okHeaders));
      if (parsed.length > MAX_BATCH) {
        return finish(
          json(
            422,
            errorBody(422, "validation_error", `Too many emails in the batch: at most ${MAX_BATCH}, got ${parsed.length}.`),
            okHeaders,
          ),
        );
      }
    }
    const permissive = batch && String(req.headers["x-batch-validation"] ?? "strict").toLowerCase() === "permissive";

    const valid: { index: number; email: Omit<AcceptedEmail, "id" | "idempotencyKey" | "receivedAt"> }[] = [];
    const errors: { index: number; message: string }[] = [];
    for (let i = 0; i < items.length; i++) {
      const result = validateEmail(items[i], batch);
      if ("error" in result) {
        if (!permissive) {
          const message = batch ? `emails[${i}]: ${result.error}` : result.error;
          return finish(json(422, errorBody(422, "validation_error", message), okHeaders));
        }
        errors.push({ index: i, message: result.error });
      } else {
        valid.push({ index: i, email: result.email });
      }
    }

    // Accept first (as a real server would have), then wait, then answer.
    const receivedAt = Date.now();
    const ids: { id: string }[] = [];
    for (const { email } of valid) {
      const id = randomUUID();
      accepted.push({ id, ...email, idempotencyKey, receivedAt });
      ids.push({ id });
    }
    let body: string;
    if (!batch) body = JSON.stringify(ids[0]);
    else if (permissive) body = JSON.stringify({ data: ids, errors });
    else body = JSON.stringify({ data: ids });
    const answer = json(200, body, okHeaders);

    if (idempotencyKey === null) return finish(answer);
    const entry: IdempotencyEntry = { hash, pending: true, answer };
    idempotency.set(idempotencyKey, entry);
    finish(answer, () => {
      entry.pending = false;
    });
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      // Never console.error here: the project's test setup fails any test that logs an error.
      if (!res.headersSent && !res.destroyed) {
        const message = error instanceof Error ? error.message : String(error);
        res.writeHead(500, { "content-type": "application/json" });
        res.end(errorBody(500, "internal_server_error", `Stand-in failure: ${message}`));
      }
    });
  });
  server.keepAliveTimeout = 5_000;
  server.on("clientError", (_error, socket) => socket.destroy());

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;

  let stopped: Promise<void> | null = null;
  return {
    url: `http://127.0.0.1:${port}`,
    accepted,
    requests,
    failNext(count, failure) {
      if (!Number.isInteger(count) || count < 0) throw new Error("failNext: count must be a non-negative integer");
      for (let i = 0; i < count; i++) failures.push(failure);
    },
    setDelay(ms) {
      delayMs = Math.max(0, ms);
    },
    addReceivedEmail(email) {
      inbound.set(email.id, { input: { ...email, to: [...email.to] }, createdAt: new Date().toISOString() });
    },
    stop() {
      stopped ??= new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        timers.clear();
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return stopped;
    },
  };
}
