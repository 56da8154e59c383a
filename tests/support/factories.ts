// Factories: the rows a test story needs, made through the real modules where there is one.
import crypto from "node:crypto";
import type { AppLoadContext } from "@remix-run/node";
import { prisma } from "~/db.server";
import { hashPassword } from "~/auth/password.server";
import { createSession } from "~/auth/session.server";
import type { Role } from "~/auth/roles";

const unique = () => crypto.randomBytes(4).toString("hex");

export async function createOrganisation(name = `Org ${unique()}`) {
  const organisation = await prisma.organisation.create({ data: { name, slug: `org-${unique()}` } });
  const section = await prisma.section.create({
    data: {
      organisationId: organisation.id,
      name: `${name} section`,
      country: "BE",
      city: "Brussels",
      contactEmail: `section-${unique()}@example.org`,
    },
  });
  return { organisation, section };
}

let passwordHash: Promise<string> | undefined;
export const TEST_PASSWORD = "correct horse battery";

export async function createUser({
  organisationId,
  role = "organiser",
  sectionId = null,
  email = `user-${unique()}@example.org`,
}: {
  organisationId: string;
  role?: Role;
  sectionId?: string | null;
  email?: string;
}) {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  return prisma.user.create({
    data: { email, name: `User ${unique()}`, role, organisationId, sectionId, passwordHash: await passwordHash },
  });
}

export async function createCase({
  organisationId,
  status = "active",
  title = "Activists detained after a rally",
}: {
  organisationId: string;
  status?: "draft" | "active" | "closed";
  title?: string;
}) {
  return prisma.case.create({
    data: {
      organisationId,
      slug: `case-${unique()}`,
      title,
      summary: "Three activists were detained after a peaceful rally and charged.",
      country: "KZ",
      status,
      startedOn: "2019-07-06",
      sources: { create: { title: "Report on the rally", publisher: "A human-rights group", reference: "seeds/x.txt" } },
    },
    include: { sources: true },
  });
}

/** The Cookie header of a logged-in browser for this user. */
export async function cookieFor(userId: string): Promise<string> {
  const setCookie = await createSession(userId, "vitest");
  return setCookie.split(";")[0] ?? "";
}

export const testContext: AppLoadContext = { cspNonce: "test-nonce", clientAddress: "127.0.0.1" };

/** A Request as the browser would send it; a body object becomes a urlencoded form. */
export function request(
  path: string,
  { cookie, form, method }: { cookie?: string; form?: Record<string, string>; method?: string } = {},
): Request {
  const headers = new Headers();
  if (cookie) headers.set("Cookie", cookie);
  const init: RequestInit = { method: method ?? (form ? "POST" : "GET"), headers };
  if (form) {
    headers.set("Content-Type", "application/x-www-form-urlencoded");
    init.body = new URLSearchParams(form).toString();
  }
  return new Request(`http://localhost${path}`, init);
}

/** Runs a loader or action and gives back what it returned or threw (Remix throws Responses). */
export async function settle<T>(promise: Promise<T>): Promise<T | Response> {
  try {
    return await promise;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

/** The JSON body of an action's `json()` answer. */
export async function body(result: unknown): Promise<unknown> {
  if (result instanceof Response) return result.json();
  return result;
}

export async function createTarget(
  organisationId: string,
  data: {
    kind: "embassy" | "mep" | "official" | "other";
    name: string;
    country?: string | null;
    email?: string | null;
    languages?: string[];
    salutation?: string | null;
    tags?: string[];
    jurisdictions?: string[];
    postalAddress?: string | null;
    body?: string | null;
  },
) {
  return prisma.target.create({
    data: {
      organisationId,
      kind: data.kind,
      name: data.name,
      country: data.country ?? null,
      email: data.email === undefined ? `${data.name.toLowerCase().replace(/[^a-z]+/g, ".")}@example.org` : data.email,
      languages: `|${(data.languages ?? ["en"]).join("|")}|`,
      salutation: data.salutation ?? null,
      tags: data.tags?.length ? `|${data.tags.join("|")}|` : "",
      jurisdictions: data.jurisdictions?.length ? `|${data.jurisdictions.join("|")}|` : "",
      postalAddress: data.postalAddress ?? null,
      body: data.body ?? null,
    },
  });
}

export async function createCampaign(
  organisationId: string,
  caseId: string,
  {
    status = "live",
    templates,
  }: {
    status?: "draft" | "live" | "closed";
    templates: Array<{ name?: string; language: string; targetKind?: string | null; subject: string; body: string }>;
  },
) {
  return prisma.campaign.create({
    data: {
      organisationId,
      caseId,
      slug: `campaign-${unique()}`,
      title: "Free the activists",
      summary: "A campaign for the release of the activists.",
      callToAction: "Write to the authorities.",
      status,
      templates: {
        create: templates.map((t) => ({
          name: t.name ?? `Template ${t.language}`,
          language: t.language,
          targetKind: t.targetKind ?? null,
          subject: t.subject,
          body: t.body,
        })),
      },
    },
    include: { templates: true },
  });
}
