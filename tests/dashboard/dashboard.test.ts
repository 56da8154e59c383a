// The dashboards tell organisers and sections what their campaign achieved: signatures a day,
// letters by delivery status, answers and how fast they came by kind of target, one timeline of the
// campaign and the people, and CSV exports; each seen only by those allowed to see it.
import crypto from "node:crypto";
import { parse } from "csv-parse/sync";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from "react-router-dom/server";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { DailyChart, HorizontalBarChart, MAX_DAILY_BARS, TimelineStrip } from "~/dashboard/charts";
import type { CampaignDashboard } from "~/dashboard/dashboard.server";
import * as campaignDashboardPage from "~/routes/admin.campaigns.$campaignId.dashboard";
import * as lettersCsv from "~/routes/admin.campaigns.$campaignId.letters[.]csv";
import * as responsesCsv from "~/routes/admin.campaigns.$campaignId.responses[.]csv";
import * as sectionDashboardPage from "~/routes/admin.sections.$sectionId.dashboard";
import {
  cookieFor,
  createCampaign,
  createCase,
  createOrganisation,
  createTarget,
  createUser,
  request,
  settle,
  testContext,
} from "../support/factories";

const at = (iso: string) => new Date(iso);

let campaignId: string;
let sectionId: string;
let otherSectionId: string;
let organiser: string;
let sectionMember: string;
let otherSectionMember: string;
let strangerOrganiser: string;

/** A letter as generation, sending and the webhooks leave it; `email` is its outbox email's status. */
async function letter({
  organisationId,
  targetId,
  senderSectionId = null,
  status,
  email,
  sentAt,
  followUpAt,
}: {
  organisationId: string;
  targetId: string;
  senderSectionId?: string | null;
  status: "draft" | "approved" | "sent";
  email?: string;
  sentAt?: string;
  followUpAt?: string;
}) {
  const outbox = email
    ? await prisma.outboxEmail.create({
        data: {
          organisationId,
          dedupeKey: `letter:${crypto.randomUUID()}`,
          kind: "letter",
          subjectType: "letter",
          fromAddress: "letters@example.org",
          toAddress: "target@example.org",
          subject: "Release the activists",
          html: "<p>x</p>",
          text: "x",
          status: email,
        },
      })
    : null;
  return prisma.letter.create({
    data: {
      organisationId,
      campaignId,
      targetId,
      sectionId: senderSectionId,
      senderKey: senderSectionId ?? "organisation",
      language: "en",
      subject: "Release the activists",
      body: "Dear Sir or Madam, ...",
      recipientName: "x",
      senderName: senderSectionId ? "Brussels section, Solidarity" : "Solidarity",
      signatories: "A. Organiser",
      status,
      replyToken: crypto.randomBytes(9).toString("hex"),
      sentAt: sentAt ? at(sentAt) : null,
      outboxEmailId: outbox?.id ?? null,
      followUpCount: followUpAt ? 1 : 0,
      lastFollowUpAt: followUpAt ? at(followUpAt) : null,
    },
  });
}

async function answer(letterId: string, organisationId: string, receivedAt: string, kind: string, summary: string) {
  return prisma.response.create({
    data: { letterId, organisationId, channel: "email", kind, receivedAt: at(receivedAt), fromName: "Consular section", summary },
  });
}

