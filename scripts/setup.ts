// npm run setup — makes an organisation and its owner, and prints the one-time link where the owner
// chooses a password. Run it on first install, and again for each organisation the install hosts.
//   npm run setup -- --organisation "Name" --email owner@example.org --name "Owner's name"
// Missing values are asked for when run in a terminal.
import "./refuse-to-start";
import readline from "node:readline/promises";
import { parseArgs } from "node:util";
import { z } from "zod";
import { env, exitOnRefusal } from "~/env.server";
import { prepareDatabase } from "./prepare-database";
import { createOrganisationWithOwner, SetupSchema } from "~/organisations/setup.server";

const { values } = parseArgs({
  options: { organisation: { type: "string" }, email: { type: "string" }, name: { type: "string" } },
  allowPositionals: false,
});

await exitOnRefusal(async () => {
  const config = env();
  const answers = { ...values };
  if (process.stdin.isTTY) {
    const ask = readline.createInterface({ input: process.stdin, output: process.stdout });
    answers.organisation ??= await ask.question("Organisation's name: ");
    answers.email ??= await ask.question("Owner's email address: ");
    answers.name ??= await ask.question("Owner's name: ");
    ask.close();
  }
  const parsed = SetupSchema.safeParse(answers);
  if (!parsed.success) {
    console.error(
      `Not set up:\n${z.prettifyError(parsed.error)}\n\nUsage: npm run setup -- --organisation "Name" --email owner@example.org --name "Owner's name"`,
    );
    process.exit(2);
  }
  await prepareDatabase({ seed: false });
  const result = await createOrganisationWithOwner(parsed.data);
  if (!result.ok) {
    console.error(result.message);
    process.exit(1);
  }
  const base = config.APP_URL ?? `http://localhost:${config.PORT}`;
  console.log(`Made “${parsed.data.organisation}” with ${parsed.data.email} as its owner.`);
  console.log(
    `\nThe owner chooses a password here (the link works once, until ${result.expiresAt.toISOString().slice(0, 16).replace("T", " ")} UTC):\n\n  ${base}/reset-password/${result.token}\n`,
  );
  console.log("Give the link to the owner yourself (it is not emailed). Then they log in and invite everyone else.");
  process.exit(0);
});
