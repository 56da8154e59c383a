// Signers' personal data at rest: AES-256-GCM (authenticated encryption) for what we must read
// back, HMAC-SHA-256 for what we only compare (emails, addresses). Keys come through HKDF, one per
// purpose, so a copied database file alone reveals no signer. Encryption keys rotate (DATA_KEY is
// the current one, DATA_KEY_PREVIOUS the old ones still read); the hash key never does
// (docs/decisions/004-encryption-keys.md).
import crypto from "node:crypto";
import { env } from "~/env.server";
import { pooledRandomBytes } from "~/security/random.server";

interface DataKey {
  /** Short, public name of a key, written in each ciphertext so the right key is picked. */
  id: string;
  encryption: Buffer;
}
let keys:
  { current: DataKey; previous: DataKey[]; emailHash: Buffer; addressHash: Buffer; formStamp: Buffer; signerLink: Buffer } | undefined;

const derive = (master: Buffer, purpose: string) => Buffer.from(crypto.hkdfSync("sha256", master, Buffer.alloc(0), purpose, 32));

function dataKey(base64: string): DataKey {
  const master = Buffer.from(base64, "base64");
  if (master.length < 32) throw new Error("DATA_KEY must be 32 bytes, base64-encoded.");
  return { id: derive(master, "key-id-v1").subarray(0, 6).toString("base64url"), encryption: derive(master, "signer-data-encryption-v1") };
}

function derivedKeys() {
  if (keys) return keys;
  const e = env();
  const hashMaster = Buffer.from(e.hashKey, "base64");
  keys = {
    current: dataKey(e.DATA_KEY),
    previous: e.previousDataKeys.map(dataKey),
    emailHash: derive(hashMaster, "email-hash-v1"),
    addressHash: derive(hashMaster, "address-hash-v1"),
    formStamp: derive(hashMaster, "form-stamp-v1"),
    signerLink: derive(hashMaster, "signer-link-v1"),
  };
  return keys;
}

/** Forgets the derived keys, for tests and scripts that change the environment. */
export function resetKeysForTests() {
  keys = undefined;
}

/** The current key's id: what new ciphertexts carry. */
export function currentKeyId(): string {
  return derivedKeys().current.id;
}

/** "v2.<key id>." + base64url(iv | tag | ciphertext). (Version 1, before keys rotated, had no key id.) */
export function encrypt(plaintext: string): string {
  const key = derivedKeys().current;
  const iv = pooledRandomBytes(12);
  const cipher = crypto.createCipheriv("aes-256-gcm", key.encryption, iv);
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return `v2.${key.id}.${Buffer.concat([iv, cipher.getAuthTag(), ciphertext]).toString("base64url")}`;
}

function open(key: Buffer, payload: string): string {
  const raw = Buffer.from(payload, "base64url");
  const decipher = crypto.createDecipheriv("aes-256-gcm", key, raw.subarray(0, 12));
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8");
}

export function isEncrypted(value: string): boolean {
  return value.startsWith("v1.") || value.startsWith("v2.");
}

export function decrypt(value: string): string {
  const { current, previous } = derivedKeys();
  if (value.startsWith("v2.")) {
    const dot = value.indexOf(".", 3);
    const id = value.slice(3, dot);
    const key = [current, ...previous].find((k) => k.id === id);
    if (!key) throw new Error(`Encrypted with a key that is not configured (key id ${id}): add it to DATA_KEY_PREVIOUS.`);
    return open(key.encryption, value.slice(dot + 1));
  }
  if (!value.startsWith("v1.")) throw new Error("Not an encrypted value.");
  // Version 1 names no key: it was made by whichever key was current then, so each is tried (GCM's tag tells).
  for (const key of [current, ...previous]) {
    try {
      return open(key.encryption, value.slice(3));
    } catch {
      // Not this key.
    }
  }
  throw new Error("Encrypted with a key that is not configured: add the DATA_KEY it was made with to DATA_KEY_PREVIOUS.");
}

/** True when a value is sealed with an old key and should be sealed again with the current one. */
export function needsReencryption(value: string): boolean {
  const { current, previous } = derivedKeys();
  if (value.startsWith("v1.")) return previous.length > 0;
  return value.startsWith("v2.") && !value.startsWith(`v2.${current.id}.`);
}

export function encryptOptional(value: string | null | undefined): string | null {
  return value ? encrypt(value) : null;
}

export function decryptOptional(value: string | null | undefined): string | null {
  return value ? decrypt(value) : null;
}

const dotsFolded = new Set(["gmail.com", "googlemail.com"]);

/**
 * The address a mailbox really is: case folded, "+tags" removed (Gmail, Outlook, iCloud, Proton,
 * Fastmail and most others deliver a+x@ to a@), and dots removed where Gmail ignores them.
 */
export function normaliseEmail(email: string): string {
  const [rawLocal = "", rawDomain = ""] = email
    .trim()
    .toLowerCase()
    .split(/@(?=[^@]*$)/);
  const domain = rawDomain === "googlemail.com" ? "gmail.com" : rawDomain;
  let local = rawLocal.split("+")[0] ?? rawLocal;
  if (dotsFolded.has(domain)) local = local.replace(/\./g, "");
  return `${local}@${domain}`;
}

export function emailHash(email: string): string {
  return crypto.createHmac("sha256", derivedKeys().emailHash).update(normaliseEmail(email)).digest("base64url");
}

/** A keyed hash of a client address, for rate limits and fraud review; the raw address is never stored. */
export function addressHash(address: string | null): string | null {
  return address ? crypto.createHmac("sha256", derivedKeys().addressHash).update(address).digest("base64url").slice(0, 32) : null;
}

/**
 * A signed time stamp in a form, so a submission that comes back too fast can be told from a
 * person's. It carries a random part: two visitors opening the page in the same millisecond get
 * different stamps (each stamp is good for one submission).
 */
export function formStamp(now = Date.now()): string {
  const body = `${now}.${pooledRandomBytes(9).toString("base64url")}`;
  return `${body}.${stampMac(body)}`;
}

const stampMac = (body: string) => crypto.createHmac("sha256", derivedKeys().formStamp).update(body).digest("base64url").slice(0, 22);

/** Seconds since the form was served, or null when the stamp is missing or forged. */
export function secondsSinceStamp(stamp: string | null | undefined, now = Date.now()): number | null {
  const parts = (stamp ?? "").split(".");
  const mac = parts.pop();
  const time = parts[0];
  // "time.nonce.mac"; "time.mac" from pages served before stamps had a random part.
  if (!time || !mac || !/^\d+$/.test(time) || parts.length > 2) return null;
  const expected = stampMac(parts.join("."));
  if (expected.length !== mac.length || !crypto.timingSafeEqual(Buffer.from(expected), Buffer.from(mac))) return null;
  return (now - Number(time)) / 1000;
}

/**
 * The secret in a signer's links (confirm, stop email, delete data). Derived from the signature's id
 * with a key, so every email to the signer carries working links without the token being stored:
 * the database keeps only its hash.
 */
export function signerLinkToken(signatureId: string): string {
  return crypto.createHmac("sha256", derivedKeys().signerLink).update(signatureId).digest("base64url").slice(0, 32);
}

export function tokenHash(token: string): string {
  return crypto.createHash("sha256").update(token).digest("base64url");
}
