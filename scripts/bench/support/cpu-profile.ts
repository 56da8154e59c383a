// Reads a V8 .cpuprofile (node --cpu-prof) and says where the time went: by part of the stack
// (Prisma, React, Remix, Express, SQLite, crypto, ...), by function (self time), and the total time
// spent under a few functions of interest (inclusive), optionally only inside a time window.
import fs from "node:fs";

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** The part of the stack a frame belongs to, from its file. */
export function categoryOf(frame: CallFrame): string {
  const url = frame.url;
  const name = frame.functionName;
  if (name === "(idle)") return "idle";
  if (name === "(garbage collector)") return "garbage collector";
  if (name === "(program)") return "(program: native, not attributed)";
  if (!url) return name.startsWith("(") ? name : `native: ${name || "(anonymous)"}`;
  const pkg = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/)?.[1];
  if (pkg) {
    if (pkg === "@prisma/client" && /query_compiler|wasm/.test(url)) return "@prisma/client (query compiler, wasm)";
    return pkg;
  }
  if (url.startsWith("node:")) return `node: ${url.slice(5).split("/")[0]}`;
  if (url.startsWith("wasm://")) return "wasm";
  if (/\/build\/index\.js$/.test(url)) return "app (Remix server build)";
  if (/\/app\/generated\//.test(url)) return "app/generated (Prisma client)";
  if (/\/server\.ts$/.test(url)) return "server.ts";
  return url.replace(/^file:\/\//, "").replace(process.cwd() + "/", "");
}

export interface ProfileSummary {
  sampledMs: number;
  busyMs: number;
  categories: Array<{ name: string; ms: number }>;
  functions: Array<{ name: string; ms: number }>;
  inclusive: Array<{ name: string; ms: number }>;
}

/**
 * @param window monotonic microseconds (process.hrtime.bigint() / 1000n, the clock V8's profile uses):
 *   only samples inside it count
 * @param interesting function names whose inclusive time to report ("name" or "name@file-part")
 */
export function summariseProfile(file: string, options: { window?: [number, number]; interesting?: string[] } = {}): ProfileSummary {
  const profile = JSON.parse(fs.readFileSync(file, "utf8")) as CpuProfile;
  const byId = new Map<number, ProfileNode>();
  const parent = new Map<number, number>();
  for (const node of profile.nodes) {
    byId.set(node.id, node);
    for (const child of node.children ?? []) parent.set(child, node.id);
  }
  const selfByCategory = new Map<string, number>();
  const selfByFunction = new Map<string, number>();
  const inclusive = new Map<string, number>();
  const interesting = options.interesting ?? [];
  let sampled = 0;
  let idle = 0;
  let t = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    const delta = profile.timeDeltas[i] ?? 0;
    t += delta;
    if (options.window && (t < options.window[0] || t > options.window[1])) continue;
    const node = byId.get(profile.samples[i]!)!;
    const ms = delta / 1000;
    sampled += ms;
    const category = categoryOf(node.callFrame);
    if (category === "idle") idle += ms;
    selfByCategory.set(category, (selfByCategory.get(category) ?? 0) + ms);
    const fn = `${node.callFrame.functionName || "(anonymous)"} ${category === "idle" ? "" : `[${shortUrl(node.callFrame)}]`}`;
    selfByFunction.set(fn, (selfByFunction.get(fn) ?? 0) + ms);
    if (interesting.length) {
      const seen = new Set<string>();
      for (let id: number | undefined = node.id; id !== undefined; id = parent.get(id)) {
        const frame = byId.get(id)!.callFrame;
        for (const wanted of interesting) {
          const [name, filePart] = wanted.split("@");
          if (frame.functionName === name && (!filePart || frame.url.includes(filePart)) && !seen.has(wanted)) {
            seen.add(wanted);
            inclusive.set(wanted, (inclusive.get(wanted) ?? 0) + ms);
          }
        }
      }
    }
  }
  const sortDesc = (m: Map<string, number>) => [...m].map(([name, ms]) => ({ name, ms })).sort((a, b) => b.ms - a.ms);
  return {
    sampledMs: sampled,
    busyMs: sampled - idle,
    categories: sortDesc(selfByCategory),
    functions: sortDesc(selfByFunction),
    inclusive: interesting.map((name) => ({ name, ms: inclusive.get(name) ?? 0 })),
  };
}

function shortUrl(frame: CallFrame): string {
  const url = frame.url
    .replace(/^file:\/\//, "")
    .replace(/.*node_modules\//, "")
    .replace(process.cwd() + "/", "");
  return url ? `${url}:${frame.lineNumber + 1}` : "native";
}
