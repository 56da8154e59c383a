// Request body size limits, applied in server.ts before Remix reads anything: a declared length over
// the limit is answered 413 at once, and a chunked body is counted as it streams and cut at the limit.
import type { IncomingMessage, ServerResponse } from "node:http";
import { MAX_SCAN_BYTES } from "~/responses/response.server";
import { MAX_IMPORT_BYTES } from "~/targets/target-file";

/**
 * Forms: the longest field is 20,000 characters of letter text; percent-encoded, a character of a
 * non-Latin script takes up to 9 bytes, so 256 KB holds the largest honest form with room to spare.
 */
export const FORM_BODY_LIMIT = 256 * 1024;
/**
 * A supporter's letters, all in one form: up to 30 letters of 8,000 characters each. Latin text
 * fits easily; a form this size in a non-Latin script is over it, and gets the 413 that says so.
 */
export const SUPPORTER_LETTERS_BODY_LIMIT = 1024 * 1024;
/** Resend's events are a few kilobytes (an inbound email's event carries only its headers). */
export const WEBHOOK_BODY_LIMIT = 1024 * 1024;
/** Uploads: the file's own limit (target files, scanned answers) plus 1 MB for the other fields. */
export const UPLOAD_BODY_LIMIT = Math.max(MAX_IMPORT_BYTES, MAX_SCAN_BYTES) + 1024 * 1024;

const uploadPaths = [/^\/admin\/targets\/import\/?$/, /^\/admin\/letters\/[^/]+\/responses\/new\/?$/];

/** The largest body this path accepts, in bytes. */
export function bodyLimitFor(path: string): number {
  if (path.startsWith("/webhooks/")) return WEBHOOK_BODY_LIMIT;
  if (uploadPaths.some((pattern) => pattern.test(path))) return UPLOAD_BODY_LIMIT;
  if (/^\/campaigns\/[^/]+\/write\/?$/.test(path)) return SUPPORTER_LETTERS_BODY_LIMIT;
  return FORM_BODY_LIMIT;
}

function tooLargeMessage(limit: number): string {
  const size = limit >= 1024 * 1024 ? `${Math.round(limit / 1024 / 1024)} MB` : `${Math.round(limit / 1024)} KB`;
  return `What was sent is larger than this page accepts (${size}). Go back, shorten the text or choose a smaller file, and send it again.`;
}

/**
 * How long a connection stays open after a 413 while the rest of the body arrives. Node drops what
 * comes after the answer; closing at once with data still coming in makes the kernel reset the
 * connection, and a client still sending can lose the 413 page that was already on its way.
 */
export const LINGER_MS = 5_000;

function refuse(req: IncomingMessage, res: ServerResponse, limit: number) {
  const message = tooLargeMessage(limit);
  res.statusCode = 413;
  if ((req.headers.accept ?? "").includes("text/html")) {
    res.setHeader("Content-Type", "text/html; charset=utf-8");
    res.end(
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Too large: Solidarity letters</title><meta name="viewport" content="width=device-width, initial-scale=1"></head><body><main><h1>Too large to send</h1><p>${message}</p><p><a href="/">Solidarity letters</a></p></main></body></html>`,
    );
  } else {
    res.setHeader("Content-Type", "text/plain; charset=utf-8");
    res.end(message);
  }
}

/** Closes the connection if the refused body is still coming in LINGER_MS after the answer went out. */
function closeAfterLinger(req: IncomingMessage, res: ServerResponse) {
  const linger = () => {
    if (req.complete) return;
    const socket = req.socket;
    const timer = setTimeout(() => {
      if (!req.complete) socket.destroy();
    }, LINGER_MS);
    timer.unref();
    socket.once("close", () => clearTimeout(timer));
  };
  if (res.writableFinished) linger();
  else res.once("finish", linger);
}

export class BodyTooLargeError extends Error {
  override name = "BodyTooLargeError";
  constructor(readonly limit: number) {
    super(`Request body over ${limit} bytes.`);
  }
}

/** True for the error of a body cut at its limit, also one made by another copy of this module (server.ts's, the build's). */
export function isBodyTooLarge(error: unknown): boolean {
  return error instanceof Error && error.name === "BodyTooLargeError";
}

/**
 * Middleware (express or plain node:http): refuses a body over its path's limit before it is read.
 * For a chunked body it counts the bytes as the parser hands them to the request stream; past the
 * limit it answers 413 and fails the request stream at once, so a handler already reading it fails
 * instead of acting on a truncated form. The connection takes in and drops the rest (LINGER_MS).
 */
export function limitBody(req: IncomingMessage & { path?: string }, res: ServerResponse, next: () => void) {
  if (req.method === "GET" || req.method === "HEAD" || req.method === "OPTIONS") return next();
  const limit = bodyLimitFor(req.path ?? new URL(req.url ?? "/", "http://localhost").pathname);
  const declared = req.headers["content-length"];
  if (declared !== undefined) {
    const length = Number(declared);
    if (!Number.isSafeInteger(length) || length < 0 || length > limit) {
      refuse(req, res, limit);
      closeAfterLinger(req, res);
      return;
    }
    // Node's parser never hands over more than the declared length.
    return next();
  }
  let received = 0;
  let cut = false;
  const push = req.push.bind(req);
  req.push = (chunk: unknown, encoding?: BufferEncoding) => {
    // Past the limit every byte is dropped, and the socket keeps being read (no back-pressure).
    if (cut) return true;
    if (chunk !== null && chunk !== undefined) {
      received += Buffer.isBuffer(chunk) || chunk instanceof Uint8Array ? chunk.byteLength : Buffer.byteLength(String(chunk));
      if (received > limit) {
        cut = true;
        bodiesCut.add(res);
        if (!res.headersSent) refuse(req, res, limit);
        closeAfterLinger(req, res);
        // The stream fails for whoever reads it, while the connection stays up for the answer (by
        // default destroying a request destroys its socket). As node does, an error no one listens
        // for is not raised.
        req._destroy = (error, callback) => callback(req.listenerCount("error") > 0 ? error : null);
        req.destroy(new BodyTooLargeError(limit));
        // The parser pauses the socket while the stream's reader is behind; no one reads it now.
        req.socket.resume();
        return true;
      }
    }
    return push(chunk, encoding);
  };
  next();
}

const bodiesCut = new WeakSet<ServerResponse>();

/** True when limitBody has already answered this response (the handler's own answer is dropped). */
export function bodyWasCut(res: ServerResponse): boolean {
  return bodiesCut.has(res);
}
