// The dashboard's charts: plain SVG rendered on the server (no script needed), positions from
// d3-scale and d3-shape. Each chart is an image with a <title> and <desc>; the pages put the same
// figures in a table beside it. Geometry is in percentages of the width where it can be, so the
// text keeps its size from a phone to a wide screen.
import { scaleBand, scaleLinear, scaleUtc } from "d3-scale";
import { area, line } from "d3-shape";
import { formatPartialDate } from "~/ui/format";

export const INK = "#1b1b1f";
export const MUTED = "#545460";
const GRID = "#d9d6cf";

/** Colours of the delivery states: greys before sending, blue on the way, green arrived, reds lost. */
export const deliveryColors: Record<string, string> = {
  draft: "#8b8f98",
  approved: "#5b6170",
  queued: "#a16207",
  sent: "#2563eb",
  delivered: "#15803d",
  bounced: "#b91c1c",
  failed: "#7f1d1d",
};

export const seriesColors = { sent: "#5b6170", answered: "#8a1c1c", signatures: "#8a1c1c" };

export function formatCount(n: number): string {
  return n.toLocaleString("en");
}

export function formatPercent(share: number | null): string {
  return share === null ? "–" : `${Math.round(share * 100)}%`;
}

/** "2026-10-03" → "3 Oct"; with the year when asked. */
function shortDay(day: string, withYear = false): string {
  const [d, month, year] = formatPartialDate(day).split(" ");
  return `${d} ${(month ?? "").slice(0, 3)}${withYear ? ` ${year}` : ""}`;
}

function ChartTitle({ id, title, description }: { id: string; title: string; description: string }) {
  return (
    <>
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{description}</desc>
    </>
  );
}

export interface DailyPoint {
  day: string;
  value: number;
}

/** Above this many days the bars would be thinner than a pixel on a phone: an area instead. */
export const MAX_DAILY_BARS = 150;

/** A value per day: bars (or an area for long campaigns), with a y grid and a few dates below. */
export function DailyChart({
  id,
  title,
  description,
  points,
  unit,
  color = seriesColors.signatures,
}: {
  id: string;
  title: string;
  description: string;
  points: DailyPoint[];
  /** "signatures": for each bar's tooltip, "3 October 2026: 1,204 signatures". */
  unit: string;
  color?: string;
}) {
  const height = 220;
  const top = 22;
  const bottom = height - 28;
  const max = Math.max(1, ...points.map((p) => p.value));
  const y = scaleLinear().domain([0, max]).nice(4).range([bottom, top]);
  const yTicks = y.ticks(4).filter((t) => Number.isInteger(t));
  // "800", "2,500"; past ten thousand the short form: "40k", "1.2M".
  const yLabel = max >= 10_000 ? y.tickFormat(4, "~s") : formatCount;
  const x = scaleBand<string>()
    .domain(points.map((p) => p.day))
    .range([0, 100])
    .paddingInner(points.length > 60 ? 0.15 : 0.25)
    .paddingOuter(0.1);
  // Up to eight dates below; every other one is "minor" and the stylesheet hides those on a phone.
  const labelEvery = Math.max(1, Math.ceil(points.length / 8));
  const labelled = points.filter((_, i) => i % labelEvery === 0);
  const spansYears = points.length > 0 && points[0]!.day.slice(0, 4) !== points.at(-1)!.day.slice(0, 4);
  const asArea = points.length > MAX_DAILY_BARS;
  const center = (day: string) => (x(day) ?? 0) + x.bandwidth() / 2;
  return (
    // The y labels sit left of the plot, in the margin the stylesheet gives it (overflow stays visible).
    <svg
      className="chart chart-daily"
      width="100%"
      height={height}
      overflow="visible"
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      fontSize="12"
    >
      <ChartTitle id={id} title={title} description={description} />
      {yTicks.map((t) => (
        <g key={t} className="tick">
          <line x1="0" x2="100%" y1={y(t)} y2={y(t)} stroke={GRID} strokeDasharray={t === 0 ? undefined : "3 3"} />
        </g>
      ))}
      {asArea ? (
        // One unit per day across, stretched to the width; only the geometry stretches, not the text.
        <svg
          x="0"
          y="0"
          width="100%"
          height={height}
          viewBox={`0 0 ${points.length} ${height}`}
          preserveAspectRatio="none"
          aria-hidden="true"
        >
          <path
            className="area"
            d={
              area<DailyPoint>()
                .x((_, i) => i + 0.5)
                .y0(bottom)
                .y1((p) => y(p.value))(points) ?? ""
            }
            fill={color}
            fillOpacity={0.25}
          />
          <path
            className="line"
            d={
              line<DailyPoint>()
                .x((_, i) => i + 0.5)
                .y((p) => y(p.value))(points) ?? ""
            }
            fill="none"
            stroke={color}
            strokeWidth={2}
            vectorEffect="non-scaling-stroke"
          />
        </svg>
      ) : (
        points.map((p) => (
          <rect
            key={p.day}
            className="bar"
            x={`${x(p.day) ?? 0}%`}
            width={`${x.bandwidth()}%`}
            y={y(p.value)}
            height={bottom - y(p.value)}
            fill={color}
          >
            <title>{`${formatPartialDate(p.day)}: ${formatCount(p.value)} ${unit}`}</title>
          </rect>
        ))
      )}
      {yTicks.map((t) => (
        <text key={t} x="-6" y={y(t) + 4} textAnchor="end" fill={MUTED}>
          {yLabel(t)}
        </text>
      ))}
      {labelled.map((p, i) => {
        const first = i === 0;
        const last = i === labelled.length - 1 && labelled.length > 1;
        return (
          <text
            key={p.day}
            className={i % 2 ? "tick-minor" : undefined}
            x={`${first ? 0 : center(p.day)}%`}
            y={height - 8}
            textAnchor={first ? "start" : last && center(p.day) > 92 ? "end" : "middle"}
            fill={MUTED}
          >
            {shortDay(p.day, spansYears && (first || p.day.slice(5) <= "01-07"))}
          </text>
        );
      })}
    </svg>
  );
}

