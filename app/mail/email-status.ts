// The states of an outgoing email, and the one rule for moving between them on provider events:
// never backwards (a late "sent" does not undo "delivered").
export const emailStatuses = [
  "queued",
  "sending",
  "sent",
  "delivery_delayed",
  "delivered",
  "bounced",
  "complained",
  "failed",
  "suppressed",
] as const;
export type EmailStatus = (typeof emailStatuses)[number];

export const emailStatusLabels: Record<EmailStatus, string> = {
  queued: "Queued",
  sending: "Sending",
  sent: "Sent",
  delivery_delayed: "Delivery delayed",
  delivered: "Delivered",
  bounced: "Bounced",
  complained: "Marked as spam",
  failed: "Failed",
  suppressed: "Not sent (address suppressed)",
};

const rank: Record<EmailStatus, number> = {
  queued: 0,
  sending: 1,
  sent: 2,
  delivery_delayed: 3,
  delivered: 4,
  failed: 5,
  suppressed: 5,
  bounced: 6,
  complained: 7,
};

/** Provider events and the status each one means. */
export const providerEventStatus = {
  "email.sent": "sent",
  "email.delivered": "delivered",
  "email.delivery_delayed": "delivery_delayed",
  "email.bounced": "bounced",
  "email.complained": "complained",
  "email.failed": "failed",
} as const satisfies Record<string, EmailStatus>;
export type ProviderEventType = keyof typeof providerEventStatus;

/** The status after a provider event, or null when the event would move the email backwards. */
export function statusAfterProviderEvent(current: string, event: ProviderEventType): EmailStatus | null {
  const next = providerEventStatus[event];
  const from = (rank as Record<string, number | undefined>)[current] ?? 0;
  return rank[next] > from ? next : null;
}

export function emailStatusLabel(status: string): string {
  return (emailStatusLabels as Record<string, string | undefined>)[status] ?? status;
}
