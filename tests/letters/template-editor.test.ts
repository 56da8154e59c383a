// The template editor: its preview renders what is typed (for a chosen target and sender, within the
// same limits as saving), saving says "Saved.", and deleting a template asks first, then the
// campaign page says "Template deleted." Letters generated from it stay.
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { generateLetters } from "~/letters/letter.server";
import * as campaignPage from "~/routes/admin.campaigns.$campaignId._index";
import * as templateEditor from "~/routes/admin.campaigns.$campaignId.templates.$templateId";
import {
  body,
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

let organisationId: string;
let sectionId: string;
let cookie: string;
let campaignId: string;
let templateId: string;
let embassyId: string;

const path = () => `/admin/campaigns/${campaignId}/templates/${templateId}`;
const params = () => ({ campaignId, templateId });
const post = (form: Record<string, string>, p = params()) =>
  settle(templateEditor.action({ request: request(path(), { cookie, form }), params: p, context: testContext }));

beforeAll(async () => {
  const { organisation, section } = await createOrganisation("Solidarity");
  organisationId = organisation.id;
  sectionId = section.id;
  await prisma.section.update({ where: { id: sectionId }, data: { signatories: "Marie Dupont" } });
  cookie = await cookieFor((await createUser({ organisationId })).id);
  const c = await createCase({ organisationId, title: "Activists detained" });
  const campaign = await createCampaign(organisationId, c.id, {
    templates: [{ name: "English letter", language: "en", subject: "About {{ case.title }}", body: "{{ target.salutation }}, we write." }],
  });
  campaignId = campaign.id;
  templateId = campaign.templates[0]?.id ?? "";
  embassyId = (await createTarget(organisationId, { kind: "embassy", name: "Embassy in Belgium", country: "BE", salutation: "Excellency" }))
    .id;
});

describe("the template preview", () => {
  it("renders the subject and body as typed, for the chosen target and sender, and saves nothing", async () => {
    const result = await body(
      await post({
        intent: "preview",
        subject: "On {{ case.title }}",
        body: "{{ target.salutation }},\n\nSigned: {{ sender.signatories }}",
        target: embassyId,
        sender: sectionId,
      }),
    );
    expect(result).toMatchObject({
      preview: { recipient: "Embassy in Belgium", subject: "On Activists detained", body: "Excellency,\n\nSigned: Marie Dupont" },
      values: { subject: "On {{ case.title }}" },
    });
    const stored = await prisma.letterTemplate.findUniqueOrThrow({ where: { id: templateId } });
    expect(stored.subject).toBe("About {{ case.title }}");
  });

  it("says where a half-written template goes wrong, with line and column", async () => {
    const result = await body(await post({ intent: "preview", subject: "Hi", body: "Dear all,\n{{ case.titel }}", target: embassyId }));
    expect(result).toMatchObject({ preview: { error: expect.stringMatching(/^Line 2, column \d+: undefined variable: case\.titel/) } });
  });

  it("keeps to the limits of saving", async () => {
    const result = await body(await post({ intent: "preview", subject: "Hi", body: "x".repeat(20_001) }));
    expect(result).toMatchObject({ preview: { error: "The letter is too long: at most 20,000 characters." } });
  });

  it("stops a template that would hold the server, and says why", async () => {
    const hugeLoop = "Dear friends,\n{% for i in (1..100000000) %}{{ i }}{% endfor %}";
    const result = await body(await post({ intent: "preview", subject: "Hi", body: hugeLoop, target: embassyId }));
    expect(result).toMatchObject({ preview: { error: expect.stringMatching(/too long a list/) } });
  });

  it("answers the preview of a new template too", async () => {
    const result = await body(
      await post({ intent: "preview", subject: "New", body: "Dear {{ target.name }}" }, { campaignId, templateId: "new" }),
    );
    expect(result).toMatchObject({ preview: { subject: "New" } });
  });
});

describe("saving and deleting", () => {
  it("saves and the page says Saved.", async () => {
    const saved = await post({
      intent: "save",
      name: "English letter",
      language: "en",
      targetKind: "",
      subject: "About",
      body: "Dear friends, we write.",
    });
    expect(saved).toBeInstanceOf(Response);
    const location = (saved as Response).headers.get("Location") ?? "";
    expect(location).toBe(`${path()}?saved=1`);
    const page = await templateEditor.loader({ request: request(location, { cookie }), params: params(), context: testContext });
    expect(page.saved).toBe(true);
  });

  it("asks before deleting, naming the template and the letters that stay; then the campaign page says Template deleted.", async () => {
    await generateLetters({ campaignId, organisationId, sectionId: null, appUrl: "http://localhost" });
    const asked = (await body(await post({ intent: "delete" }))) as { confirm: { title: string; detail: string; button: string } };
    expect(asked.confirm).toMatchObject({
      title: "Delete the template “English letter”",
      detail: "The 1 letter generated from it stays; new letters cannot use it. This cannot be undone.",
      button: "Delete the template",
    });
    expect(await prisma.letterTemplate.count({ where: { id: templateId } })).toBe(1);

    const done = await post({ intent: "delete", confirmed: "yes" });
    expect((done as Response).headers.get("Location")).toBe(`/admin/campaigns/${campaignId}?deleted=template`);
    expect(await prisma.letterTemplate.count({ where: { id: templateId } })).toBe(0);
    expect(await prisma.letter.count({ where: { campaignId } })).toBe(1);
    const campaign = await campaignPage.loader({
      request: request(`/admin/campaigns/${campaignId}?deleted=template`, { cookie }),
      params: { campaignId },
      context: testContext,
    });
    expect(campaign.deleted).toBe(true);
  });

  it("the campaign page's Delete asks first too", async () => {
    const other = await prisma.letterTemplate.create({
      data: { campaignId, name: "Spare", language: "fr", subject: "S", body: "Body of the letter." },
    });
    const form = { intent: "delete-template", templateId: other.id };
    const run = (f: Record<string, string>) =>
      settle(
        campaignPage.action({
          request: request(`/admin/campaigns/${campaignId}`, { cookie, form: f }),
          params: { campaignId },
          context: testContext,
        }),
      );
    expect(await body(await run(form))).toMatchObject({
      confirm: {
        title: "Delete the template “Spare”",
        items: ["Spare · FR · any kind of target"],
        detail: "No letter was generated from it. This cannot be undone.",
      },
    });
    expect(await prisma.letterTemplate.count({ where: { id: other.id } })).toBe(1);
    expect(await body(await run({ ...form, confirmed: "yes" }))).toMatchObject({ message: "Template deleted." });
    expect(await prisma.letterTemplate.count({ where: { id: other.id } })).toBe(0);
  });
});
