// The share image of a campaign or case (Open Graph, 1200×630 PNG), drawn by the app itself:
// satori lays out HTML/CSS into SVG with the local DejaVu fonts (Cyrillic and Kazakh letters), resvg
// turns it into PNG on libuv's thread pool. Images are kept in memory by what they show, so a
// campaign's image is drawn again only when its (rounded) count moves on.
import crypto from "node:crypto";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { renderAsync } from "@resvg/resvg-js";
import satori from "satori";
import { SHARE_IMAGE_HEIGHT, SHARE_IMAGE_WIDTH } from "~/growth/share";
import { count as counted, formatNumber, plural } from "~/ui/format";

/** Scrapers and browsers may keep an image this long; after that its ETag answers cheaply. */
export const SHARE_IMAGE_MAX_AGE_SECONDS = 300;

export interface ShareImageContent {
  /** "Petition" or "Case": a small line above the title. */
  label: string;
  title: string;
  /** The people at risk, by name. */
  names: string[];
  /** Confirmed signatures, or null when there is no petition to count. */
  count: number | null;
  goal: number | null;
}

/**
 * The count an image shows: exact under 100, then in steps (tens, then two significant figures),
 * so a campaign at its peak is drawn again every few dozen signatures, not every signature.
 */
export function shownCount(count: number): { value: number; exact: boolean } {
  if (count < 100) return { value: count, exact: true };
  const step = count < 1000 ? 10 : 10 ** (Math.floor(Math.log10(count)) - 1);
  const value = Math.floor(count / step) * step;
  return { value, exact: value === count };
}

function fontFile(file: string): Buffer {
  const fromCwd = path.resolve(process.cwd(), "node_modules/dejavu-fonts-ttf/ttf", file);
  return fs.readFileSync(fs.existsSync(fromCwd) ? fromCwd : createRequire(import.meta.url).resolve(`dejavu-fonts-ttf/ttf/${file}`));
}

let fonts: Array<{ name: string; data: Buffer; weight: 400 | 700; style: "normal" }> | undefined;
function shareFonts() {
  fonts ??= [
    { name: "DejaVu Sans", data: fontFile("DejaVuSans.ttf"), weight: 400, style: "normal" },
    { name: "DejaVu Sans", data: fontFile("DejaVuSans-Bold.ttf"), weight: 700, style: "normal" },
  ];
  return fonts;
}

const ACCENT = "#8a1c1c";

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
}

function ShareCard({ label, title, names, count, goal }: ShareImageContent) {
  const shown = count === null ? null : shownCount(count);
  // A rounded count reads "1,200+ people have signed" (a rounded one is never 1).
  const countText = !shown
    ? null
    : shown.exact
      ? `${counted(shown.value, "person", "people")} ${plural(shown.value, "has", "have")} signed`
      : `${formatNumber(shown.value)}+ people have signed`;
  const namesText = names.length ? clip(names.join(", "), 150) : null;
  const share = count !== null && goal ? Math.min(1, count / goal) : null;
  return (
    <div
      style={{
        width: SHARE_IMAGE_WIDTH,
        height: SHARE_IMAGE_HEIGHT,
        display: "flex",
        flexDirection: "column",
        justifyContent: "space-between",
        boxSizing: "border-box",
        background: "#fffdf8",
        borderLeft: `24px solid ${ACCENT}`,
        padding: "56px 64px",
        fontFamily: "DejaVu Sans",
        color: "#1d1d1d",
      }}
    >
      <div style={{ display: "flex", flexDirection: "column" }}>
        <div style={{ fontSize: 28, color: ACCENT, fontWeight: 700, textTransform: "uppercase", letterSpacing: 2 }}>{label}</div>
        <div style={{ fontSize: title.length > 60 ? 52 : 64, fontWeight: 700, lineHeight: 1.15, marginTop: 16 }}>{clip(title, 110)}</div>
        {namesText ? <div style={{ fontSize: 32, marginTop: 24, color: "#333" }}>{namesText}</div> : null}
      </div>
      <div style={{ display: "flex", flexDirection: "column" }}>
        {countText ? (
          <div style={{ fontSize: 44, fontWeight: 700 }}>{goal ? `${countText} · goal ${goal.toLocaleString("en")}` : countText}</div>
        ) : null}
        {share !== null ? (
          <div style={{ display: "flex", width: "100%", height: 24, background: "#eadfd6", borderRadius: 12, marginTop: 16 }}>
            <div style={{ width: `${Math.max(2, Math.round(share * 100))}%`, height: 24, background: ACCENT, borderRadius: 12 }} />
          </div>
        ) : null}
        <div style={{ fontSize: 26, color: "#555", marginTop: 20 }}>Solidarity letters</div>
      </div>
    </div>
  );
}

export interface ShareImage {
  png: Uint8Array<ArrayBuffer>;
  etag: string;
}

/** Draws the image: satori's layout runs on this thread (tens of milliseconds), resvg's drawing off it. */
export async function drawShareImage(content: ShareImageContent): Promise<Buffer> {
  const svg = await satori(<ShareCard {...content} />, { width: SHARE_IMAGE_WIDTH, height: SHARE_IMAGE_HEIGHT, fonts: shareFonts() });
  const rendered = await renderAsync(svg, { fitTo: { mode: "width", value: SHARE_IMAGE_WIDTH }, font: { loadSystemFonts: false } });
  return rendered.asPng();
}

const CACHE_LIMIT = 200;
const cache = new Map<string, Promise<ShareImage>>();
// One drawing at a time per process: a burst of scrapers queues instead of taking both cores.
let queue: Promise<unknown> = Promise.resolve();

/** The image for this content, from memory when the same content was drawn before. */
export function shareImage(content: ShareImageContent): Promise<ShareImage> {
  const shown = content.count === null ? null : shownCount(content.count).value;
  const key = JSON.stringify([content.label, content.title, content.names, shown, content.goal]);
  const cached = cache.get(key);
  if (cached) return cached;
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value ?? "");
  const drawing = queue.then(async () => {
    const png = new Uint8Array(await drawShareImage({ ...content, count: shown }));
    return { png, etag: `"${crypto.createHash("sha256").update(png).digest("base64url").slice(0, 27)}"` };
  });
  queue = drawing.catch(() => undefined);
  drawing.catch(() => cache.delete(key));
  cache.set(key, drawing);
  return drawing;
}

/** The HTTP answer: the PNG with a short max-age and its ETag, or 304 when the client has it. */
export function shareImageResponse(request: Request, image: ShareImage): Response {
  const headers = {
    "Content-Type": "image/png",
    "Cache-Control": `public, max-age=${SHARE_IMAGE_MAX_AGE_SECONDS}`,
    ETag: image.etag,
  };
  const ifNoneMatch = request.headers.get("If-None-Match");
  if (ifNoneMatch?.split(",").some((tag) => tag.trim() === image.etag)) return new Response(null, { status: 304, headers });
  return new Response(image.png, { status: 200, headers: { ...headers, "Content-Length": String(image.png.length) } });
}
