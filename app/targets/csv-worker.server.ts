// Parsing an uploaded CSV file on a worker thread, with a time and memory limit: csv-parse needs
// about 20 µs for each line whose column count differs from the header's (a file of 100,000 blank
// lines: 2 s), and that must not hold the process that serves everyone else.
import { Worker } from "node:worker_threads";
import { csvError, type csvOptions } from "~/targets/target-file";

/** A file that takes longer than this to parse is refused (a real 5 MB file takes a quarter second). */
export const CSV_PARSE_TIMEOUT_MS = 10_000;
/** Heap for the parse: a 5 MB file's rows take a few tens of megabytes. */
const CSV_PARSE_HEAP_MB = 256;

// Plain CommonJS evaluated by the worker: the server bundle's modules are not files it could load.
const workerSource = `
const { parentPort, workerData } = require("node:worker_threads");
const { parse } = require("csv-parse/sync");
try {
  parentPort.postMessage({ ok: true, rows: parse(workerData.content, workerData.options) });
} catch (error) {
  parentPort.postMessage({ ok: false, error: error instanceof Error ? error.message : String(error) });
}
`;

type Parsed = { ok: true; rows: string[][] } | { ok: false; error: string };

export function parseCsvOffThread(
  content: string,
  options: ReturnType<typeof csvOptions>,
  timeoutMs = CSV_PARSE_TIMEOUT_MS,
): Promise<Parsed> {
  return new Promise((resolve) => {
    const worker = new Worker(workerSource, {
      eval: true,
      workerData: { content, options },
      resourceLimits: { maxOldGenerationSizeMb: CSV_PARSE_HEAP_MB },
    });
    let settled = false;
    const finish = (result: Parsed) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      resolve(result);
    };
    const timer = setTimeout(
      () =>
        finish({
          ok: false,
          error: `The file took too long to read (over ${timeoutMs / 1000} s). Save it again as “CSV UTF-8” from your spreadsheet, or split it.`,
        }),
      timeoutMs,
    );
    worker.once("message", (message: { ok: true; rows: string[][] } | { ok: false; error: string }) =>
      finish(message.ok ? message : { ok: false, error: csvError(new Error(message.error)) }),
    );
    worker.once("error", (error) => finish({ ok: false, error: csvError(error) }));
    worker.once("exit", () =>
      finish({ ok: false, error: "The file could not be read: it needs more memory than a target file may take." }),
    );
  });
}
