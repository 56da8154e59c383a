// Letter templates: LiquidJS in strict mode, sandboxed (own properties only, no file system).
// An unknown variable or a syntax error is reported with its line and column.
import { Liquid, type Template } from "liquidjs";

const engine = new Liquid({
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

function describe(error: unknown): TemplateProblem {
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

export function renderTemplate(template: ParsedTemplate, context: object): { ok: true; text: string } | { ok: false; problem: TemplateProblem } {
  try {
    return { ok: true, text: String(engine.renderSync(template, context)) };
  } catch (error) {
    return { ok: false, problem: describe(error) };
  }
}

/** Parses and renders with a sample context, so unknown variables are found before saving. */
export function checkTemplate(source: string, sampleContext: object): TemplateProblem | null {
  const parsed = parseTemplate(source);
  if (!parsed.ok) return parsed.problem;
  const rendered = renderTemplate(parsed.template, sampleContext);
  return rendered.ok ? null : rendered.problem;
}

export function formatProblem(problem: TemplateProblem): string {
  return problem.line !== null ? `Line ${problem.line}, column ${problem.column}: ${problem.message}` : problem.message;
}