export interface BarSeries {
  label: string;
  color: string;
}

export interface BarRow {
  label: string;
  values: number[];
  /** What to write at the end of each bar; the value itself by default. */
  valueLabels?: string[];
  /** A colour per row instead of per series (one-series charts, e.g. delivery states). */
  color?: string;
}

/**
 * Horizontal bars, one group per row, one bar per series; the label sits above its bars so a long
 * name never squeezes them.
 */
export function HorizontalBarChart({
  id,
  title,
  description,
  series,
  rows,
  max,
  format = formatCount,
}: {
  id: string;
  title: string;
  description: string;
  series: BarSeries[];
  rows: BarRow[];
  /** The end of the scale; the largest value by default (1 for shares). */
  max?: number;
  format?: (n: number) => string;
}) {
  const barHeight = 16;
  const barGap = 3;
  const labelHeight = 18;
  const rowGap = 12;
  const rowHeight = labelHeight + series.length * (barHeight + barGap) + rowGap;
  const height = Math.max(1, rows.length * rowHeight);
  const scaleMax = max ?? Math.max(1, ...rows.flatMap((r) => r.values));
  // The last tenth stays free for the figure written after the longest bar.
  const x = scaleLinear().domain([0, scaleMax]).range([0, 88]).clamp(true);
  return (
    <svg className="chart chart-bars" width="100%" height={height} role="img" aria-labelledby={`${id}-title ${id}-desc`} fontSize="13">
      <ChartTitle id={id} title={title} description={description} />
      {rows.map((row, r) => {
        const top = r * rowHeight;
        return (
          <g key={`${row.label}-${r}`}>
            <text x="0" y={top + 13} fill={INK}>
              {row.label}
            </text>
            {row.values.map((value, s) => {
              const barTop = top + labelHeight + s * (barHeight + barGap);
              const width = x(value);
              const text = row.valueLabels?.[s] ?? format(value);
              const seriesLabel = series[s]?.label ?? "";
              return (
                <g key={s}>
                  <line x1="0" x2="0" y1={barTop - 1} y2={barTop + barHeight + 1} stroke={MUTED} />
                  <rect className="bar" x="0" y={barTop} width={`${width}%`} height={barHeight} fill={row.color ?? series[s]?.color ?? INK}>
                    <title>{`${row.label}${seriesLabel ? `, ${seriesLabel}` : ""}: ${text}`}</title>
                  </rect>
                  <text x={`${width}%`} dx="6" y={barTop + 12.5} fill={INK}>
                    {text}
                  </text>
                </g>
              );
            })}
          </g>
        );
      })}
    </svg>
  );
}

