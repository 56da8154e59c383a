// Rate limits that hold for the whole server. With WEB_CONCURRENCY > 1 the app serves from several
// processes (node:cluster); a limit kept in each process's memory would let every process grant it
// again. So a child asks the primary, which keeps the counts (rate-limiter-flexible's cluster mode,
// over the cluster's own IPC channel). If the primary does not answer in time, the child falls back
// to its own count rather than refusing everyone. One process alone keeps the counts in memory.
// On PostgreSQL several independent servers share only the database, so the counts are kept there
// (rate-limiter-flexible's PostgreSQL store, in the RateLimit table of the schema), with the
// process's own memory as the fallback while the database does not answer.
import cluster from "node:cluster";
import pg from "pg";
import {
  RateLimiterCluster,
  RateLimiterClusterMaster,
  RateLimiterMemory,
  RateLimiterPostgres,
  RateLimiterRes,
  type RateLimiterAbstract,
} from "rate-limiter-flexible";
import { engineOf } from "~/db/engine";
import { env } from "~/env.server";

let pool: pg.Pool | undefined;
/** A small pool of its own: a limit is checked before the request's other queries. */
function limitsPool(): pg.Pool {
  if (!pool) {
    pool = new pg.Pool({ connectionString: env().DATABASE_URL, max: 4 });
    // An idle connection the server closed (a restart, a failover) is dropped and made again on
    // the next use; unheard, the pool's error would end the process.
    pool.on("error", (error) => console.warn(`[rate limits] a database connection closed: ${error.message}`));
  }
  return pool;
}

/** Closes the PostgreSQL connections of the limits (tests, scripts that end). */
export async function closeSharedLimits() {
  const open = pool;
  pool = undefined;
  await open?.end();
}

function sharedStore(options: LimitOptions): RateLimiterAbstract | null {
  if (engineOf(env().DATABASE_URL) === "postgresql") {
    return new RateLimiterPostgres({
      ...options,
      storeClient: limitsPool(),
      storeType: "pool",
      tableName: "RateLimit",
      // Made by the migrations; expired rows are deleted by the daily maintenance.
      tableCreated: true,
      clearExpiredByTimeout: false,
    });
  }
  return cluster.isWorker ? new RateLimiterCluster({ ...options, timeoutMs: 2000 }) : null;
}

export interface LimitOptions {
  /** Unique per limit: "sign", "login-email", ... */
  keyPrefix: string;
  points: number;
  /** Seconds. */
  duration: number;
}

export class ServerWideLimit {
  readonly points: number;
  private readonly local: RateLimiterMemory;
  private readonly shared: RateLimiterAbstract | null;

  constructor(options: LimitOptions) {
    this.points = options.points;
    this.local = new RateLimiterMemory(options);
    this.shared = sharedStore(options);
  }

  /** Resolves while under the limit; rejects with a RateLimiterRes (msBeforeNext) when over it. */
  consume(key: string, points = 1): Promise<RateLimiterRes> {
    return this.either((limiter) => limiter.consume(key, points));
  }
  get(key: string): Promise<RateLimiterRes | null> {
    return this.either((limiter) => limiter.get(key));
  }
  /** Gives points back (a submission counted up front and then refused). */
  reward(key: string, points = 1): Promise<RateLimiterRes> {
    return this.either((limiter) => limiter.reward(key, points));
  }
  penalty(key: string, points = 1): Promise<RateLimiterRes> {
    return this.either((limiter) => limiter.penalty(key, points));
  }
  delete(key: string): Promise<boolean> {
    return this.either((limiter) => limiter.delete(key));
  }

  private async either<T>(call: (limiter: RateLimiterAbstract) => Promise<T>): Promise<T> {
    if (!this.shared) return call(this.local);
    try {
      return await call(this.shared);
    } catch (rejection) {
      // Over the limit is an answer; an Error means the primary (or the database) did not answer.
      if (rejection instanceof RateLimiterRes || !(rejection instanceof Error)) throw rejection;
      return call(this.local);
    }
  }
}

/** In the cluster's primary, before forking: it keeps the counts for all children. */
export function keepRateLimitsForChildren() {
  if (cluster.isPrimary) new RateLimiterClusterMaster();
}
