import fs from "node:fs";
import { categoryOf } from "./cpu-profile";
const file = process.argv[2]!;
const p = JSON.parse(fs.readFileSync(file, "utf8"));
const byId = new Map<number, any>(); const parent = new Map<number, number>();
for (const n of p.nodes) { byId.set(n.id, n); for (const c of n.children ?? []) parent.set(c, n.id); }
const want = process.argv[3]!; // category
const m = new Map<string, number>(); const callers = new Map<string, number>();
for (let i = 0; i < p.samples.length; i++) {
  const n = byId.get(p.samples[i]); const cat = categoryOf(n.callFrame);
  if (cat !== want) continue;
  const k = `${n.callFrame.functionName} ${n.callFrame.url.replace(/.*node_modules\//, "")}:${n.callFrame.lineNumber + 1}`;
  m.set(k, (m.get(k) ?? 0) + p.timeDeltas[i] / 1000);
  // first non-same-category ancestor
  let id = parent.get(n.id);
  while (id !== undefined && categoryOf(byId.get(id).callFrame) === want) id = parent.get(id);
  const a = id !== undefined ? byId.get(id).callFrame : { functionName: "(root)", url: "" };
  const ck = `${a.functionName} ${a.url.replace(/.*node_modules\//, "").replace(/^file:\/\/\/work\/main\//, "")}`;
  callers.set(ck, (callers.get(ck) ?? 0) + p.timeDeltas[i] / 1000);
}
console.log("self:"); [...m].sort((a, b) => b[1] - a[1]).slice(0, 15).forEach(([k, v]) => console.log(v.toFixed(0).padStart(7), k));
console.log("entered from:"); [...callers].sort((a, b) => b[1] - a[1]).slice(0, 15).forEach(([k, v]) => console.log(v.toFixed(0).padStart(7), k));
