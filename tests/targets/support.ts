// What the target tests share: an organiser with a browser cookie, the real data files, uploads.
import fs from "node:fs";
import path from "node:path";
import { createOrganisation, createUser, cookieFor } from "../support/factories";

export async function organiser(name?: string) {
  const { organisation, section } = await createOrganisation(name);
  const user = await createUser({ organisationId: organisation.id, role: "organiser" });
  return { organisation, section, user, cookie: await cookieFor(user.id) };
}

/**
 * A file of real public target data kept in the repository (prisma/seed/data). A missing file
 * throws, so the test fails: real data that silently stops being tested would hide a broken import.
 */
export function realData(fileName: string): string {
  return fs.readFileSync(path.resolve("prisma/seed/data", fileName), "utf8");
}

/** The multipart request the upload form sends. */
export function uploadRequest(cookie: string, fileName: string, content: string): Request {
  const form = new FormData();
  form.append("file", new File([content], fileName, { type: fileName.endsWith(".json") ? "application/json" : "text/csv" }));
  return new Request("http://localhost/admin/targets/import", { method: "POST", body: form, headers: { Cookie: cookie } });
}