/** The colours of a chart's series, as text a reader of the page sees. */
export function Legend({ series }: { series: BarSeries[] }) {
  return (
    <ul className="chart-legend">
      {series.map((s) => (
        <li key={s.label}>
          <svg width="12" height="12" aria-hidden="true" focusable="false">
            <rect width="12" height="12" fill={s.color} />
          </svg>{" "}
          {s.label}
        </li>
      ))}
    </ul>
  );
}

export interface StripMark {
  /** "YYYY-MM-DD", "YYYY-MM" or "YYYY" */
  date: string;
  lane: "campaign" | "people";
  label: string;
}

function startOf(date: string): Date {
  const [year, month = "01", day = "01"] = date.split("-");
  return new Date(`${year}-${month}-${day}T00:00:00Z`);
}

/**
 * Two lanes on one time axis: what the campaign did above, what happened to the people below. The
 * axis spans the campaign; the people's changes from before it are folded into one mark at its start.
 */
export function TimelineStrip({ id, title, description, marks }: { id: string; title: string; description: string; marks: StripMark[] }) {
  const valid = marks.filter((m) => /^\d{4}(-\d{2}){0,2}$/.test(m.date));
  if (valid.length === 0) return null;
  const time = (m: StripMark) => startOf(m.date).getTime();
  const campaignTimes = valid.filter((m) => m.lane === "campaign").map(time);
  const dayMs = 24 * 3600 * 1000;
  const start = campaignTimes.length ? Math.min(...campaignTimes) - 7 * dayMs : Math.min(...valid.map(time));
  const earlier = valid.filter((m) => time(m) < start);
  const shown = valid.filter((m) => time(m) >= start);
  const end = Math.max(start + dayMs, ...shown.map(time));
  const x = scaleUtc()
    .domain([new Date(start), new Date(end)])
    .range([earlier.length ? 8 : 2, 98]);
  const ticks = x.ticks(5);
  const years = (end - start) / (365 * dayMs);
  const tickLabel = (d: Date) => {
    const iso = d.toISOString();
    if (years >= 2) return iso.slice(0, 4);
    const [month, year] = formatPartialDate(iso.slice(0, 7)).split(" ");
    return years < 0.25 ? shortDay(iso.slice(0, 10)) : `${(month ?? "").slice(0, 3)} ${year}`;
  };
  const lanes = { campaign: 34, people: 78 } as const;
  const color = (lane: StripMark["lane"]) => (lane === "campaign" ? seriesColors.sent : seriesColors.answered);
  return (
    <svg className="chart chart-strip" width="100%" height="120" role="img" aria-labelledby={`${id}-title ${id}-desc`} fontSize="12">
      <ChartTitle id={id} title={title} description={description} />
      <text x="0" y={lanes.campaign - 12} fill={MUTED}>
        Campaign
      </text>
      <text x="0" y={lanes.people - 12} fill={MUTED}>
        {earlier.length ? `People · ◂ ${earlier.length} earlier` : "People"}
      </text>
      {Object.values(lanes).map((laneY) => (
        <line key={laneY} x1="0" x2="100%" y1={laneY} y2={laneY} stroke={GRID} />
      ))}
      {ticks.map((t, i) => (
        <g key={t.toISOString()} className={i % 2 ? "tick-minor" : undefined}>
          <line x1={`${x(t)}%`} x2={`${x(t)}%`} y1={lanes.people + 8} y2={lanes.people + 14} stroke={MUTED} />
          <text x={`${x(t)}%`} y="112" textAnchor="middle" fill={MUTED}>
            {tickLabel(t)}
          </text>
        </g>
      ))}
      {earlier.length ? (
        <g className="mark-earlier">
          <rect x="0" y={lanes.people - 7} width="14" height="14" rx="3" fill={color("people")} />
          <title>{`${earlier.length} earlier: ${earlier.map((m) => `${formatPartialDate(m.date)}, ${m.label}`).join("; ")}`}</title>
        </g>
      ) : null}
      {shown.map((m, i) => (
        <circle
          key={i}
          className={`mark mark-${m.lane}`}
          cx={`${x(startOf(m.date))}%`}
          cy={lanes[m.lane]}
          r="5"
          fill={color(m.lane)}
          fillOpacity={0.75}
          stroke="#fff"
        >
          <title>{`${formatPartialDate(m.date)}: ${m.label}`}</title>
        </circle>
      ))}
    </svg>
  );
}
