// "Write your own letter": the campaign's letter for the supporter's country, with their name and
// city, to edit and then send through the app (once they confirm from their inbox; replies go to
// them) or open in their mail program. Every step posts: a name or city never goes into a URL.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useRouteError } from "@remix-run/react";
import { z } from "zod";
import { multiLine, singleLine } from "~/security/text";
import { notFoundUnless } from "~/auth/permissions.server";
import { writeTransaction } from "~/db.server";
import { appUrl } from "~/env.server";
import { checkPublicForm, refundSubmission, spendStamp, StampUsedError, STAMP_USED_MESSAGE } from "~/petitions/abuse.server";
import { HONEYPOT_FIELD, STAMP_FIELD } from "~/petitions/form-fields";
import { PersonName } from "~/petitions/signature.schema";
import {
  allowedTarget,
  campaignForWriting,
  countSupporterLetter,
  draftSupporterLetters,
  requestSupporterLetter,
} from "~/petitions/supporter-letter.server";
import { formStamp } from "~/security/crypto.server";
import { countryCodes, countryOptions } from "~/ui/countries";
import { ErrorMessage } from "~/ui/error-message";
import { failure, parseForm, type FormFailure } from "~/ui/form-result";
import { FormError, SelectField, TextAreaField, TextField } from "~/ui/forms";
import { countryName } from "~/ui/format";
import { IdSchema, paramOr404, SlugSchema } from "~/security/params.server";

export const meta: MetaFunction = () => [{ title: "Write your own letter: Solidarity letters" }];

const Who = z.object({
  name: PersonName,
  city: singleLine()
    .trim()
    .max(120)
    .transform((v) => (v === "" ? null : v))
    .default(""),
  country: z
    .string({ error: "Choose your country." })
    .trim()
    .toUpperCase()
    .refine((c) => countryCodes.has(c), "Choose your country."),
});
type Who = z.infer<typeof Who>;

async function liveCampaign(slugParam: string | undefined) {
  const campaign = await campaignForWriting(paramOr404(SlugSchema, slugParam, "No such campaign."));
  notFoundUnless(campaign, "No such live campaign.");
  return campaign;
}

export async function loader({ params }: LoaderFunctionArgs) {
  const campaign = await liveCampaign(params.slug);
  return { campaign: { slug: campaign.slug, title: campaign.title }, stamp: formStamp() };
}

const LetterForm = z.object({
  intent: z.enum(["send", "mailto"]),
  targetId: IdSchema,
  subject: singleLine().trim().min(1, "The subject is required.").max(300),
  body: multiLine().trim().min(20, "The letter needs at least 20 characters.").max(20000),
  email: singleLine().trim().max(254).default(""),
});

interface WriteResult {
  who: Who | null;
  whoFailure: FormFailure | null;
  drafts: Awaited<ReturnType<typeof draftSupporterLetters>>;
  letter: { targetId: string; failure: FormFailure | null; sent: boolean } | null;
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const campaign = await liveCampaign(params.slug);
  const formData = await request.formData();
  const who = Who.safeParse(Object.fromEntries(["name", "city", "country"].map((k) => [k, formData.get(k) ?? undefined])));
  if (!who.success) {
    const result: WriteResult = {
      who: null,
      whoFailure: failure(formData, z.flattenError(who.error).fieldErrors),
      drafts: [],
      letter: null,
    };
    return json(result, { status: 400 });
  }
  const drafts = await draftSupporterLetters({ campaign, ...who.data, appUrl: appUrl(request) });
  const answer = (letter: WriteResult["letter"], status = 200) =>
    json<WriteResult>({ who: who.data, whoFailure: null, drafts, letter }, { status });
  if (formData.get("intent") === "draft" || !formData.has("intent")) return answer(null);

  const targetId = String(formData.get("targetId") ?? "").slice(0, 100);
  const parsed = parseForm(LetterForm, formData);
  if (!parsed.success) return answer({ targetId, failure: parsed.failure, sent: false }, 400);
  const input = parsed.data;
  const target = await allowedTarget(campaign, who.data.country, input.targetId);
  if (!target) throw new Response("This target is not one of this campaign's for your country.", { status: 404 });

  if (input.intent === "mailto") {
    if (!target.email)
      return answer({ targetId: target.id, failure: failure(formData, {}, "This target has no email address."), sent: false }, 400);
    await countSupporterLetter(campaign.id, "mailto");
    const query = new URLSearchParams({ subject: input.subject, body: input.body }).toString().replace(/\+/g, "%20");
    return redirect(`mailto:${target.email}?${query}`);
  }

  const email = z.email().safeParse(input.email);
  if (!email.success) {
    return answer(
      {
        targetId: target.id,
        failure: failure(formData, { email: ["Give your email address: the target's answer will come to it."] }),
        sent: false,
      },
      400,
    );
  }
  const verdict = await checkPublicForm(formData, context.clientAddress);
  if (!verdict.ok) return answer({ targetId: target.id, failure: failure(formData, {}, verdict.message), sent: false }, verdict.status);
  try {
    // One stamp per page and target: each letter of the page can be sent once.
    await writeTransaction(() => spendStamp(`${verdict.stamp}|${target.id}`));
  } catch (error) {
    if (error instanceof StampUsedError) {
      await refundSubmission(context.clientAddress);
      return answer({ targetId: target.id, failure: failure(formData, {}, STAMP_USED_MESSAGE), sent: false }, 409);
    }
    throw error;
  }
  const outcome = await requestSupporterLetter({
    campaign,
    target,
    supporter: { name: who.data.name, email: email.data, city: who.data.city },
    subject: input.subject,
    body: input.body,
    appUrl: appUrl(request),
  });
  if (outcome === "no-email") {
    await refundSubmission(context.clientAddress);
    return answer(
      { targetId: target.id, failure: failure(formData, {}, "This target has no email address: print the letter instead."), sent: false },
      400,
    );
  }
  // The same answer whether the address is new, known or stopped email: the difference goes to its owner.
  return answer({ targetId: target.id, failure: null, sent: true });
}

export default function WriteLetter() {
  const { campaign, stamp } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const who = result?.who ?? null;
  const whoFailure = result?.whoFailure ?? null;
  const drafts = result?.drafts ?? [];
  return (
    <>
      <p>
        <Link to={`/campaigns/${campaign.slug}`}>← {campaign.title}</Link>
      </p>
      <h1>Write your own letter</h1>
      <Form method="post" className="stack">
        <input type="hidden" name="intent" value="draft" />
        <TextField name="name" label="Your name" hint="It signs your letter." required failure={whoFailure} defaultValue={who?.name} />
        <TextField name="city" label="Your city" hint="Written under your name." failure={whoFailure} defaultValue={who?.city} />
        <SelectField
          name="country"
          label="Your country"
          hint="You get the targets for your country: its embassy of Kazakhstan, its MEPs, and the Kazakh officials."
          placeholder="Choose your country"
          options={countryOptions}
          required
          failure={whoFailure}
          defaultValue={who?.country}
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
            const mine = result?.letter && result.letter.targetId === d.targetId ? result.letter : null;
            return (
              <section key={d.targetId} className="card" aria-labelledby={`to-${d.targetId}`}>
                <h3 id={`to-${d.targetId}`}>To {d.targetName}</h3>
                {mine?.sent ? (
                  <p className="notice" role="status">
                    Check your inbox: we sent you an email. Its link lets you read your letter once more and send it; until then nothing
                    goes. Replies will come to your email address.
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