beforeAll(async () => {
  const { organisation, section } = await createOrganisation("Solidarity");
  const organisationId = organisation.id;
  sectionId = section.id;
  const other = await prisma.section.create({
    data: { organisationId, name: "Berlin section", country: "DE", city: "Berlin", contactEmail: "berlin@example.org" },
  });
  otherSectionId = other.id;
  organiser = await cookieFor((await createUser({ organisationId })).id);
  sectionMember = await cookieFor((await createUser({ organisationId, role: "section_member", sectionId })).id);
  otherSectionMember = await cookieFor((await createUser({ organisationId, role: "section_member", sectionId: other.id })).id);
  const stranger = await createOrganisation("Another organisation");
  strangerOrganiser = await cookieFor((await createUser({ organisationId: stranger.organisation.id })).id);

  const c = await createCase({ organisationId });
  const person = await prisma.person.create({
    data: { caseId: c.id, name: "Aigerim Tleuzhan", description: "Activist", status: "released", statusSince: "2026-10" },
  });
  await prisma.statusChange.createMany({
    data: [
      { personId: person.id, status: "detained", occurredOn: "2019-07-06", note: "Detained after the rally." },
      { personId: person.id, status: "released", occurredOn: "2026-10", note: "Released on probation." },
    ],
  });
  await prisma.caseUpdate.create({
    data: { caseId: c.id, title: "Aigerim is free", body: "She was released.", publishedAt: at("2026-10-06T09:00:00Z") },
  });
  const campaign = await createCampaign(organisationId, c.id, {
    templates: [{ language: "en", subject: "s", body: "Dear {{ target.name }}, please act." }],
  });
  campaignId = campaign.id;
  await prisma.campaign.update({
    where: { id: campaignId },
    data: { petitionText: "Free them.", signatureGoal: 100, signatureCount: 12, supporterLettersSent: 3, supporterLettersMailto: 2 },
  });
  await prisma.campaignDay.createMany({
    data: [
      { campaignId, day: "2026-10-01", signatures: 5 },
      { campaignId, day: "2026-10-03", signatures: 7 },
    ],
  });

  const target = (kind: "embassy" | "mep" | "official", name: string, country: string) =>
    createTarget(organisationId, { kind, name, country });
  const embassyBE = await target("embassy", '=HYPERLINK("http://evil.example") Embassy in Belgium', "BE");
  const embassyDE = await target("embassy", "Embassy in Germany", "DE");
  const embassyNL = await target("embassy", "Embassy in the Netherlands", "NL");
  const mepBE = await target("mep", "Member One", "BE");
  const mepFR = await target("mep", "Member Two", "FR");
  const mepDE = await target("mep", "Member Three", "DE");
  const officialKZ = await target("official", "Prosecutor General", "KZ");
  const officialKZ2 = await target("official", "Commissioner for Human Rights", "KZ");

  const base = { organisationId };
  // Embassies: one delivered and answered after 4 days (twice), one bounced and followed up, one approved.
  const l1 = await letter({ ...base, targetId: embassyBE.id, status: "sent", email: "delivered", sentAt: "2026-10-01T10:00:00Z" });
  await letter({
    ...base,
    targetId: embassyDE.id,
    status: "sent",
    email: "bounced",
    sentAt: "2026-10-01T11:00:00Z",
    followUpAt: "2026-10-09T08:00:00Z",
  });
  await letter({ ...base, targetId: embassyNL.id, status: "approved" });
  await answer(l1.id, organisationId, "2026-10-05T10:00:00Z", "acknowledgement", "+1 received, will forward");
  await answer(l1.id, organisationId, "2026-10-08T10:00:00Z", "substantive", "The case is under review.");
  // MEPs, sent by the Brussels section: answered after 10 and 2 days; one more still queued.
  const l3 = await letter({
    ...base,
    targetId: mepBE.id,
    senderSectionId: sectionId,
    status: "sent",
    email: "sent",
    sentAt: "2026-10-02T10:00:00Z",
  });
  const l4 = await letter({
    ...base,
    targetId: mepFR.id,
    senderSectionId: sectionId,
    status: "sent",
    email: "delivered",
    sentAt: "2026-10-02T10:00:00Z",
  });
  await letter({ ...base, targetId: mepDE.id, status: "sent", email: "queued", sentAt: "2026-10-03T10:00:00Z" });
  await answer(l3.id, organisationId, "2026-10-12T10:00:00Z", "commitment", "I will raise it in the subcommittee.");
  await answer(l4.id, organisationId, "2026-10-04T10:00:00Z", "acknowledgement", "Thank you for your letter.");
  // Officials: one failed, one still a draft, nothing answered.
  await letter({ ...base, targetId: officialKZ.id, status: "sent", email: "failed", sentAt: "2026-10-03T12:00:00Z" });
  await letter({ ...base, targetId: officialKZ2.id, status: "draft" });
});

async function dashboardAs(cookie: string, id = campaignId) {
  return settle(
    campaignDashboardPage.loader({
      request: request(`/admin/campaigns/${id}/dashboard`, { cookie }),
      params: { campaignId: id },
      context: testContext,
    }),
  );
}

async function loaded(): Promise<CampaignDashboard> {
  const result = await dashboardAs(organiser);
  if (result instanceof Response) throw new Error(`The dashboard answered ${result.status}`);
  return result;
}

