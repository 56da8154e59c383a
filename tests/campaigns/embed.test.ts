// An embeddable petition: organisers list the sites that may frame a campaign's sign form; that page
// alone tells browsers those sites may frame it, every other page refuses every frame; signing in
// the frame is the ordinary signing and counts once.
import type { AddressInfo } from "node:net";
import express from "express";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { prisma } from "~/db.server";
import { EmbedOriginsSchema, embedSnippet } from "~/campaigns/embed";
import * as editCampaign from "~/routes/admin.campaigns.$campaignId._index";
import * as embedPage from "~/routes/campaigns.$slug.embed";
import { formStamp } from "~/security/crypto.server";
import { securityHeaders } from "~/security/security-headers.server";
import {
  body,
  cookieFor,
  createCampaign,
  createCase,
  createOrganisation,
  createUser,
  request,
  settle,
  testContext,
} from "../support/factories";

vi.hoisted(() => {
  process.env.SIGN_MIN_FILL_SECONDS = "2";
  process.env.SIGN_RATE_LIMIT_PER_HOUR = "1000";
});

let w: Awaited<ReturnType<typeof world>>;
async function world() {
  const { organisation } = await createOrganisation();
  const c = await createCase({ organisationId: organisation.id, title: "Activists detained" });
  const campaign = await createCampaign(organisation.id, c.id, { templates: [] });
  await prisma.campaign.update({ where: { id: campaign.id }, data: { petitionText: "Release the activists." } });
  const other = await createCampaign(organisation.id, c.id, { templates: [] });
  const cookie = await cookieFor((await createUser({ organisationId: organisation.id, role: "organiser" })).id);
  return { organisation, campaign, other, cookie };
}
beforeEach(async () => {
  w = await world();
});

const saveSites = async (embedOrigins: string) =>
  (await settle(
    editCampaign.action({
      request: request(`/admin/campaigns/${w.campaign.id}`, { cookie: w.cookie, form: { intent: "embed", embedOrigins } }),
      params: { campaignId: w.campaign.id },
      context: testContext,
    }),
  )) as Response;

describe("the sites that may embed a campaign", () => {
  it("keeps https origins only, one per line, written the one way browsers compare them", () => {
    const parsed = EmbedOriginsSchema.parse(
      "https://Partner.Example.org/\n\n  https://partner.example.org\nhttps://news.example.net:8443\nhttp://localhost:3000",
    );
    expect(parsed).toEqual(["https://partner.example.org", "https://news.example.net:8443", "http://localhost:3000"]);
  });

  it("refuses what is not a site's start, with the line that is wrong", () => {
    for (const [line, message] of [
      ["http://partner.example.org", /must start with https/],
      ["https://partner.example.org/petition", /without a page/],
      ["https://partner.example.org?x=1", /without a page/],
      ["https://user:pw@partner.example.org", /without a page/],
      ["partner.example.org", /not a site address/],
      ["https://*.example.org", /not a site address/],
      ["'none' https://a.example.org", /not a site address/],
      [`https://${"a".repeat(250)}.org`, /too long/],
    ] as const) {
      const result = EmbedOriginsSchema.safeParse(line);
      expect(result.success, line).toBe(false);
      expect(result.error?.issues[0]?.message, line).toMatch(message);
    }
    const eleven = Array.from({ length: 11 }, (_, i) => `https://site${i}.example.org`).join("\n");
    expect(EmbedOriginsSchema.safeParse(eleven).error?.issues[0]?.message).toMatch(/At most 10 sites/);
  });

  it("saves the list from the campaign's settings; a wrong line is refused beside the field with what was typed kept", async () => {
    const bad = await saveSites("https://partner.example.org\nhttp://insecure.example.org");
    expect(bad.status).toBe(400);
    expect(await body(bad)).toMatchObject({
      failure: {
        fieldErrors: { embedOrigins: [expect.stringMatching(/insecure\.example\.org.*https/)] },
        values: { embedOrigins: "https://partner.example.org\nhttp://insecure.example.org" },
      },
    });
    expect((await prisma.campaign.findUniqueOrThrow({ where: { id: w.campaign.id } })).embedOrigins).toBe("");

    expect((await saveSites("https://partner.example.org/")).status).toBe(200);
    expect((await prisma.campaign.findUniqueOrThrow({ where: { id: w.campaign.id } })).embedOrigins).toBe("https://partner.example.org");
    const page = (await editCampaign.loader({
      request: request(`/admin/campaigns/${w.campaign.id}`, { cookie: w.cookie }),
      params: { campaignId: w.campaign.id },
      context: testContext,
    })) as { embed: { origins: string[]; snippet: string } };
    expect(page.embed.origins).toEqual(["https://partner.example.org"]);
    expect(page.embed.snippet).toMatch(new RegExp(`^<iframe src="http://localhost/campaigns/${w.campaign.slug}/embed" `));
  });

  it("gives a snippet that no campaign title can break out of", () => {
    const snippet = embedSnippet("https://app.example.org", "free-them", `"><script>alert(1)</script>`);
    expect(snippet).not.toContain("<script>");
    expect(snippet).toContain("&quot;&gt;&lt;script&gt;");
  });
});

