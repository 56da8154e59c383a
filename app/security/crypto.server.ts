// Signers' personal data at rest: AES-256-GCM (authenticated encryption) for what we must read
// back, HMAC-SHA-256 for what we only compare (emails, addresses). Keys come from DATA_KEY through
// HKDF, one per purpose, so a copied database file alone reveals no signer.
import crypto from "node:crypto";
import { env } from "~/env.server";
import { pooledRandomBytes } from "~/security/random.server";

let keys: { encryption: Buffer; emailHash: Buffer; addressHash: Buffer; formStamp: Buffer; signerLink: Buffer } | undefined;
function derivedKeys() {
  if (keys) return keys;
  const master = Buffer.from(env().DATA_KEY, "base64");
  if (master.length < 32) throw new Error("DATA_KEY must be 32 bytes, base64-encoded.");
  const derive = (purpose: string) => Buffer.from(crypto.hkdfSync("sha256", master, Buffer.alloc(0), purpose, 32));
  keys = {
    encryption: derive("signer-data-encryption-v1"),
    emailHash: derive("email-hash-v1"),
    addressHash: derive("address-hash-v1"),
    formStamp: derive("form-stamp-v1"),
    signerLink: derive("signer-link-v1"),
  };
  return keys;
}

/** "v1." + base64url(iv | tag | ciphertext) */
export function encrypt(plaintext: string): string {
  const iv = pooledRandomBytes(12);
  const cipher = crypto.createCipheriv("aes-256-gcm", derivedKeys().encryption, iv);
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return `v1.${Buffer.concat([iv, cipher.getAuthTag(), ciphertext]).toString("base64url")}`;
}

export function decrypt(value: string): string {
  if (!value.startsWith("v1.")) throw new Error("Not an encrypted value.");
  const raw = Buffer.from(value.slice(3), "base64url");
  const decipher = crypto.createDecipheriv("aes-256-gcm", derivedKeys().encryption, raw.subarray(0, 12));
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8");
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
  const [rawLocal = "", rawDomain = ""] = email.trim().toLowerCase().split(/@(?=[^@]*$)/);
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
