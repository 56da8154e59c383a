// DATA_KEY rotates: rows sealed with the old key stay readable, the background pass seals them again
// with the new one, signers' links and duplicate detection keep working, and today's "v1." rows read.
import crypto from "node:crypto";
import { afterAll, describe, expect, it, vi } from "vitest";
import { prisma } from "~/db.server";
import { env, resetEnvForTests } from "~/env.server";
import { countNeedingReencryption, reencryptAll } from "~/operations/reencrypt.server";
import * as confirmPage from "~/routes/s.$token.confirm";
import { currentKeyId, decrypt, emailHash, encrypt, resetKeysForTests } from "~/security/crypto.server";
import { createOrganisation, createUser, request, testContext } from "../support/factories";
import { confirmationToken, petition, sign } from "./support";

vi.hoisted(() => {
  process.env.SIGN_RATE_LIMIT_PER_HOUR = "1000";
});

function useKeys(keys: { DATA_KEY?: string; DATA_KEY_PREVIOUS?: string; DATA_HASH_KEY?: string }) {
  for (const name of ["DATA_KEY", "DATA_KEY_PREVIOUS", "DATA_HASH_KEY"] as const) {
    if (keys[name] === undefined) delete process.env[name];
    else process.env[name] = keys[name];
  }
  resetEnvForTests();
  resetKeysForTests();
}
afterAll(() => useKeys({}));

/** What encrypt() wrote before keys were versioned: "v1." and no key id. */
function legacyEncrypt(plaintext: string, base64Key: string): string {
  const key = Buffer.from(crypto.hkdfSync("sha256", Buffer.from(base64Key, "base64"), Buffer.alloc(0), "signer-data-encryption-v1", 32));
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv("aes-256-gcm", key, iv);
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return `v1.${Buffer.concat([iv, cipher.getAuthTag(), ciphertext]).toString("base64url")}`;
}

describe("rotating the data key", () => {
  it("keeps every signer readable, re-encrypts them in the background, and keeps links and duplicate detection", async () => {
    const campaign = await petition();
    await sign(campaign.slug, { name: "Aigerim Nurlanovna", email: "aigerim@example.org" });
    const before = await prisma.signature.findFirstOrThrow({ where: { campaignId: campaign.id } });
    const oldKey = env().DATA_KEY;
    const oldId = currentKeyId();
    expect(before.nameEnc).toMatch(new RegExp(`^v2\\.${oldId}\\.`));
    // A row written by the version before keys were versioned.
    await prisma.signature.update({ where: { id: before.id }, data: { cityEnc: legacyEncrypt("Almaty", oldKey) } });
    expect(decrypt((await prisma.signature.findUniqueOrThrow({ where: { id: before.id } })).cityEnc!)).toBe("Almaty");
    const hashBefore = emailHash("aigerim@example.org");
    const token = await confirmationToken("aigerim@example.org");

    // The rotation as `npm run rotate-key` tells it: a new key, the old one previous, the hash key kept.
    const newKey = crypto.randomBytes(32).toString("base64");
    useKeys({ DATA_KEY: newKey, DATA_KEY_PREVIOUS: oldKey, DATA_HASH_KEY: oldKey });
    expect(currentKeyId()).not.toBe(oldId);
    expect(decrypt(before.nameEnc!)).toBe("Aigerim Nurlanovna");
    expect(emailHash("aigerim@example.org")).toBe(hashBefore);
    expect(encrypt("new")).toMatch(new RegExp(`^v2\\.${currentKeyId()}\\.`));
    expect(await countNeedingReencryption()).toBeGreaterThanOrEqual(3); // name, email, city, and the email in the outbox

    const { changed, unreadable } = await reencryptAll({ chunkSize: 2 });
    expect(changed).toBeGreaterThanOrEqual(3);
    expect(unreadable).toBe(0);
    expect(await countNeedingReencryption()).toBe(0);

    // The old key can go: everything reads with the new one alone.
    useKeys({ DATA_KEY: newKey, DATA_HASH_KEY: oldKey });
    const after = await prisma.signature.findUniqueOrThrow({ where: { id: before.id } });
    expect(after.nameEnc).toMatch(new RegExp(`^v2\\.${currentKeyId()}\\.`));
    expect([decrypt(after.nameEnc!), decrypt(after.emailEnc!), decrypt(after.cityEnc!)]).toEqual([
      "Aigerim Nurlanovna",
      "aigerim@example.org",
      "Almaty",
    ]);
    expect(await confirmationToken("aigerim@example.org")).toBe(token);

    // The link in the email sent before the rotation still confirms.
    await confirmPage.action({ request: request(`/s/${token}/confirm`, { form: {} }), params: { token }, context: testContext });
    expect((await prisma.signature.findUniqueOrThrow({ where: { id: before.id } })).status).toBe("confirmed");

    // Signing again with the same address is still recognised as the same signer.
    await sign(campaign.slug, { name: "Aigerim N.", email: "Aigerim@Example.org" });
    expect(await prisma.signature.count({ where: { campaignId: campaign.id } })).toBe(1);
  });

  it("re-encrypts organisers' two-factor keys too, so they still log in once the old key is gone", async () => {
    const { organisation } = await createOrganisation();
    const user = await createUser({ organisationId: organisation.id });
    await prisma.user.update({ where: { id: user.id }, data: { totpSecretEnc: encrypt("JBSWY3DPEHPK3PXP"), totpEnabledAt: new Date() } });
    const oldKey = env().DATA_KEY;
    const hashKey = env().hashKey;
    const newKey = crypto.randomBytes(32).toString("base64");
    useKeys({ DATA_KEY: newKey, DATA_KEY_PREVIOUS: oldKey, DATA_HASH_KEY: hashKey });
    await reencryptAll({ chunkSize: 2 });
    useKeys({ DATA_KEY: newKey, DATA_HASH_KEY: hashKey });
    const after = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(decrypt(after.totpSecretEnc!)).toBe("JBSWY3DPEHPK3PXP");
  });

  it("says which key to add when a value was sealed with a key that is not configured", () => {
    useKeys({});
    const sealed = encrypt("secret");
    useKeys({ DATA_KEY: crypto.randomBytes(32).toString("base64") });
    expect(() => decrypt(sealed)).toThrow(/DATA_KEY_PREVIOUS/);
    useKeys({});
    expect(decrypt(sealed)).toBe("secret");
  });
});