/** The dashboard page as the server renders it, for the loader's data. */
async function renderDashboard(data: CampaignDashboard): Promise<string> {
  // The page reads its data with useLoaderData: a static router, as on the server, hands it the loader's result.
  const routes = [
    {
      id: "dashboard",
      path: "/d",
      loader: () => JSON.parse(JSON.stringify(data)) as object,
      element: createElement(campaignDashboardPage.default),
    },
  ];
  const handler = createStaticHandler(routes);
  const context = await handler.query(new Request("http://localhost/d"));
  if (context instanceof Response) throw new Error("the static handler redirected");
  return renderToStaticMarkup(createElement(StaticRouterProvider, { router: createStaticRouter(handler.dataRoutes, context), context }));
}

describe("the campaign dashboard", () => {
  it("counts letters by delivery status, from the email that carried each letter", async () => {
    const { lettersByStatus, totals } = await loaded();
    expect(Object.fromEntries(lettersByStatus.map((s) => [s.status, s.count]))).toEqual({
      draft: 1,
      approved: 1,
      queued: 1,
      sent: 1,
      delivered: 2,
      bounced: 1,
      failed: 1,
    });
    expect(totals).toMatchObject({
      letters: 8,
      sent: 6,
      answered: 3,
      answers: 4,
      signatures: 12,
      signatureGoal: 100,
      supporterLettersSent: 3,
      supporterLettersMailto: 2,
    });
    expect(totals.responseRate).toBeCloseTo(3 / 6);
    expect(totals.medianDaysToAnswer).toBe(4);
  });

  it("shows the signatures waiting for confirmation, the confirmation rate of recent ones, and mail-program clicks as opened, not sent", async () => {
    const daysAgo = (n: number) => new Date(Date.now() - n * 24 * 3600 * 1000);
    const signature = (i: number, status: "pending" | "confirmed", createdAt: Date) => ({
      campaignId,
      country: "BE",
      status,
      tokenHash: `dash-token-${crypto.randomUUID()}-${i}`,
      confirmationSentAt: createdAt,
      confirmedAt: status === "confirmed" ? createdAt : null,
      createdAt,
    });
    await prisma.signature.createMany({
      data: [
        // In the last 7 days: 3 confirmed, 1 waiting.
        signature(1, "confirmed", daysAgo(1)),
        signature(2, "confirmed", daysAgo(2)),
        signature(3, "confirmed", daysAgo(6)),
        signature(4, "pending", daysAgo(1)),
        // Older: confirmed ones stay, they are not in the rate (the unconfirmed of their days are gone).
        signature(5, "confirmed", daysAgo(20)),
        signature(6, "confirmed", daysAgo(30)),
      ],
    });
    try {
      const data = await loaded();
      expect(data.totals).toMatchObject({ unconfirmedSignatures: 1, recentSignatures: 4, confirmationWindowDays: 7 });
      expect(data.totals.confirmationRate).toBeCloseTo(3 / 4);
      const markup = await renderDashboard(data);
      expect(markup).toContain("Waiting for confirmation");
      expect(markup).toContain("confirmation rate 75% of the 4 signatures given in the last 7 days");
      // 3 sent through us, 2 opened in a mail program: 3 letters sent, never 5.
      expect(markup).toMatch(/Supporters&#x27; own letters sent<\/dt><dd><strong class="dash-number">3<\/strong>/);
      expect(markup).toContain("2 more opened in the supporter");
    } finally {
      await prisma.signature.deleteMany({ where: { campaignId, tokenHash: { startsWith: "dash-token-" } } });
    }
  });

  it("gives the response rate and the median days to a first answer for each kind of target", async () => {
    const { byKind } = await loaded();
    expect(byKind.map((k) => k.kind)).toEqual(["embassy", "mep", "official"]);
    const [embassy, mep, official] = byKind;
    // Embassies: 2 sent (the approved one is not), 1 answered, first answer after 4 days.
    expect(embassy).toMatchObject({ letters: 3, sent: 2, answered: 1, answers: 2, medianDaysToAnswer: 4 });
    expect(embassy!.responseRate).toBeCloseTo(0.5);
    // MEPs: answers after 10 and 2 days: median 6.
    expect(mep).toMatchObject({ letters: 3, sent: 3, answered: 2, answers: 2, medianDaysToAnswer: 6 });
    expect(mep!.responseRate).toBeCloseTo(2 / 3);
    expect(official).toMatchObject({ letters: 2, sent: 1, answered: 0, responseRate: 0, medianDaysToAnswer: null });
  });

  it("counts letters and answers by the target's country", async () => {
    const { byCountry } = await loaded();
    const row = (country: string) => byCountry.find((c) => c.country === country);
    expect(row("BE")).toMatchObject({ letters: 2, sent: 2, answered: 2, answers: 3 });
    expect(row("DE")).toMatchObject({ letters: 2, sent: 2, answered: 0 });
    expect(row("KZ")).toMatchObject({ letters: 2, sent: 1, answered: 0 });
    expect(byCountry.reduce((n, c) => n + c.letters, 0)).toBe(8);
  });

  it("shows signatures a day from the daily counts, with the days between at zero", async () => {
    const { signaturesByDay } = await loaded();
    expect(signaturesByDay).toEqual([
      { day: "2026-10-01", signatures: 5 },
      { day: "2026-10-02", signatures: 0 },
      { day: "2026-10-03", signatures: 7 },
    ]);
  });

  it("puts the campaign's actions and the people's status changes on one timeline, newest first", async () => {
    const { timeline } = await loaded();
    const dates = timeline.map((e) => e.date);
    expect(dates).toEqual([...dates].sort().reverse());
    // One entry a day for the letters: sent, followed up, answered for the first time.
    expect(timeline[0]).toEqual({ side: "campaign", type: "letters", date: "2026-10-12", sent: 0, followUps: 0, answered: 1 });
    expect(timeline).toContainEqual({ side: "campaign", type: "letters", date: "2026-10-09", sent: 0, followUps: 1, answered: 0 });
    expect(timeline).toContainEqual({ side: "campaign", type: "letters", date: "2026-10-05", sent: 0, followUps: 0, answered: 1 });
    expect(timeline).toContainEqual({ side: "campaign", type: "letters", date: "2026-10-03", sent: 2, followUps: 0, answered: 0 });
    expect(timeline).toContainEqual({ side: "campaign", type: "case-update", date: "2026-10-06", title: "Aigerim is free" });
    expect(timeline).toContainEqual({ side: "campaign", type: "letters", date: "2026-10-01", sent: 2, followUps: 0, answered: 0 });
    expect(timeline).toContainEqual(
      expect.objectContaining({
        side: "people",
        type: "status-change",
        date: "2026-10",
        person: "Aigerim Tleuzhan",
        statusLabel: "Released",
      }),
    );
    expect(timeline.at(-1)).toMatchObject({ side: "people", date: "2019-07-06", status: "detained" });
  });
});

describe("the charts", () => {
  const bars = (markup: string) => markup.match(/<rect class="bar"/g)?.length ?? 0;

  it("draws one bar a day, with a title, a description and each day's figure", async () => {
    const { signaturesByDay } = await loaded();
    const markup = renderToStaticMarkup(
      createElement(DailyChart, {
        id: "signatures",
        title: "Confirmed signatures a day",
        description: "12 signatures",
        points: signaturesByDay.map((d) => ({ day: d.day, value: d.signatures })),
        unit: "signatures",
      }),
    );
    expect(markup).toMatch(/^<svg[^>]*role="img"[^>]*aria-labelledby="signatures-title signatures-desc"/);
    expect(markup).toContain('<title id="signatures-title">Confirmed signatures a day</title>');
    expect(markup).toContain("<desc");
    expect(bars(markup)).toBe(3);
    expect(markup).toContain("<title>3 October 2026: 7 signatures</title>");
    expect(markup).toContain("<title>2 October 2026: 0 signatures</title>");
  });

  it("draws a long campaign as an area rather than bars thinner than a pixel", () => {
    const points = Array.from({ length: MAX_DAILY_BARS + 1 }, (_, i) => ({
      day: new Date(Date.UTC(2026, 0, 1) + i * 86400000).toISOString().slice(0, 10),
      value: i,
    }));
    const markup = renderToStaticMarkup(
      createElement(DailyChart, { id: "long", title: "Long", description: "d", points, unit: "signatures" }),
    );
    expect(bars(markup)).toBe(0);
    expect(markup).toContain('class="area"');
  });

  it("draws letters by status as one bar per status with its number", async () => {
    const { lettersByStatus } = await loaded();
    const markup = renderToStaticMarkup(
      createElement(HorizontalBarChart, {
        id: "delivery",
        title: "Letters by status",
        description: "d",
        series: [{ label: "", color: "#000" }],
        rows: lettersByStatus.map((s) => ({ label: s.label, values: [s.count] })),
      }),
    );
    expect(markup).toContain('<title id="delivery-title">Letters by status</title>');
    expect(bars(markup)).toBe(7);
    expect(markup).toContain("<title>Delivered: 2</title>");
    expect(markup).toContain("<title>Bounced: 1</title>");
  });

  it("draws two bars per kind of target: sent and answered", async () => {
    const { byKind } = await loaded();
    const markup = renderToStaticMarkup(
      createElement(HorizontalBarChart, {
        id: "kinds",
        title: "Letters sent and answered",
        description: "d",
        series: [
          { label: "sent", color: "#555" },
          { label: "answered", color: "#800" },
        ],
        rows: byKind.map((k) => ({ label: k.kind, values: [k.sent, k.answered] })),
      }),
    );
    expect(bars(markup)).toBe(6);
    expect(markup).toContain("<title>mep, answered: 2</title>");
  });

  it("marks the timeline in two lanes over the campaign's time, the people's earlier changes folded into one mark", async () => {
    const { timeline } = await loaded();
    const markup = renderToStaticMarkup(
      createElement(TimelineStrip, {
        id: "strip",
        title: "Timeline",
        description: "d",
        marks: timeline.map((e) => ({ date: e.date, lane: e.side, label: e.type })),
      }),
    );
    expect(markup).toContain('<title id="strip-title">Timeline</title>');
    // Released in October 2026 is on the axis; detained in 2019 came long before the campaign.
    expect(markup.match(/class="mark mark-people"/g)).toHaveLength(1);
    expect(markup).toContain("People · ◂ 1 earlier");
    expect(markup).toContain("6 July 2019, status-change");
    expect(markup.match(/class="mark mark-campaign"/g)).toHaveLength(timeline.length - 2);
  });

  it("renders the whole dashboard page on the server, every chart with its title", async () => {
    const data = await loaded();
    const markup = await renderDashboard(data);
    expect(markup).toContain("<h1>Dashboard: Free the activists</h1>");
    for (const id of ["chart-signatures", "chart-delivery", "chart-kinds", "chart-rates", "chart-countries", "chart-timeline"]) {
      expect(markup).toContain(`<title id="${id}-title">`);
    }
    expect(markup).toContain('href="/admin/campaigns/' + campaignId + '/letters.csv"');
    expect(markup).toContain("Aigerim Tleuzhan: Released");
    expect(markup).toContain("2 letters sent");
    expect(markup).toContain("Follow-up sent for 1 letter");
    expect(markup).toContain("Update published: “Aigerim is free”");
  });
});

describe("CSV exports", () => {
  async function csv(route: typeof lettersCsv | typeof responsesCsv, path: string, cookie = organiser) {
    const response = (await settle(
      route.loader({
        request: request(`/admin/campaigns/${campaignId}/${path}`, { cookie }),
        params: { campaignId },
        context: testContext,
      }),
    )) as Response;
    return { response, rows: response.ok ? (parse(await response.text(), { columns: true }) as Array<Record<string, string>>) : [] };
  }

  it("exports every letter with its delivery status, formulas defused", async () => {
    const { response, rows } = await csv(lettersCsv, "letters.csv");
    expect(response.headers.get("Content-Type")).toContain("text/csv");
    expect(response.headers.get("Content-Disposition")).toMatch(/attachment; filename="letters-campaign-/);
    expect(rows).toHaveLength(8);
    expect(Object.keys(rows[0]!)).toEqual([
      "target",
      "target_kind",
      "target_country",
      "sender",
      "subject",
      "status",
      "delivery",
      "delivery_status",
      "sent_at",
      "follow_ups",
    ]);
    const germany = rows.find((r) => r.target === "Embassy in Germany");
    expect(germany).toMatchObject({
      target_kind: "embassy",
      target_country: "DE",
      status: "sent",
      delivery: "bounced",
      delivery_status: "bounced",
      sent_at: "2026-10-01T11:00:00.000Z",
      follow_ups: "1",
    });
    expect(rows.find((r) => r.target === "Commissioner for Human Rights")).toMatchObject({
      status: "draft",
      delivery: "draft",
      delivery_status: "",
      sent_at: "",
    });
    expect(rows.find((r) => r.target_country === "BE" && r.target_kind === "embassy")!.target).toBe(
      '\'=HYPERLINK("http://evil.example") Embassy in Belgium',
    );
    expect(rows.filter((r) => r.sender === "Brussels section, Solidarity")).toHaveLength(2);
  });

  it("exports every answer with its target", async () => {
    const { rows } = await csv(responsesCsv, "responses.csv");
    expect(rows).toHaveLength(4);
    expect(Object.keys(rows[0]!)).toEqual([
      "target",
      "target_kind",
      "target_country",
      "sender",
      "channel",
      "kind",
      "received_at",
      "from_name",
      "summary",
    ]);
    expect(rows.find((r) => r.target === "Member One")).toMatchObject({
      target_kind: "mep",
      kind: "commitment",
      channel: "email",
      received_at: "2026-10-12T10:00:00.000Z",
      summary: "I will raise it in the subcommittee.",
    });
    expect(rows.find((r) => r.kind === "acknowledgement" && r.target_kind === "embassy")!.summary).toBe("'+1 received, will forward");
  });

  it("starts both files with the UTF-8 byte-order mark, so a spreadsheet keeps Cyrillic and Kazakh names intact", async () => {
    for (const [route, path] of [
      [lettersCsv, "letters.csv"],
      [responsesCsv, "responses.csv"],
    ] as const) {
      const response = (await settle(
        route.loader({
          request: request(`/admin/campaigns/${campaignId}/${path}`, { cookie: organiser }),
          params: { campaignId },
          context: testContext,
        }),
      )) as Response;
      const bytes = Buffer.from(await response.arrayBuffer());
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    }
  });

  it("reads letters in pages: a page size of 3 still gives every letter once", async () => {
    const { lettersCsvStream } = await import("~/dashboard/dashboard.server");
    const { organisationId } = await prisma.campaign.findUniqueOrThrow({ where: { id: campaignId } });
    const text = await new Response(lettersCsvStream({ organisationId, campaignId }, 3)).text();
    expect(parse(text, { columns: true })).toHaveLength(8);
  });
});

describe("who sees which dashboard", () => {
  it("an organiser of another organisation finds no such campaign, nor its exports", async () => {
    expect(((await dashboardAs(strangerOrganiser)) as Response).status).toBe(404);
    for (const [route, path] of [
      [lettersCsv, "letters.csv"],
      [responsesCsv, "responses.csv"],
    ] as const) {
      const result = (await settle(
        route.loader({
          request: request(`/admin/campaigns/${campaignId}/${path}`, { cookie: strangerOrganiser }),
          params: { campaignId },
          context: testContext,
        }),
      )) as Response;
      expect(result.status).toBe(404);
    }
  });

  it("a section member cannot open the campaign dashboard; nobody logged out can", async () => {
    expect(((await dashboardAs(sectionMember)) as Response).status).toBe(403);
    const anonymous = (await settle(
      campaignDashboardPage.loader({
        request: request(`/admin/campaigns/${campaignId}/dashboard`),
        params: { campaignId },
        context: testContext,
      }),
    )) as Response;
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("Location")).toMatch(/^\/login/);
  });

  async function sectionDashboardAs(cookie: string, id: string) {
    return settle(
      sectionDashboardPage.loader({
        request: request(`/admin/sections/${id}/dashboard`, { cookie }),
        params: { sectionId: id },
        context: testContext,
      }),
    );
  }

  it("a section member sees their own section's letters, delivery and answers", async () => {
    const result = await sectionDashboardAs(sectionMember, sectionId);
    if (result instanceof Response) throw new Error(`answered ${result.status}`);
    expect(result.campaigns).toHaveLength(1);
    expect(result.campaigns[0]).toMatchObject({ id: campaignId, letters: 2, sent: 2, answered: 2, answers: 2 });
    expect(Object.fromEntries(result.campaigns[0]!.lettersByStatus.filter((s) => s.count).map((s) => [s.status, s.count]))).toEqual({
      sent: 1,
      delivered: 1,
    });
    expect(result.answers.map((a) => [a.target?.name, a.kind, a.summary])).toEqual([
      ["Member One", "commitment", "I will raise it in the subcommittee."],
      ["Member Two", "acknowledgement", "Thank you for your letter."],
    ]);
    expect(result.answers[0]!.receivedAt).toBe("2026-10-12T10:00:00.000Z");
  });

  it("a section member cannot see another section's dashboard", async () => {
    expect(((await sectionDashboardAs(otherSectionMember, sectionId)) as Response).status).toBe(403);
    expect(((await sectionDashboardAs(sectionMember, otherSectionId)) as Response).status).toBe(403);
  });

  it("an organiser sees any section of their organisation, and no section of another", async () => {
    const own = await sectionDashboardAs(organiser, otherSectionId);
    if (own instanceof Response) throw new Error(`answered ${own.status}`);
    expect(own.campaigns).toEqual([]);
    expect(own.answers).toEqual([]);
    expect(((await sectionDashboardAs(strangerOrganiser, sectionId)) as Response).status).toBe(404);
  });
});
