// `npm run rotate-key`: a new DATA_KEY. For a demo install (data/dev-secrets.json) it rotates the file in
// place; for a configured install it prints the new key and the steps. `--status` counts the values
// still sealed with an old key. The hash key never changes (docs/decisions/004-encryption-keys.md).
import "./refuse-to-start";
import crypto from "node:crypto";
import fs from "node:fs";
import { configureDatabase } from "~/db.server";
import { devSecretsFile, env, exitOnRefusal, readDevSecrets, writeFileAtomically } from "~/env.server";
import { countNeedingReencryption } from "~/operations/reencrypt.server";

const config = await exitOnRefusal(env);

if (process.argv.includes("--status")) {
  await configureDatabase();
  const remaining = await countNeedingReencryption();
  console.log(
    remaining === 0
      ? config.previousDataKeys.length
        ? "Every value is sealed with the current DATA_KEY: DATA_KEY_PREVIOUS can be removed."
        : "Every value is sealed with the current DATA_KEY, and no previous key is configured."
      : `${remaining} values are still sealed with a previous key; the server's background work re-encrypts them (hourly, and at start).`,
  );
  process.exit(0);
}

const newKey = crypto.randomBytes(32).toString("base64");
const file = devSecretsFile(config.DATABASE_URL);

if (!process.env.DATA_KEY && fs.existsSync(file)) {
  const secrets = readDevSecrets(file);
  const rotated = {
    ...secrets,
    DATA_HASH_KEY: secrets.DATA_HASH_KEY ?? secrets.DATA_KEY,
    DATA_KEY: newKey,
    DATA_KEY_PREVIOUS: [secrets.DATA_KEY, ...(secrets.DATA_KEY_PREVIOUS ?? [])],
  };
  writeFileAtomically(file, JSON.stringify(rotated, null, 2));
  console.log(`Rotated the data key in ${file}: the old one is kept as a previous key.
Restart the app: new data is sealed with the new key, and its background work re-encrypts the old rows.
\`npm run rotate-key -- --status\` says when none is left.`);
} else {
  const previous = [config.DATA_KEY, ...config.previousDataKeys].join(",");
  console.log(`A new data key:

  ${newKey}

To rotate:
1. Keep the hash key as it is: ${process.env.DATA_HASH_KEY ? "DATA_HASH_KEY is already set; leave it." : `set DATA_HASH_KEY to the current DATA_KEY (the keyed hashes of emails and the signers' links stay valid):\n     DATA_HASH_KEY=${config.DATA_KEY}`}
2. Set DATA_KEY to the new key above, and DATA_KEY_PREVIOUS to the keys before it:
     DATA_KEY=${newKey}
     DATA_KEY_PREVIOUS=${previous}
3. Keep a copy of the new key where you keep the others (not beside the backups), and restart the app.
4. The server's background work re-encrypts old rows in small chunks while it serves.
   \`npm run rotate-key -- --status\` says when none is left; then remove DATA_KEY_PREVIOUS and restart.
   Backups made before the rotation still need the old key: keep it while you keep them.`);
}
