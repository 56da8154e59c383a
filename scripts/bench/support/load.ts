// A closed-loop HTTP load generator for the benchmarks: a fixed number of clients, each posting one
// form after the other over its own keep-alive connection, for a warm-up and then a measured window.
// Only requests that start and end inside the window count for the rate and the latencies; every
// request counts for the totals (so nothing answered during the warm-up or the drain goes missing).
import http from "node:http";

export interface LoadOptions {
  host: string;
  /** Client k talks to ports[k % ports.length] (several server processes, one port each). */
  ports: number[];
  path: string;
  method?: "GET" | "POST";
  /** The form body of request number n (n counts from 0, unique over the run); none for GET. */
  body?: (n: number) => string;
  /** Extra request headers of client k (k counts from 0), e.g. its own X-Forwarded-For address. */
  headers?: (client: number) => Record<string, string>;
  /** Whether an answer is the success the benchmark expects. */
  isSuccess: (status: number, location: string | undefined) => boolean;
  concurrency: number;
  warmupMs: number;
  durationMs: number;
  /** A bound whatever the speed: no client starts request number maxRequests. */
  maxRequests: number;
  /** Called once when the measured window opens and once when it closes. */
  onWindow?: (edge: "start" | "end") => void;
}

export interface LoadResult {
  concurrency: number;
  /** The measured window: shorter than asked when the request bound ended the run early. */
  windowSeconds: number;
  /** Successes answered inside the measured window, per second. */
  successPerSecond: number;
  /** Latencies are of the requests that started and ended inside the window. */
  measured: { total: number; success: number };
  latencyMs: { p50: number; p90: number; p99: number; max: number; mean: number };
  /** Over the whole run: warm-up, window and drain. */
  total: { sent: number; success: number; failures: Record<string, number> };
  /** The first few unexpected answers, to say what went wrong. */
  samples: string[];
}

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}

export async function driveLoad(options: LoadOptions): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.concurrency, maxFreeSockets: options.concurrency });
  const latencies = new Float64Array(options.maxRequests);
  let measuredCount = 0;
  let measuredSuccess = 0;
  let windowSuccess = 0;
  let sent = 0;
  let success = 0;
  const failures: Record<string, number> = {};
  const samples: string[] = [];

  const start = performance.now();
  const windowStart = start + options.warmupMs;
  const windowEnd = windowStart + options.durationMs;
  let windowOpen = false;
  const openTimer = setTimeout(() => {
    windowOpen = true;
    options.onWindow?.("start");
  }, options.warmupMs);
  const closeTimer = setTimeout(() => options.onWindow?.("end"), options.warmupMs + options.durationMs);

  function send(
    port: number,
    body: string | undefined,
    extraHeaders: Record<string, string>,
  ): Promise<{ status: number; location: string | undefined; text: string }> {
    return new Promise((resolve, reject) => {
      const request = http.request(
        {
          host: options.host,
          port,
          path: options.path,
          method: options.method ?? "POST",
          agent,
          headers: {
            ...extraHeaders,
            ...(body === undefined
              ? {}
              : { "Content-Type": "application/x-www-form-urlencoded", "Content-Length": Buffer.byteLength(body) }),
          },
        },
        (response) => {
          const status = response.statusCode ?? 0;
          const location = response.headers.location;
          let text = "";
          // Keep a little of an unexpected answer; read (and drop) the rest so the connection is reused.
          response.on("data", (chunk: Buffer) => {
            if (status >= 400 && text.length < 300) text += chunk.toString("utf8");
          });
          response.on("end", () => resolve({ status, location, text }));
          response.on("error", reject);
        },
      );
      request.on("error", reject);
      if (body === undefined) request.end();
      else request.end(body);
    });
  }

  async function client(_: unknown, k: number) {
    const port = options.ports[k % options.ports.length]!;
    const extraHeaders = options.headers?.(k) ?? {};
    while (performance.now() < windowEnd && sent < options.maxRequests) {
      const n = sent++;
      const t0 = performance.now();
      let key: string;
      let ok = false;
      try {
        const answer = await send(port, options.body?.(n), extraHeaders);
        ok = options.isSuccess(answer.status, answer.location);
        key = ok ? "success" : `HTTP ${answer.status}${answer.location ? ` -> ${answer.location}` : ""}`;
        if (!ok && samples.length < 5) samples.push(`${key}: ${answer.text.replace(/\s+/g, " ").slice(0, 200)}`);
      } catch (error) {
        key = `error ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`;
        if (samples.length < 5) samples.push(key);
      }
      const t1 = performance.now();
      if (ok) success++;
      else failures[key] = (failures[key] ?? 0) + 1;
      if (ok && t1 >= windowStart && t1 <= windowEnd) windowSuccess++;
      if (windowOpen && t0 >= windowStart && t1 <= windowEnd) {
        latencies[measuredCount++] = t1 - t0;
        if (ok) measuredSuccess++;
      }
    }
  }

  await Promise.all(Array.from({ length: options.concurrency }, client));
  const finished = performance.now();
  clearTimeout(openTimer);
  clearTimeout(closeTimer);
  // The request bound can end the run before the window closes: the window ends with the last answer.
  if (finished < windowEnd) {
    if (!windowOpen) options.onWindow?.("start");
    options.onWindow?.("end");
  }
  agent.destroy();

  const windowSeconds = Math.max(0, Math.min(finished, windowEnd) - windowStart) / 1000;
  const sorted = latencies.slice(0, measuredCount).sort();
  let sum = 0;
  for (const l of sorted) sum += l;
  return {
    concurrency: options.concurrency,
    windowSeconds,
    successPerSecond: windowSuccess / windowSeconds,
    measured: { total: measuredCount, success: measuredSuccess },
    latencyMs: {
      p50: percentile(sorted, 50),
      p90: percentile(sorted, 90),
      p99: percentile(sorted, 99),
      max: sorted.length ? sorted[sorted.length - 1]! : NaN,
      mean: sorted.length ? sum / sorted.length : NaN,
    },
    total: { sent, success, failures },
    samples,
  };
}
