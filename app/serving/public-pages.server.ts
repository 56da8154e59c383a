// Public pages for anonymous visitors, rendered once every few seconds per address and served again
// from memory (server.ts asks here before anything else runs). What differs per response is filled in
// afresh each time: the Content-Security-Policy nonce (in the headers and the page) and every form
// stamp the page carries (each good for one submission). A page takes part only when its route says
// so (`handle: { publicPage: true }`, checked in app/entry.server.tsx, which marks the response) and
// the render had no visitor: no cookie or authorization in the request, no session user in the root
// data, no Set-Cookie in the answer, status 200. Nothing here knows what the pages contain.
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from "node:http";

/** Set by app/entry.server.tsx on a render that may be reused; never sent to the client. */
export const PUBLIC_PAGE_HEADER = "x-public-page";
/** Says whether an answer came from memory (`hit`) or was rendered (`miss`), for operators and tests. */
export const CACHE_STATUS_HEADER = "x-page-cache";

/** A form stamp as `formStamp()` makes it: time, random part, MAC. Checked with the key before use. */
const STAMP_PATTERN = /\b\d{10,16}\.[A-Za-z0-9_-]{12}\.[A-Za-z0-9_-]{22}\b/g;

// Headers that belong to one connection or one body, never replayed.
const NOT_REPLAYED = new Set(["date", "connection", "keep-alive", "transfer-encoding", "content-length", "etag", PUBLIC_PAGE_HEADER]);

interface Entry {
  /** Literal text and slots, alternating: [text, slot, text, slot, …, text]; a slot is "n" (nonce) or "s<i>" (stamp i). */
  parts: string[];
  stamps: number;
  /** Each header's values, each split on the nonce and stamps as the body is. */
  headers: Array<[string, string[][]]>;
  expiresAt: number;
  /** A request is re-rendering it: others keep getting this copy meanwhile. */
  refreshingSince: number | null;
}

export interface PublicPageCacheOptions {
  /** How long a render is reused; 0 turns the cache off. */
  seconds: number;
  /** Distinct addresses kept (crafted query strings cannot grow memory past this). */
  maxEntries?: number;
  nonce: () => string;
  stamp: () => string;
  /** True for a stamp this server signed: only those are replaced. */
  isStamp: (candidate: string) => boolean;
  now?: () => number;
}

function isAnonymousGet(req: IncomingMessage): boolean {
  return req.method === "GET" && req.headers.cookie === undefined && req.headers.authorization === undefined;
}

