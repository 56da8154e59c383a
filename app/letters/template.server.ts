// Letter templates: LiquidJS in strict mode, sandboxed (own properties only, no file system).
// An unknown variable or a syntax error is reported with its line and column. Every parse and
// render is bounded (size, time, memory): a template cannot hold a process.
import { Liquid, type Template } from "liquidjs";

/**
 * Limits on templates (LiquidJS's DoS options). A real letter is a few kilobytes and renders in well
 * under a millisecond; `{% for i in (1..100000000) %}` once held a process for 150 s.
 * - TEMPLATE_PARSE_LIMIT: characters of template source parsed at once (the form allows 20,000).
 * - RENDER_LIMIT_MS: time one render may take while letters are generated (one per target).
 * - SAVE_RENDER_LIMIT_MS: stricter at save, so a template that is merely slow is refused before it
 *   is rendered for thousands of targets.
 * - TEMPLATE_MEMORY_LIMIT: values a render may create (range items, string growth, array joins).
 */
export const TEMPLATE_PARSE_LIMIT = 50_000;
export const RENDER_LIMIT_MS = 200;
export const SAVE_RENDER_LIMIT_MS = 50;
export const TEMPLATE_MEMORY_LIMIT = 2_000_000;

const engine = new Liquid({
  parseLimit: TEMPLATE_PARSE_LIMIT,
  renderLimit: RENDER_LIMIT_MS,
  memoryLimit: TEMPLATE_MEMORY_LIMIT,
  strictVariables: true,
  strictFilters: true,
  ownPropertyOnly: true,
  // Templates are text, never files: no include/render/layout from disk.
  relativeReference: false,
  fs: {
    readFileSync: () => {
      throw new Error("Templates cannot include files.");
    },
    readFile: async () => {
      throw new Error("Templates cannot include files.");
    },
    existsSync: () => false,
    exists: async () => false,
    contains: async () => false,
    resolve: (_root: string, file: string) => file,
  },
});

export interface TemplateProblem {
  message: string;
  line: number | null;
  column: number | null;
}

// LiquidJS's words for its limits, and what an organiser can do about them.
const limitMessages: [RegExp, string][] = [
  [/parse length limit exceeded/, "This template is too long to be checked: keep it under 50,000 characters."],
  [/render limit exceeded/, "This template takes too long to fill in: a loop probably runs over too many items. Loop over fewer."],
  [
    /memory alloc limit exceeded/,
    "This template builds too much text or too long a list (a loop over a huge range?). Loop over fewer items.",
  ],
];

function describe(error: unknown): TemplateProblem {
  const limit = error instanceof Error ? limitMessages.find(([pattern]) => pattern.test(error.message)) : undefined;
  if (limit) return { message: limit[1], line: null, column: null };
  if (error instanceof Error && "token" in error) {
    const token = (error as { token?: { getPosition?: () => [number, number] } }).token;
    const position = token?.getPosition?.();
    // LiquidJS appends ", line:1, col:10" to its messages: we show the position separately.
    const message = error.message.replace(/, line:\d+, col:\d+$/, "");
    return { message, line: position?.[0] ?? null, column: position?.[1] ?? null };
  }
  return { message: error instanceof Error ? error.message : String(error), line: null, column: null };
}

export type ParsedTemplate = Template[];

export function parseTemplate(source: string): { ok: true; template: ParsedTemplate } | { ok: false; problem: TemplateProblem } {
  try {
    return { ok: true, template: engine.parse(source) };
  } catch (error) {
    return { ok: false, problem: describe(error) };
  }
}

export function renderTemplate(
  template: ParsedTemplate,
  context: object,
  renderLimit = RENDER_LIMIT_MS,
): { ok: true; text: string } | { ok: false; problem: TemplateProblem } {
  try {
    return { ok: true, text: String(engine.renderSync(template, context, { renderLimit })) };
  } catch (error) {
    return { ok: false, problem: describe(error) };
  }
}

/**
 * Parses and renders with a sample context, so unknown variables (and templates over the limits)
 * are found before saving.
 */
export function checkTemplate(source: string, sampleContext: object): TemplateProblem | null {
  const parsed = parseTemplate(source);
  if (!parsed.ok) return parsed.problem;
  const rendered = renderTemplate(parsed.template, sampleContext, SAVE_RENDER_LIMIT_MS);
  return rendered.ok ? null : rendered.problem;
}

export function formatProblem(problem: TemplateProblem): string {
  return problem.line !== null ? `Line ${problem.line}, column ${problem.column}: ${problem.message}` : problem.message;
}
