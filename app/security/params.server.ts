// Reading what a URL or a posted form names (ids, tokens, slugs, intents): anything that cannot be
// one of ours answers 404 or 400 with a readable sentence, never a server error.
import { z } from "zod";

/** Row ids (cuid and our time-sorted ids): short, URL-safe. */
export const IdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/);
/** Tokens in email links and invitations (base64url). */
export const TokenSchema = z.string().regex(/^[A-Za-z0-9_-]{10,100}$/);
/** Public addresses of cases and campaigns, as their forms allow them. */
export const SlugSchema = z.string().regex(/^[a-z0-9-]{1,80}$/);

const NOT_FOUND = "We could not find this page. It may have been removed, or the address may be mistyped.";

/** The URL param, or a 404 with `message` (what the visitor should read) when it cannot be one. */
export function paramOr404<S extends z.ZodType>(schema: S, value: unknown, message = NOT_FOUND): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new Response(message, { status: 404 });
  return parsed.data;
}

/** A form field that only a crafted request gets wrong (hidden ids, choices): 400 when it is. */
export function fieldOr400<S extends z.ZodType>(
  schema: S,
  value: unknown,
  message = "This form was sent incomplete or changed. Reload the page and try again.",
): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new Response(message, { status: 400 });
  return parsed.data;
}

/** A form's fields (hidden ones) as one object, or 400. */
export function formOr400<S extends z.ZodType>(schema: S, formData: FormData, message?: string): z.output<S> {
  const input: Record<string, string> = {};
  for (const [key, value] of formData) if (typeof value === "string") input[key] = value;
  return fieldOr400(schema, input, message);
}

/** The button the form was sent with: one of `intents`, or 400 for a missing or unknown one. */
export function intentOr400<const T extends readonly [string, ...string[]]>(formData: FormData, intents: T): T[number];
export function intentOr400<S extends z.ZodType>(formData: FormData, schema: S): z.output<S>;
export function intentOr400(formData: FormData, intents: readonly [string, ...string[]] | z.ZodType): unknown {
  const schema = intents instanceof z.ZodType ? intents : z.enum(intents);
  return fieldOr400(
    schema,
    formData.get("intent"),
    "This page does not know what this form asked it to do. Reload the page and try again.",
  );
}
