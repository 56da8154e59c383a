// Words a user reads about their letters: one word per state (a letter reads "Sent" only once the
// email provider accepted it; before that it is "Queued"), counts in the right number, and no
// invented time on an answer logged by hand, which knows only its day.
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { approveAll, generateLetters, sendApproved } from "~/letters/letter.server";
import { formatReceivedAt } from "~/responses/response.schema";
import * as lettersPage from "~/routes/admin.campaigns.$campaignId.letters";
import * as letterPage from "~/routes/admin.letters.$letterId";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { count, plural, signedSoFar } from "~/ui/format";
import { ProgressBar } from "~/ui/progress-bar";
import {
  cookieFor,
  createCampaign,
  createCase,
  createOrganisation,
  createTarget,
  createUser,
  request,
  testContext,
} from "../support/factories";

let organisationId: string;
let campaignId: string;
let cookie: string;

beforeAll(async () => {
  const { organisation } = await createOrganisation("Words org");
  organisationId = organisation.id;
  cookie = await cookieFor((await createUser({ organisationId })).id);
  const c = await createCase({ organisationId });
  campaignId = (
    await createCampaign(organisationId, c.id, {
      templates: [{ language: "en", subject: "About {{ case.title }}", body: "{{ target.salutation }}, we write to you." }],
    })
  ).id;
  await createTarget(organisationId, { kind: "embassy", name: "Embassy in Belgium", country: "BE" });
});

const lettersList = async () =>
  (
    await lettersPage.loader({
      request: request(`/admin/campaigns/${campaignId}/letters`, { cookie }),
      params: { campaignId },
      context: testContext,
    })
  ).letters;

describe("a letter's state", () => {
  it("reads Draft, then Approved, then Queued while the email waits, and Sent once the provider accepted it", async () => {
    const scope = { campaignId, organisationId, sectionId: null };
    await generateLetters({ ...scope, appUrl: "http://localhost" });
    expect((await lettersList()).map((l) => l.state)).toEqual(["Draft"]);
    await approveAll(scope);
    expect((await lettersList()).map((l) => l.state)).toEqual(["Approved, not sent"]);
    await sendApproved({ ...scope, appUrl: "http://localhost" });
    const [queued] = await lettersList();
    expect(queued?.state).toBe("Queued");
    const letter = await prisma.letter.findFirstOrThrow({ where: { campaignId } });
    const onPage = await letterPage.loader({
      request: request(`/admin/letters/${letter.id}`, { cookie }),
      params: { letterId: letter.id },
      context: testContext,
    });
    expect(onPage.state).toBe("Queued");

    await prisma.outboxEmail.update({ where: { id: letter.outboxEmailId ?? "" }, data: { status: "sent" } });
    expect((await lettersList()).map((l) => l.state)).toEqual(["Sent"]);
    await prisma.outboxEmail.update({ where: { id: letter.outboxEmailId ?? "" }, data: { status: "delivered" } });
    expect((await lettersList()).map((l) => l.state)).toEqual(["Delivered"]);
  });
});

describe("counts", () => {
  it("say 1 letter, 2 letters, 1 person, 2 people, and 1,000 with a separator", () => {
    expect(count(1, "letter")).toBe("1 letter");
    expect(count(0, "letter")).toBe("0 letters");
    expect(count(2, "person", "people")).toBe("2 people");
    expect(count(1000, "signature")).toBe("1,000 signatures");
    expect(`${count(1, "target")} ${plural(1, "has", "have")}`).toBe("1 target has");
  });
});

describe("signature counts on supporters' screens", () => {
  it("say 1 person has signed, and 1 confirmed signature of the goal", () => {
    expect(signedSoFar(1)).toBe("1 person has signed so far.");
    expect(signedSoFar(2314)).toBe("2,314 people have signed so far.");
    const one = renderToStaticMarkup(
      createElement(ProgressBar, { value: 1, goal: 1000, label: ["confirmed signature", "confirmed signatures"] }),
    );
    expect(one).toContain("<strong>1</strong> confirmed signature of 1,000");
    const many = renderToStaticMarkup(
      createElement(ProgressBar, { value: 2, goal: null, label: ["confirmed signature", "confirmed signatures"] }),
    );
    expect(many).toContain("<strong>2</strong> confirmed signatures");
  });
});

describe("when an answer came", () => {
  it("shows the day only for an answer logged by hand, and the minute for an email", () => {
    const noon = new Date("2026-11-20T12:00:00Z");
    expect(formatReceivedAt({ channel: "post", receivedAt: noon })).toBe("20 November 2026");
    expect(formatReceivedAt({ channel: "phone", receivedAt: noon.toISOString() })).toBe("20 November 2026");
    expect(formatReceivedAt({ channel: "email", receivedAt: new Date("2026-11-20T09:41:00Z") })).toBe("20 November 2026, 09:41 UTC");
  });
});
