// Failures of the work that runs on timers (mail worker, maintenance, case-update fan-out): each is
// logged as an error with which loop and what it was doing, and announced to listeners (tests,
// monitoring) instead of being swallowed. A loop that reports carries on with its next round.
import { EventEmitter } from "node:events";
import { withoutAddresses } from "~/mail/outbox.server";

export type BackgroundLoop = "mail worker" | "maintenance" | "case updates" | "backups" | "re-encryption";

export interface BackgroundFailure {
  loop: BackgroundLoop;
  /** What the loop was doing, e.g. "sending a batch", "purging signer data". */
  doing: string;
  error: unknown;
}

const failures = new EventEmitter();

/** Calls `listener` for every failure from now on; returns the function that stops listening. */
export function onBackgroundError(listener: (failure: BackgroundFailure) => void): () => void {
  failures.on("failure", listener);
  return () => failures.off("failure", listener);
}

/** Logs a loop's failure (message and stack) and tells the listeners. Never throws. */
export function reportBackgroundError(loop: BackgroundLoop, doing: string, error: unknown) {
  // A log is kept and copied around: no email address in it (provider errors often quote one).
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  console.error(`[${loop}] failed while ${doing}: ${withoutAddresses(detail)}`);
  for (const listener of failures.listeners("failure")) {
    try {
      (listener as (failure: BackgroundFailure) => void)({ loop, doing, error });
    } catch {
      // A listener's own failure must not stop the loop that reported.
    }
  }
}
