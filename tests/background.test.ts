// The work on timers (mail worker, maintenance, case-update fan-out) reports a failure as an error,
// with which loop and what it was doing, to the log and to onBackgroundError; and carries on.
import { afterEach, describe, expect, it, vi } from "vitest";
import { onBackgroundError, type BackgroundFailure } from "~/background.server";
import { startCaseUpdateFanOut } from "~/cases/case-update.server";
import { prisma } from "~/db.server";
import { devMailboxTransport } from "~/mail/dev-mailbox.server";
import { startMailWorker } from "~/mail/worker.server";
import { startMaintenance } from "~/petitions/retention.server";
import { createOrganisation, createUser } from "./support/factories";

const stops: Array<() => unknown> = [];
afterEach(async () => {
  for (const stop of stops.splice(0)) await stop();
  vi.restoreAllMocks();
});

/** The next failure reported by a background loop. */
function nextFailure(): Promise<BackgroundFailure> {
  return new Promise((resolve) => {
    const stop = onBackgroundError((failure) => {
      stop();
      resolve(failure);
    });
  });
}

/** The test setup fails a test on any console.error: these tests expect one, and check it. */
function expectLogged(pattern: RegExp) {
  const logged = vi.mocked(console.error);
  expect(logged.mock.calls.map((call) => String(call[0]))).toEqual(expect.arrayContaining([expect.stringMatching(pattern)]));
  logged.mockClear();
}

describe("background loops report their failures", () => {
  it("maintenance: a failing purge is reported, and the other jobs still run", async () => {
    const { organisation } = await createOrganisation();
    const user = await createUser({ organisationId: organisation.id });
    await prisma.session.create({ data: { id: "expired-session", userId: user.id, expiresAt: new Date(Date.now() - 1000) } });
    vi.spyOn(prisma, "$transaction").mockRejectedValueOnce(new Error("database is locked"));
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    const failure = nextFailure();
    stops.push(startMaintenance(3600_000));
    // Whichever job's transaction came first failed (they start together); it says which it was.
    const reported = await failure;
    expect(reported).toMatchObject({ loop: "maintenance", error: expect.objectContaining({ message: "database is locked" }) });
    expect(["purging signer data", "deleting unconfirmed case followers", "reminding unconfirmed signers"]).toContain(reported.doing);
    await vi.waitFor(async () => expect(await prisma.session.count({ where: { id: "expired-session" } })).toBe(0));
    expectLogged(new RegExp(`^\\[maintenance\\] failed while ${reported.doing}`));
  });

  it("case updates: a failing fan-out is reported, and the loop tries again", async () => {
    const findFirst = vi.spyOn(prisma.caseUpdate, "findFirst").mockRejectedValueOnce(new Error("disk I/O error"));
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    const failure = nextFailure();
    stops.push(startCaseUpdateFanOut(10));
    expect(await failure).toMatchObject({ loop: "case updates", error: expect.objectContaining({ message: "disk I/O error" }) });
    await vi.waitFor(() => expect(findFirst.mock.calls.length).toBeGreaterThan(1));
    expectLogged(/^\[case updates\] failed while queuing/);
  });

  it("mail worker: a failing claim is reported, and the worker keeps polling", async () => {
    const findFirst = vi.spyOn(prisma.outboxEmail, "findFirst").mockRejectedValueOnce(new Error("database is locked"));
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    vi.spyOn(console, "log").mockImplementation(() => undefined);
    const failure = nextFailure();
    stops.push(
      startMailWorker({
        transport: devMailboxTransport,
        requestsPerSecond: 1000,
        batchSize: 10,
        maxAttempts: 3,
        leaseMs: 10_000,
        retryBaseMs: 10,
        pollMs: 10,
      }),
    );
    expect(await failure).toMatchObject({ loop: "mail worker", error: expect.objectContaining({ message: "database is locked" }) });
    await vi.waitFor(() => expect(findFirst.mock.calls.length).toBeGreaterThan(1));
    expectLogged(/^\[mail worker\] failed while claiming, sending or recording a batch/);
  });
});
