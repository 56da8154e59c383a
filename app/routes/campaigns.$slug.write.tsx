// "Write your own letter": the campaign's letter for the supporter's country, with their name and
// city, to edit and then send through the app (once they confirm from their inbox; replies go to
// them) or open in their mail program.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useRouteError } from "@remix-run/react";
import { z } from "zod";
import { multiLine, singleLine } from "~/security/text";
import { notFoundUnless } from "~/auth/permissions.server";
import { appUrl } from "~/env.server";
import { checkPublicForm } from "~/petitions/abuse.server";
import { HONEYPOT_FIELD, STAMP_FIELD } from "~/petitions/form-fields";
import { PersonName } from "~/petitions/signature.schema";
import { allowedTarget, campaignForWriting, countSupporterLetter, draftSupporterLetters, requestSupporterLetter } from "~/petitions/supporter-letter.server";
import { formStamp } from "~/security/crypto.server";
import { countryCodes, countryOptions } from "~/ui/countries";
import { ErrorMessage } from "~/ui/error-message";
import { failure, parseForm } from "~/ui/form-result";
import { FormError, SelectField, TextAreaField, TextField } from "~/ui/forms";
import { countryName } from "~/ui/format";
import { IdSchema, paramOr404, SlugSchema } from "~/security/params.server";

export const meta: MetaFunction = () => [{ title: "Write your own letter: Solidarity letters" }];

const Who = z.object({
  name: PersonName,
  city: singleLine().trim().max(120).transform((v) => (v === "" ? null : v)).default(""),
  country: z.string().trim().toUpperCase().refine((c) => countryCodes.has(c), "Choose your country."),
});

async function liveCampaign(slugParam: string | undefined) {
  const campaign = await campaignForWriting(paramOr404(SlugSchema, slugParam, "No such campaign."));
  notFoundUnless(campaign, "No such live campaign.");
  return campaign;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const campaign = await liveCampaign(params.slug);
  const search = Object.fromEntries(new URL(request.url).searchParams);
  const who = "country" in search ? Who.safeParse(search) : null;
  const drafts = who?.success
    ? await draftSupporterLetters({ campaign, ...who.data, appUrl: appUrl(request) })
    : [];
  return {
    campaign: { slug: campaign.slug, title: campaign.title },
    who: who?.success ? who.data : null,
    whoErrors: who && !who.success ? z.flattenError(who.error).fieldErrors : null,
    search,
    drafts,
    stamp: formStamp(),
  };
}

const LetterForm = z.object({
  intent: z.enum(["send", "mailto"]),
  targetId: IdSchema,
  name: PersonName,
  city: singleLine().trim().max(120).transform((v) => (v === "" ? null : v)).default(""),
  country: z.string().trim().toUpperCase().refine((c) => countryCodes.has(c)),
  subject: singleLine().trim().min(1, "The subject is required.").max(300),
  body: multiLine().trim().min(20, "The letter needs at least 20 characters.").max(20000),
  email: singleLine().trim().max(254, "Give an email address like name@example.org.").default(""),
});

export async function action({ request, params, context }: ActionFunctionArgs) {
  const campaign = await liveCampaign(params.slug);
  const formData = await request.formData();
  const parsed = parseForm(LetterForm, formData);
  if (!parsed.success) return json({ targetId: String(formData.get("targetId") ?? ""), failure: parsed.failure, sent: false }, { status: 400 });
  const input = parsed.data;
  const target = await allowedTarget(campaign, input.country, input.targetId);
  if (!target) throw new Response("This target is not one of this campaign's for your country.", { status: 404 });

  if (input.intent === "mailto") {
    if (!target.email) return json({ targetId: target.id, failure: failure(formData, {}, "This target has no email address."), sent: false }, { status: 400 });
    await countSupporterLetter(campaign.id, "mailto");
    const query = new URLSearchParams({ subject: input.subject, body: input.body }).toString().replace(/\+/g, "%20");
    return redirect(`mailto:${target.email}?${query}`);
  }

  const email = z.email().safeParse(input.email);
  if (!email.success) {
    return json({ targetId: target.id, failure: failure(formData, { email: ["Give your email address: the target's answer will come to it."] }), sent: false }, { status: 400 });
  }
  const verdict = await checkPublicForm(formData, context.clientAddress);
  if (!verdict.ok) return json({ targetId: target.id, failure: failure(formData, {}, verdict.message), sent: false }, { status: verdict.status });
  const outcome = await requestSupporterLetter({
    campaign,
    target,
    supporter: { name: input.name, email: email.data, city: input.city },
    subject: input.subject,
    body: input.body,
    appUrl: appUrl(request),
  });
  const refused = {
    "no-email": "This target has no email address: print the letter instead.",
    "email-stopped": "This email address asked us to send no more email, so we cannot ask it to confirm the letter. Open the letter in your mail program instead.",
  } as const;
  if (outcome !== "check-email") return json({ targetId: target.id, failure: failure(formData, {}, refused[outcome]), sent: false }, { status: 400 });
  return json({ targetId: target.id, failure: null, sent: true });
}

