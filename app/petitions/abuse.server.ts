// Plain, configurable abuse controls for public forms: a honeypot field, a minimum time to fill
// the form (a signed stamp in the form), and a rate limit per client address (by keyed hash).
import { env } from "~/env.server";
import { HONEYPOT_FIELD, STAMP_FIELD } from "~/petitions/form-fields";
import { addressHash, secondsSinceStamp } from "~/security/crypto.server";
import { ServerWideLimit } from "~/security/rate-limit.server";

let limiter: ServerWideLimit | undefined;
function signLimiter() {
  limiter ??= new ServerWideLimit({ keyPrefix: "sign", points: env().SIGN_RATE_LIMIT_PER_HOUR, duration: 3600 });
  return limiter;
}

export type AbuseVerdict = { ok: true } | { ok: false; status: number; message: string; retryAfterSeconds?: number };

export async function checkPublicForm(formData: FormData, clientAddress: string | null): Promise<AbuseVerdict> {
  const honeypot = formData.get(HONEYPOT_FIELD);
  if (typeof honeypot === "string" && honeypot.trim() !== "") {
    return { ok: false, status: 400, message: "This form could not be accepted." };
  }
  const seconds = secondsSinceStamp(String(formData.get(STAMP_FIELD) ?? ""));
  if (seconds === null || seconds < env().SIGN_MIN_FILL_SECONDS) {
    return { ok: false, status: 400, message: "That was quicker than a person types. Please check the form and send it again." };
  }
  try {
    await signLimiter().consume(addressHash(clientAddress) ?? "unknown");
  } catch (rejection) {
    const ms = typeof rejection === "object" && rejection !== null && "msBeforeNext" in rejection ? Number(rejection.msBeforeNext) : 3600_000;
    return { ok: false, status: 429, message: "Too many signatures from your connection. Please try again later.", retryAfterSeconds: Math.ceil(ms / 1000) };
  }
  return { ok: true };
}
