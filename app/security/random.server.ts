// Random bytes for the per-request hot path (CSP nonces, encryption IVs, ids), drawn from the
// system's CSPRNG in 4 KiB pools. Each crypto.randomBytes call makes a system call (OpenSSL's fork
// check); a signature needs about eight, and on a busy virtual machine that was an eighth of its
// CPU time. Node pools randomUUID the same way. Long-lived secrets use crypto.randomBytes directly.
import crypto from "node:crypto";

const POOL_SIZE = 4096;
let pool = Buffer.alloc(0);
let offset = 0;

export function pooledRandomBytes(size: number): Buffer {
  if (size > 256) return crypto.randomBytes(size);
  if (offset + size > pool.length) {
    // A fresh buffer each time: slices handed out earlier are never overwritten.
    pool = crypto.randomBytes(POOL_SIZE);
    offset = 0;
  }
  const bytes = pool.subarray(offset, offset + size);
  offset += size;
  return bytes;
}

/**
 * An id that sorts by creation time: the prefix, the time in milliseconds (base 36, fixed width)
 * and 72 random bits. Lists ordered by id are then newest first or oldest first, and keyset pages
 * by id stay fast at a million rows.
 */
export function timeOrderedId(prefix: string, now = Date.now()): string {
  return `${prefix}${now.toString(36).padStart(9, "0")}${pooledRandomBytes(9).toString("base64url")}`;
}