describe("the security headers", () => {
  let base: string;
  let close: () => void;
  beforeAll(async () => {
    const app = express();
    app.use((_req, res, next) => {
      res.locals.cspNonce = "n0nce";
      next();
    });
    app.use(securityHeaders({ https: false }));
    app.get("*", (_req, res) => {
      res.send("ok");
    });
    const server = app.listen(0);
    await new Promise((resolve) => server.once("listening", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    close = () => server.close();
  });
  afterAll(() => close());

  const headersOf = async (path: string) => (await fetch(`${base}${path}`)).headers;
  const frameAncestors = (headers: Headers) => /frame-ancestors ([^;]*)/.exec(headers.get("content-security-policy") ?? "")?.[1];

  it("let the listed sites, and only them, frame the campaign's embed page; every other page refuses any frame", async () => {
    await prisma.campaign.update({
      where: { id: w.campaign.id },
      data: { status: "live", embedOrigins: "https://partner.example.org\nhttps://news.example.net" },
    });
    await prisma.campaign.update({ where: { id: w.other.id }, data: { status: "live" } });

    const embed = await headersOf(`/campaigns/${w.campaign.slug}/embed`);
    expect(frameAncestors(embed)).toBe("https://partner.example.org https://news.example.net");
    expect(embed.get("x-frame-options")).toBeNull();
    // The rest of the policy is the site's: scripts only with this response's nonce.
    expect(embed.get("content-security-policy")).toContain("script-src 'self' 'nonce-n0nce'");

    for (const path of [
      `/campaigns/${w.campaign.slug}`,
      `/campaigns/${w.campaign.slug}/write`,
      "/",
      "/admin",
      `/campaigns/${w.other.slug}/embed`,
      "/campaigns/no-such/embed",
    ]) {
      const headers = await headersOf(path);
      expect(frameAncestors(headers), path).toBe("'none'");
      if (!path.endsWith("/embed")) expect(headers.get("x-frame-options"), path).toBe("DENY");
    }
  });

  it("refuse frames for a draft campaign's embed page, whatever it lists", async () => {
    await prisma.campaign.update({ where: { id: w.campaign.id }, data: { status: "draft", embedOrigins: "https://partner.example.org" } });
    expect(frameAncestors(await headersOf(`/campaigns/${w.campaign.slug}/embed`))).toBe("'none'");
  });
});

describe("signing in the frame", () => {
  it("is the ordinary signing: the same email to confirm, and the thank-you stays in the frame", async () => {
    await prisma.campaign.update({ where: { id: w.campaign.id }, data: { status: "live" } });
    const form = {
      intent: "sign",
      name: "Aliya Test",
      email: "aliya@example.org",
      country: "BE",
      formStartedAt: formStamp(Date.now() - 10_000),
      website: "",
    };
    const sign = () =>
      settle(
        embedPage.action({
          request: request(`/campaigns/${w.campaign.slug}/embed`, { form }),
          params: { slug: w.campaign.slug },
          context: testContext,
        }),
      ) as Promise<Response>;
    const answer = await sign();
    expect(answer.status).toBe(302);
    expect(answer.headers.get("Location")).toBe(`/campaigns/${w.campaign.slug}/embed?signed=check-email`);
    expect(await prisma.signature.count({ where: { campaignId: w.campaign.id } })).toBe(1);
    expect(await prisma.outboxEmail.count({ where: { kind: "confirm-signature" } })).toBeGreaterThan(0);
    // The same form sent twice (a double click, the back button) is refused: one signature.
    expect((await sign()).status).toBe(409);
    expect(await prisma.signature.count({ where: { campaignId: w.campaign.id } })).toBe(1);
  });
});
