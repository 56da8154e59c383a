// What the worker needs from whatever delivers the email: Resend, or the dev mailbox.
export interface OutgoingEmail {
  id: string;
  fromAddress: string;
  toAddress: string;
  replyTo: string | null;
  subject: string;
  html: string;
  text: string;
  headers: string | null;
  tags: string | null;
}

export type SendResult =
  | { ok: true; providerIds: string[]; delivered: boolean }
  /** The provider said "too many requests": wait, then try the same batch again. */
  | { ok: false; kind: "rate-limited"; retryAfterMs: number; message: string }
  /** A server error or no answer: try again later with back-off. */
  | { ok: false; kind: "retryable"; message: string }
  /** The provider refused the email itself: trying again will not help. */
  | { ok: false; kind: "permanent"; message: string };

export interface Transport {
  name: string;
  /** Sends the emails as one request. The key is the same each time this batch is tried. */
  send(emails: OutgoingEmail[], idempotencyKey: string): Promise<SendResult>;
}
