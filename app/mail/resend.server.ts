// Sending through Resend: one email or a batch of up to 100 a request, always with an
// Idempotency-Key. The SDK never throws for HTTP trouble: every result's `error` is checked.
import { Resend } from "resend";
import type { OutgoingEmail, SendResult, Transport } from "~/mail/transport";

function payload(email: OutgoingEmail) {
  return {
    from: email.fromAddress,
    to: [email.toAddress],
    subject: email.subject,
    html: email.html,
    text: email.text,
    ...(email.replyTo ? { replyTo: email.replyTo } : {}),
    ...(email.headers ? { headers: JSON.parse(email.headers) as Record<string, string> } : {}),
    ...(email.tags ? { tags: JSON.parse(email.tags) as Array<{ name: string; value: string }> } : {}),
  };
}

interface ResendError {
  statusCode: number | null;
  name: string;
  message: string;
}

export function classifyResendError(error: ResendError, headers: Record<string, string> | null | undefined): SendResult {
  const message = `${error.name}: ${error.message}`;
  const status = error.statusCode;
  if (status === 429) {
    const seconds = Number(headers?.["retry-after"] ?? "1");
    return { ok: false, kind: "rate-limited", retryAfterMs: Math.max(1, Number.isFinite(seconds) ? seconds : 1) * 1000, message };
  }
  // No answer (null), a server error, or the same key still being processed elsewhere: try again.
  if (status === null || status >= 500 || error.name === "concurrent_idempotent_requests") {
    return { ok: false, kind: "retryable", message: status === null ? `No answer from Resend: ${error.message}` : message };
  }
  return { ok: false, kind: "permanent", message };
}

export function createResendTransport(apiKey: string, baseUrl?: string): Transport {
  const resend = new Resend(apiKey, baseUrl ? { baseUrl } : undefined);
  return {
    name: "resend",
    async send(emails, idempotencyKey) {
      if (emails.length === 1) {
        const result = await resend.emails.send(payload(emails[0]!), { idempotencyKey });
        if (result.error) return classifyResendError(result.error, result.headers);
        return { ok: true, providerIds: [result.data.id], delivered: false };
      }
      const result = await resend.batch.send(emails.map(payload), { idempotencyKey });
      if (result.error) return classifyResendError(result.error, result.headers);
      const ids = result.data.data.map((d) => d.id);
      if (ids.length !== emails.length) {
        return { ok: false, kind: "retryable", message: `Resend answered ${ids.length} ids for ${emails.length} emails` };
      }
      return { ok: true, providerIds: ids, delivered: false };
    },
  };
}
