// Signing a petition from a submitted form, for every page that carries the sign form (the campaign
// page and its embed): one answer for every address, the stamp, honeypot and rate limit of every
// public form, and the signer's language.
import type { ActionFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { notFoundUnless } from "~/auth/permissions.server";
import { appUrl } from "~/env.server";
import { shareChannel, SOURCE_FIELD } from "~/growth/share";
import { languageOf, withLanguage } from "~/i18n/i18n.server";
import { checkPublicForm, refundSubmission, STAMP_USED_MESSAGE } from "~/petitions/abuse.server";
import { SignSchema } from "~/petitions/signature.schema";
import { campaignForSigning, sign } from "~/petitions/signature.server";
import { paramOr404, SlugSchema } from "~/security/params.server";
import { failure, parseForm } from "~/ui/form-result";

/** `then` is the page after signing, the same for every address ("check your inbox"). */
export async function signFromForm({ request, params, context }: ActionFunctionArgs, then: (slug: string) => string) {
  const campaign = await campaignForSigning(paramOr404(SlugSchema, params.slug, "No such campaign."));
  notFoundUnless(campaign, "No such campaign.");
  const formData = await request.formData();
  if (campaign.status !== "live" || !campaign.petitionText) {
    return json(failure(formData, {}, "errors.petitionClosed"), { status: 409 });
  }
  const verdict = await checkPublicForm(formData, context.clientAddress);
  if (!verdict.ok) {
    return json(failure(formData, {}, verdict.message), {
      status: verdict.status,
      headers: verdict.retryAfterSeconds ? { "Retry-After": String(verdict.retryAfterSeconds) } : {},
    });
  }
  const parsed = parseForm(SignSchema, formData);
  if (!parsed.success) {
    await refundSubmission(context.clientAddress);
    return json(parsed.failure, { status: 400 });
  }
  const result = await sign({
    campaign,
    input: parsed.data,
    clientAddress: context.clientAddress,
    appUrl: appUrl(request),
    stamp: verdict.stamp,
    language: await languageOf(request),
    source: shareChannel(formData.get(SOURCE_FIELD)),
  });
  if (result.kind === "stamp-used") {
    await refundSubmission(context.clientAddress);
    return json(failure(formData, {}, STAMP_USED_MESSAGE), { status: 409 });
  }
  return redirect(`${then(campaign.slug)}?${withLanguage(request, { signed: "check-email" })}`);
}
