// A campaign to sign in operations tests, and signing through the campaign page as a supporter does.
import { prisma } from "~/db.server";
import { readable } from "~/mail/outbox.server";
import * as campaignPage from "~/routes/campaigns.$slug._index";
import { formStamp } from "~/security/crypto.server";
import { createCampaign, createCase, createOrganisation, request, settle } from "../support/factories";

export async function petition() {
  const { organisation } = await createOrganisation();
  const c = await createCase({ organisationId: organisation.id });
  const campaign = await createCampaign(organisation.id, c.id, { templates: [{ language: "en", subject: "s", body: "Dear {{ target.name }}, please act." }] });
  return prisma.campaign.update({ where: { id: campaign.id }, data: { petitionText: "Free them.", signatureGoal: 100 } });
}

export async function sign(slug: string, fields: { name: string; email: string; city?: string }) {
  const form = { intent: "sign", formStartedAt: formStamp(Date.now() - 10_000), website: "", country: "BE", ...fields };
  const response = (await settle(campaignPage.action({ request: request(`/campaigns/${slug}`, { form }), params: { slug }, context: { cspNonce: "n", clientAddress: "198.51.100.9" } }))) as Response;
  if (response.status !== 302) throw new Error(`Signing answered ${response.status}`);
}

/** The signer's confirmation token, read from the link in the (decrypted) email sent to them. */
export async function confirmationToken(email: string): Promise<string> {
  const rows = await prisma.outboxEmail.findMany({ where: { kind: "confirm-signature" }, orderBy: { createdAt: "desc" } });
  const row = rows.map(readable).find((r) => r.toAddress === email);
  const token = row?.text.match(/\/s\/([A-Za-z0-9_-]+)\/confirm/)?.[1];
  if (!token) throw new Error(`No confirmation link to ${email}`);
  return token;
}