// The address as the app sees it: Host and the proxy's scheme change absolute links (share tags).
// The browser's languages pick the page's language (app/i18n): a German visitor's copy is not an
// English visitor's. (A ?lng= link is in the URL; a remembered choice is a cookie, never kept.)
function keyOf(req: IncomingMessage): string {
  const languages = String(req.headers["accept-language"] ?? "").slice(0, 200);
  return `${req.headers.host ?? ""}\n${String(req.headers["x-forwarded-proto"] ?? "")}\n${languages}\n${req.url ?? "/"}`;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

export function createPublicPageCache(options: PublicPageCacheOptions) {
  const maxEntries = options.maxEntries ?? 500;
  const now = options.now ?? Date.now;
  const entries = new Map<string, Entry>();
  const ttl = options.seconds * 1000;

  function fill(parts: string[], nonce: string, stamps: string[]): string {
    let out = "";
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i]!;
      if (i % 2 === 0) out += part;
      else out += part === "n" ? nonce : stamps[Number(part.slice(1))]!;
    }
    return out;
  }

  /** Splits a text on the nonce and the stamps into literal parts and slots. */
  function slotted(text: string, nonce: string, stamps: string[]): string[] {
    const alternatives = [escapeRegExp(nonce), ...stamps.map(escapeRegExp)].join("|");
    const pieces = text.split(new RegExp(`(${alternatives})`));
    return pieces.map((piece, i) => (i % 2 === 0 ? piece : piece === nonce ? "n" : `s${stamps.indexOf(piece)}`));
  }

  /**
   * Answers from memory when it can: true if it did. A missing or expired entry is left to the app
   * (which fills it again through `capture`); while one request re-renders an expired entry, the
   * others get the copy they would have got a moment earlier.
   */
  function serve(req: IncomingMessage, res: ServerResponse): boolean {
    if (ttl <= 0 || !isAnonymousGet(req)) return false;
    const key = keyOf(req);
    const entry = entries.get(key);
    if (!entry) return false;
    const at = now();
    if (at >= entry.expiresAt) {
      // A render that never came back (an error, a closed connection) does not hold the copy for long.
      if (entry.refreshingSince === null || at - entry.refreshingSince > Math.max(ttl, 10_000)) {
        entry.refreshingSince = at;
        return false;
      }
    }
    const nonce = options.nonce();
    const stamps = Array.from({ length: entry.stamps }, () => options.stamp());
    const body = fill(entry.parts, nonce, stamps);
    const headers: OutgoingHttpHeaders = {};
    for (const [name, values] of entry.headers) {
      const filled = values.map((v) => fill(v, nonce, stamps));
      headers[name] = filled.length === 1 ? filled[0] : filled;
    }
    headers["content-length"] = Buffer.byteLength(body);
    headers[CACHE_STATUS_HEADER] = "hit";
    res.writeHead(200, headers);
    res.end(body);
    return true;
  }

  /**
   * For a request the app is about to render: watches the answer and keeps it when the page may be
   * reused. `nonce` is the one this response was given. Always strips the marker header.
   */
  function capture(req: IncomingMessage, res: ServerResponse, nonce: string) {
    if (ttl <= 0 || !isAnonymousGet(req)) return;
    const key = keyOf(req);
    let headers: Array<[string, string[]]> | null = null;
    const chunks: Buffer[] = [];
    const writeHead = res.writeHead;
    const write = res.write;
    const end = res.end;
    const original = () => {
      res.writeHead = writeHead;
      res.write = write;
      res.end = end;
    };
    const release = () => {
      const entry = entries.get(key);
      if (entry) entry.refreshingSince = null;
    };
    res.writeHead = function (this: ServerResponse, ...args: Parameters<ServerResponse["writeHead"]>) {
      const marked = res.hasHeader(PUBLIC_PAGE_HEADER);
      res.removeHeader(PUBLIC_PAGE_HEADER);
      const status = args[0];
      const type = String(res.getHeader("content-type") ?? "");
      if (marked && status === 200 && !res.hasHeader("set-cookie") && type.startsWith("text/html") && typeof args[1] !== "object") {
        headers = Object.entries(res.getHeaders()).flatMap(([name, value]): Array<[string, string[]]> =>
          value === undefined || NOT_REPLAYED.has(name) ? [] : [[name, Array.isArray(value) ? value : [String(value)]]],
        );
        res.setHeader(CACHE_STATUS_HEADER, "miss");
      }
      return writeHead.apply(this, args);
    } as ServerResponse["writeHead"];
    // Chunks are kept only after writeHead (called by the first write) found a page to keep:
    // everything else (static files, redirects) streams through untouched.
    res.write = function (this: ServerResponse, chunk: unknown, ...rest: unknown[]) {
      const result = (write as (...a: unknown[]) => boolean).call(this, chunk, ...rest);
      keep(chunk, rest[0]);
      return result;
    } as ServerResponse["write"];
    res.end = function (this: ServerResponse, chunk?: unknown, ...rest: unknown[]) {
      original();
      const result = (end as (...a: unknown[]) => ServerResponse).call(this, chunk, ...rest);
      keep(chunk, rest[0]);
      store();
      return result;
    } as ServerResponse["end"];
    res.once("close", () => {
      original();
      release();
    });

    function keep(chunk: unknown, encoding: unknown) {
      if (!headers || chunk === undefined || chunk === null || typeof chunk === "function") return;
      if (typeof chunk === "string") chunks.push(Buffer.from(chunk, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8"));
      else if (chunk instanceof Uint8Array) chunks.push(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
    }

    function store() {
      if (!headers || res.statusCode !== 200) return release();
      const body = Buffer.concat(chunks).toString("utf8");
      const stamps = [...new Set(body.match(STAMP_PATTERN) ?? [])].filter(options.isStamp);
      const entry: Entry = {
        parts: slotted(body, nonce, stamps),
        stamps: stamps.length,
        headers: headers.map(([name, values]) => [name, values.map((v) => slotted(v, nonce, stamps))]),
        expiresAt: now() + ttl,
        refreshingSince: null,
      };
      entries.delete(key);
      // Oldest first out: a Map iterates in insertion order.
      while (entries.size >= maxEntries) entries.delete(entries.keys().next().value!);
      entries.set(key, entry);
    }
  }

  return { serve, capture, size: () => entries.size, clear: () => entries.clear() };
}
