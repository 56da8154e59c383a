// Prisma's SQLite adapter, made safe for many requests at once: the app's write model for Prisma
// (docs/decisions/001-write-model.md).
//
// @prisma/adapter-better-sqlite3 keeps one connection per process, orders transactions with a
// mutex, and lets every other query straight through. Two things follow, both seen in probes:
// 1. a query from another request, run while an interactive transaction awaits, runs *inside* that
//    transaction: it reads uncommitted rows, and its own write is rolled back with it;
// 2. its deferred `BEGIN` takes the write lock only at the first write; in WAL a transaction that
//    read first fails at once with SQLITE_BUSY_SNAPSHOT when another connection committed in
//    between, and no busy timeout applies to that case.
// So here: a transaction begins with `BEGIN IMMEDIATE` (the write lock up front, or nothing); while
// one is open on the connection, queries from outside it wait until it ends; and nobody ever waits
// for the lock inside SQLite (busy timeout 0: a synchronous wait would stall the event loop, and with
// it the transaction this process may be holding), but retries asynchronously with back-off.
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import type {
  IsolationLevel,
  SqlDriverAdapter,
  SqlDriverAdapterFactory,
  SqlQuery,
  SqlResultSet,
  Transaction,
} from "@prisma/driver-adapter-utils";
import type Database from "better-sqlite3";

/** How long a statement keeps trying while another process holds the write lock. */
export const BUSY_GIVE_UP_MS = 10_000;

export function isBusyError(error: unknown): boolean {
  const code = sqliteCode(error) ?? sqliteCode(error instanceof Error ? error.cause : undefined);
  return typeof code === "string" && code.startsWith("SQLITE_BUSY");
}

function sqliteCode(error: unknown): unknown {
  if (typeof error !== "object" || error === null) return undefined;
  if ("code" in error && typeof error.code === "string") return error.code;
  // Prisma's DriverAdapterError keeps SQLite's code in its cause.
  if ("originalCode" in error) return error.originalCode;
  return undefined;
}

// A signature holds the lock for about a millisecond: a waiter that slept up to 50 ms missed dozens
// of free moments and made the slowest signatures wait hundreds of ms at the peak. Trying again
// costs a few microseconds, so the pause stops growing at a few ms.
const MAX_PAUSE_MS = 4;
const pause = (attempt: number) =>
  new Promise((resolve) => setTimeout(resolve, Math.min(2 ** attempt, MAX_PAUSE_MS) * (0.5 + Math.random())));

/** Runs `work` again after a short asynchronous pause while another connection holds the lock. */
export async function retryWhileBusy<T>(work: () => T | Promise<T>, giveUpMs = BUSY_GIVE_UP_MS): Promise<T> {
  const started = Date.now();
  for (let attempt = 0; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (!isBusyError(error) || Date.now() - started > giveUpMs) throw error;
      await pause(attempt);
    }
  }
}

/** Who may use the connection: one open transaction, or any number of single statements. */
class ConnectionGate {
  #transactionOpen = false;
  #transactionWanted = false;
  #transactionQueue: Array<() => void> = [];
  #statementWaiters: Array<() => void> = [];

  /** Transactions take turns, first come first served. */
  async enterTransaction(): Promise<void> {
    if (this.#transactionWanted) await new Promise<void>((resolve) => this.#transactionQueue.push(resolve));
    this.#transactionWanted = true;
  }

  markOpen() {
    this.#transactionOpen = true;
  }

  /** The transaction ended (committed, rolled back, or never began): let the next one in. */
  leaveTransaction() {
    this.#transactionOpen = false;
    for (const wake of this.#statementWaiters.splice(0)) wake();
    const next = this.#transactionQueue.shift();
    if (next) next();
    else this.#transactionWanted = false;
  }

  /** A statement from outside any transaction waits until none is open on the connection. */
  async statementTurn(): Promise<void> {
    while (this.#transactionOpen) await new Promise<void>((resolve) => this.#statementWaiters.push(resolve));
  }
}

interface Inner extends SqlDriverAdapter {
  client: Database.Database;
}

function hasClient(adapter: SqlDriverAdapter): adapter is Inner {
  return "client" in adapter && typeof adapter.client === "object" && adapter.client !== null;
}

class GatedSqliteAdapter implements SqlDriverAdapter {
  readonly provider = "sqlite" as const;
  readonly adapterName: string;
  readonly #inner: Inner;
  readonly #gate = new ConnectionGate();

  constructor(inner: Inner) {
    this.#inner = inner;
    this.adapterName = inner.adapterName;
  }

  async queryRaw(query: SqlQuery): Promise<SqlResultSet> {
    return retryWhileBusy(async () => {
      await this.#gate.statementTurn();
      return this.#inner.queryRaw(query);
    });
  }

  async executeRaw(query: SqlQuery): Promise<number> {
    return retryWhileBusy(async () => {
      await this.#gate.statementTurn();
      return this.#inner.executeRaw(query);
    });
  }

  async executeScript(script: string): Promise<void> {
    await retryWhileBusy(async () => {
      await this.#gate.statementTurn();
      return this.#inner.executeScript(script);
    });
  }

  async startTransaction(isolationLevel?: IsolationLevel): Promise<Transaction> {
    if (isolationLevel && isolationLevel !== "SERIALIZABLE") {
      throw new Error(`SQLite transactions are serializable; ${isolationLevel} was asked for.`);
    }
    const gate = this.#gate;
    const inner = this.#inner;
    const client = inner.client;
    await gate.enterTransaction();
    try {
      await retryWhileBusy(() => {
        client.prepare("BEGIN IMMEDIATE").run();
        gate.markOpen();
      });
    } catch (error) {
      gate.leaveTransaction();
      throw error;
    }
    let ended = false;
    const end = () => {
      if (ended) return;
      ended = true;
      gate.leaveTransaction();
    };
    // After any statement, a connection no longer in a transaction (COMMIT ran, or SQLite rolled
    // back on an error) frees the gate, even if Prisma never calls commit() or rollback().
    const settle = <T>(result: Promise<T>) =>
      result.finally(() => {
        if (!client.inTransaction) end();
      });
    return {
      provider: "sqlite",
      adapterName: this.adapterName,
      options: { usePhantomQuery: false },
      queryRaw: (query) => settle(inner.queryRaw(query)),
      executeRaw: (query) => settle(inner.executeRaw(query)),
      commit: async () => end(),
      rollback: async () => end(),
    };
  }

  getConnectionInfo() {
    return this.#inner.getConnectionInfo?.() ?? { supportsRelationJoins: false };
  }

  async dispose() {
    await this.#inner.dispose();
  }
}

/** A Prisma adapter factory for one SQLite file, with the write model above. */
export class GatedSqlite implements SqlDriverAdapterFactory {
  readonly provider = "sqlite" as const;
  readonly adapterName: string;
  readonly #factory: PrismaBetterSQLite3;

  constructor(url: string) {
    this.#factory = new PrismaBetterSQLite3({ url, timeout: 0 });
    this.adapterName = this.#factory.adapterName;
  }

  async connect(): Promise<SqlDriverAdapter> {
    const inner = await this.#factory.connect();
    if (!hasClient(inner)) throw new Error("The SQLite adapter no longer exposes its connection.");
    return new GatedSqliteAdapter(inner);
  }
}