export default function WriteLetter() {
  const { campaign, who, whoErrors, search, drafts, stamp } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const whoFailure = whoErrors ? { fieldErrors: whoErrors, values: search } : null;
  return (
    <>
      <p>
        <Link to={`/campaigns/${campaign.slug}`}>← {campaign.title}</Link>
      </p>
      <h1>Write your own letter</h1>
      <Form method="get" className="stack">
        <TextField name="name" label="Your name" hint="It signs your letter." required failure={whoFailure} defaultValue={who?.name ?? search.name} />
        <TextField name="city" label="Your city" hint="Written under your name." failure={whoFailure} defaultValue={who?.city ?? search.city} />
        <SelectField
          name="country"
          label="Your country"
          hint="You get the targets for your country: its embassy of Kazakhstan, its MEPs, and the Kazakh officials."
          placeholder="Choose your country"
          options={countryOptions}
          required
          failure={whoFailure}
          defaultValue={who?.country ?? search.country}
        />
        <div>
          <button type="submit" className="secondary">
            Show my letters
          </button>
        </div>
      </Form>

      {who ? (
        <>
          <h2>
            Your letters ({drafts.length}) for {countryName(who.country)}
          </h2>
          {drafts.length === 0 ? <p>This campaign has no targets for {countryName(who.country)} yet.</p> : null}
          {drafts.map((d) => {
            const mine = result && result.targetId === d.targetId ? result : null;
            return (
              <section key={d.targetId} className="card" aria-labelledby={`to-${d.targetId}`}>
                <h3 id={`to-${d.targetId}`}>To {d.targetName}</h3>
                {mine?.sent ? (
                  <p className="notice" role="status">
                    Almost done: we sent you an email. Its link lets you read your letter once more and send it; until then nothing goes.
                    Replies will come to your email address.
                  </p>
                ) : null}
                {d.email ? null : <p className="muted">No email address is known for this target: copy the letter and send it by post.</p>}
                <Form method="post" className="stack" noValidate>
                  <FormError failure={mine?.failure} />
                  <input type="hidden" name="targetId" value={d.targetId} />
                  <input type="hidden" name="name" value={who.name} />
                  <input type="hidden" name="city" value={who.city ?? ""} />
                  <input type="hidden" name="country" value={who.country} />
                  <input type="hidden" name={STAMP_FIELD} value={stamp} />
                  <div className="visually-hidden" aria-hidden="true">
                    <input type="text" name={HONEYPOT_FIELD} tabIndex={-1} autoComplete="off" defaultValue="" />
                  </div>
                  <TextField name="subject" label="Subject" required failure={mine?.failure} defaultValue={d.subject} />
                  <TextAreaField name="body" label="Letter" required rows={14} failure={mine?.failure} defaultValue={d.body} />
                  {d.email ? (
                    <>
                      <TextField
                        name="email"
                        label="Your email"
                        type="email"
                        hint="Only if you send through us: we email you a link to confirm the letter is yours, and the answer comes to you. We keep it for nothing else."
                        failure={mine?.failure}
                      />
                      <div className="actions">
                        <button type="submit" name="intent" value="send">
                          Send through Solidarity letters
                        </button>
                        <button type="submit" name="intent" value="mailto" className="secondary">
                          Open in my mail program
                        </button>
                      </div>
                    </>
                  ) : null}
                </Form>
              </section>
            );
          })}
        </>
      ) : null}
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorMessage error={useRouteError()} />;
}
