// "Write your own letters": the campaign's letters for the supporter's country, with their name and
// city, to read, edit and send in one go through the app (once they confirm from their inbox with
// one link; each letter goes as its own email and replies go to them), or to open one by one in
// their mail program or webmail. Every step posts: a name or city never goes into a URL.
import { LetterLanguage } from "~/content/letter-language";
import { languageOf } from "~/i18n/i18n.server";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useRouteError } from "@remix-run/react";
import { useState, useSyncExternalStore } from "react";
import { z } from "zod";
import { multiLine, singleLine } from "~/security/text";
import { notFoundUnless } from "~/auth/permissions.server";
import { appUrl } from "~/env.server";
import { checkPublicForm, refundSubmission, spendStampAlone, StampUsedError, STAMP_USED_MESSAGE } from "~/petitions/abuse.server";
import { HONEYPOT_FIELD, STAMP_FIELD } from "~/petitions/form-fields";
import { gmailLink, mailtoLink, outlookLink } from "~/petitions/mail-links";
import { MAX_LETTER_LENGTH, MAX_LETTERS_PER_CONFIRMATION } from "~/petitions/supporter-letter-limits";
import { PersonName } from "~/petitions/signature.schema";
import {
  allowedTargets,
  campaignForWriting,
  countSupporterLetter,
  draftSupporterLetters,
  requestSupporterLetters,
} from "~/petitions/supporter-letter.server";
import { formStamp, secondsSinceStamp } from "~/security/crypto.server";
import { countryCodes } from "~/ui/countries";
import { ErrorMessage } from "~/ui/error-message";
import { failure, type FieldErrors, type FormFailure } from "~/ui/form-result";
import { ErrorList, FormError, SelectField, TextAreaField, TextField } from "~/ui/forms";
import { useTranslation } from "react-i18next";
import { tFor } from "~/i18n/i18n";
import { countryNameIn, countryOptionsIn, formatNumberIn } from "~/i18n/format";
import { languageOfPage } from "~/i18n/meta";
import { IdSchema, paramOr404, SlugSchema } from "~/security/params.server";

export const meta: MetaFunction = ({ matches }) => [{ title: tFor(languageOfPage(matches))("write.title") }];

const Who = z.object({
  name: PersonName,
  city: singleLine()
    .trim()
    .max(120)
    .transform((v) => (v === "" ? null : v))
    .default(""),
  country: z
    .string({ error: "errors.country" })
    .trim()
    .toUpperCase()
    .refine((c) => countryCodes.has(c), "errors.country"),
});
type Who = z.infer<typeof Who>;

// Messages are keys: the page shows them in the supporter's language (write.letterTooLong says MAX_LETTER_LENGTH).
const Subject = singleLine().trim().min(1, "write.subjectRequired").max(300, "write.subjectTooLong");
const Body = multiLine().trim().min(20, "write.letterTooShort").max(MAX_LETTER_LENGTH, "write.letterTooLong");
const Email = singleLine().trim().max(254).pipe(z.email("write.yourEmail"));

const subjectField = (targetId: string) => `subject-${targetId}`;
const bodyField = (targetId: string) => `body-${targetId}`;

async function liveCampaign(slugParam: string | undefined) {
  const campaign = await campaignForWriting(paramOr404(SlugSchema, slugParam, "No such campaign."));
  notFoundUnless(campaign, "No such live campaign.");
  return campaign;
}

export async function loader({ params }: LoaderFunctionArgs) {
  const campaign = await liveCampaign(params.slug);
  return { campaign: { slug: campaign.slug, title: campaign.title }, stamp: formStamp() };
}

interface OpenedLetter {
  targetId: string;
  mailto: string;
  gmail: string;
  outlook: string;
  /** The mail program's link carries only the beginning of the letter. */
  cut: boolean;
}

interface WriteResult {
  who: Who | null;
  whoFailure: FormFailure | null;
  drafts: Awaited<ReturnType<typeof draftSupporterLetters>>;
  /** The letters form, sent back with what was typed and the messages. */
  failure: FormFailure | null;
  /** The confirmation email is on its way (the same answer for every address). */
  sent: boolean;
  opened: OpenedLetter | null;
}

/** What the letters form carried, for showing it again: every letter's fields, not only the first 64. */
function typed(formData: FormData, targetIds: string[]): Record<string, string> {
  const values: Record<string, string> = {};
  for (const key of ["name", "city", "country", "email"]) values[key] = String(formData.get(key) ?? "").slice(0, 300);
  values.to = formData
    .getAll("to")
    .map((v) => String(v).slice(0, 100))
    .join(",");
  for (const id of targetIds) {
    values[subjectField(id)] = String(formData.get(subjectField(id)) ?? "").slice(0, 300);
    values[bodyField(id)] = String(formData.get(bodyField(id)) ?? "").slice(0, MAX_LETTER_LENGTH + 100);
  }
  return values;
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
      failure: null,
      sent: false,
      opened: null,
    };
    return json(result, { status: 400 });
  }
  const drafts = await draftSupporterLetters({ campaign, ...who.data, appUrl: appUrl(request), language: await languageOf(request) });
  const draftIds = drafts.map((d) => d.targetId);
  const answer = (rest: Partial<Pick<WriteResult, "failure" | "sent" | "opened">>, status = 200) =>
    json<WriteResult>({ who: who.data, whoFailure: null, drafts, failure: null, sent: false, opened: null, ...rest }, { status });
  const refuse = (fieldErrors: FieldErrors, formError: string | undefined, status = 400) =>
    answer({ failure: { fieldErrors, formError, values: typed(formData, draftIds) } }, status);

  const intent = formData.get("intent");
  const open = formData.get("open");
  if (typeof open === "string") return openLetter(open.slice(0, 100));
  if (intent !== "send") return answer({});

  // Sending: the ticked letters, each checked; then one confirmation email for all of them.
  const ticked = [...new Set(formData.getAll("to").map((v) => String(v).slice(0, 100)))];
  if (ticked.length > MAX_LETTERS_PER_CONFIRMATION)
    return refuse({}, `At most ${MAX_LETTERS_PER_CONFIRMATION} letters go with one confirmation.`);
  if (ticked.length === 0) return refuse({ to: ["write.tickOne"] }, undefined);
  const targets = await allowedTargets(campaign, who.data.country, ticked);
  if (targets.length !== ticked.length) throw new Response("These targets are not this campaign's for your country.", { status: 404 });
  const errors: FieldErrors = {};
  const letters = targets.map((target) => {
    const subject = Subject.safeParse(formData.get(subjectField(target.id)) ?? "");
    const body = Body.safeParse(formData.get(bodyField(target.id)) ?? "");
    if (!subject.success) errors[subjectField(target.id)] = [subject.error.issues[0]?.message ?? "Check the subject."];
    if (!body.success) errors[bodyField(target.id)] = [body.error.issues[0]?.message ?? "Check the letter."];
    if (!target.email) errors.to = [`${target.name} has no email address: untick it, and print that letter instead.`];
    return { target, subject: subject.data ?? "", body: body.data ?? "" };
  });
  const email = Email.safeParse(formData.get("email") ?? "");
  if (!email.success) errors.email = ["write.yourEmail"];
  if (Object.keys(errors).length > 0) return refuse(errors, undefined);

  const verdict = await checkPublicForm(formData, context.clientAddress);
  if (!verdict.ok) return refuse({}, verdict.message, verdict.status);
  try {
    // One stamp per page: its letters are asked for once.
    await spendStampAlone(verdict.stamp);
  } catch (error) {
    if (error instanceof StampUsedError) {
      await refundSubmission(context.clientAddress);
      return refuse({}, STAMP_USED_MESSAGE, 409);
    }
    throw error;
  }
  await requestSupporterLetters({
    campaign,
    letters,
    supporter: { name: who.data.name, email: email.data!, city: who.data.city },
    appUrl: appUrl(request),
    language: await languageOf(request),
  });
  // The same answer whether the address is new, known or stopped email: the difference goes to its owner.
  return answer({ sent: true });

  /** One letter, as typed, opened in the supporter's own mail program or webmail: counted, not sent by us. */
  async function openLetter(rawId: string) {
    const targetId = IdSchema.safeParse(rawId);
    const target = targetId.success ? (await allowedTargets(campaign, who.data!.country, [targetId.data]))[0] : undefined;
    if (!target) throw new Response("This target is not one of this campaign's for your country.", { status: 404 });
    const subject = Subject.safeParse(formData.get(subjectField(target.id)) ?? "");
    const body = Body.safeParse(formData.get(bodyField(target.id)) ?? "");
    const fieldErrors: FieldErrors = {};
    if (!subject.success) fieldErrors[subjectField(target.id)] = [subject.error.issues[0]?.message ?? "Check the subject."];
    if (!body.success) fieldErrors[bodyField(target.id)] = [body.error.issues[0]?.message ?? "Check the letter."];
    if (!target.email) fieldErrors[bodyField(target.id)] = [`${target.name} has no email address: print the letter instead.`];
    if (!target.email || !subject.success || !body.success) return refuse(fieldErrors, undefined);
    // Counted once per page and letter, and only from a page we served: pressing again, or a
    // crafted form, gives the links without counting.
    if (await firstOpening(String(formData.get(STAMP_FIELD) ?? "").slice(0, 100), target.id))
      await countSupporterLetter(campaign.id, "mailto");
    const mailto = mailtoLink(target.email, subject.data, body.data);
    return answer({
      failure: { fieldErrors: {}, values: typed(formData, draftIds) },
      opened: {
        targetId: target.id,
        mailto: mailto.url,
        gmail: gmailLink(target.email, subject.data, body.data).url,
        outlook: outlookLink(target.email, subject.data, body.data).url,
        cut: mailto.cut,
      },
    });
  }
}

const noSubscription = () => () => {};

/** True the first time this page's letter to this target is opened in the supporter's own email. */
async function firstOpening(stamp: string, targetId: string): Promise<boolean> {
  if (secondsSinceStamp(stamp) === null) return false;
  try {
    await spendStampAlone(`${stamp}|open|${targetId}`);
    return true;
  } catch (error) {
    if (error instanceof StampUsedError) return false;
    throw error;
  }
}

/** With JavaScript, one press copies the letter; without, the text is in the box above to select. */
function CopyButton({ fieldName, subject }: { fieldName: string; subject: string }) {
  // False on the server and while hydrating; true once the browser can copy.
  const ready = useSyncExternalStore(
    noSubscription,
    () => Boolean(navigator.clipboard),
    () => false,
  );
  const [copied, setCopied] = useState(false);
  const { t } = useTranslation();
  if (!ready) return null;
  return (
    <button
      type="button"
      className="secondary"
      onClick={() => {
        const box = document.querySelector(`textarea[name="${fieldName}"]`);
        const text = box instanceof HTMLTextAreaElement ? box.value : "";
        void navigator.clipboard.writeText(`${subject}\n\n${text}`).then(() => setCopied(true));
      }}
    >
      {copied ? t("write.copied") : t("write.copy")}
    </button>
  );
}

const hasMessages = (f: FormFailure | null) => Boolean(f && (f.formError || Object.keys(f.fieldErrors).length > 0));

export default function WriteLetters() {
  const { campaign, stamp } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const who = result?.who ?? null;
  const whoFailure = result?.whoFailure ?? null;
  const drafts = result?.drafts ?? [];
  const letterFailure = result?.failure ?? null;
  const opened = result?.opened ?? null;
  const byEmail = drafts.filter((d) => d.email);
  const tickedBefore = letterFailure ? new Set((letterFailure.values.to ?? "").split(",")) : null;
  const value = (name: string, fallback: string) => letterFailure?.values[name] ?? fallback;
  const { t, i18n } = useTranslation();
  return (
    <>
      <p>
        <Link to={`/campaigns/${campaign.slug}`}>← {campaign.title}</Link>
      </p>
      <h1>{t("write.heading")}</h1>
      <Form method="post" className="stack">
        <input type="hidden" name="intent" value="draft" />
        <TextField name="name" label={t("write.name")} hint={t("write.nameHint")} required failure={whoFailure} defaultValue={who?.name} />
        <TextField name="city" label={t("write.city")} hint={t("write.cityHint")} failure={whoFailure} defaultValue={who?.city} />
        <SelectField
          name="country"
          label={t("write.country")}
          hint={t("write.countryHint")}
          placeholder={t("write.countryPlaceholder")}
          options={countryOptionsIn(i18n)}
          required
          failure={whoFailure}
          defaultValue={who?.country}
        />
        <div>
          <button type="submit" className="secondary">
            {t("write.show")}
          </button>
        </div>
      </Form>

      {who && result?.sent ? (
        <section aria-labelledby="letters-sent">
          <h2 id="letters-sent">{t("write.checkInboxHeading")}</h2>
          <p className="notice" role="status">
            {t("write.checkInbox")}
          </p>
        </section>
      ) : null}

      {who && !result?.sent ? (
        <section aria-labelledby="letters">
          <h2 id="letters">{t("write.lettersFor", { count: drafts.length, country: countryNameIn(t, who.country) })}</h2>
          {drafts.length === 0 ? <p>{t("write.noTargets", { country: countryNameIn(t, who.country) })}</p> : null}
          {drafts.length > 0 ? (
            <Form method="post" className="stack" noValidate>
              <FormError failure={hasMessages(letterFailure) ? letterFailure : null} />
              <input type="hidden" name="name" value={who.name} />
              <input type="hidden" name="city" value={who.city ?? ""} />
              <input type="hidden" name="country" value={who.country} />
              <input type="hidden" name={STAMP_FIELD} value={stamp} />
              <div className="visually-hidden" aria-hidden="true">
                <input type="text" name={HONEYPOT_FIELD} tabIndex={-1} autoComplete="off" defaultValue="" />
              </div>
              {byEmail.length > 0 ? (
                <fieldset className="field">
                  <legend>{t("write.whoGets")}</legend>
                  <p className="hint">{t("write.whoGetsHint")}</p>
                  {byEmail.map((d) => (
                    <label className="checkbox" key={d.targetId}>
                      <input
                        type="checkbox"
                        name="to"
                        value={d.targetId}
                        defaultChecked={tickedBefore ? tickedBefore.has(d.targetId) : true}
                      />
                      <span>{d.targetName}</span>
                    </label>
                  ))}
                  <ErrorList errors={letterFailure?.fieldErrors.to} />
                </fieldset>
              ) : null}

              <h3>{t("write.readAndEdit")}</h3>
              {drafts.map((d, index) => {
                const hasError = Boolean(
                  letterFailure?.fieldErrors[subjectField(d.targetId)] || letterFailure?.fieldErrors[bodyField(d.targetId)],
                );
                const isOpened = opened?.targetId === d.targetId;
                return (
                  <details key={d.targetId} className="card" open={index === 0 || hasError || isOpened}>
                    <summary>{t("write.to", { name: d.targetName })}</summary>
                    <div className="stack">
                      <LetterLanguage language={d.language} />
                      {d.email ? null : <p className="muted">{t("write.noEmail", { name: d.targetName })}</p>}
                      <TextField
                        name={subjectField(d.targetId)}
                        label={t("write.subject")}
                        required
                        failure={letterFailure}
                        defaultValue={value(subjectField(d.targetId), d.subject)}
                      />
                      <TextAreaField
                        name={bodyField(d.targetId)}
                        label={t("write.letter")}
                        required
                        rows={14}
                        failure={letterFailure}
                        defaultValue={value(bodyField(d.targetId), d.body)}
                      />
                      {d.email ? (
                        <div className="actions">
                          <button type="submit" name="open" value={d.targetId} className="secondary">
                            {t("write.ownEmail")}
                          </button>
                        </div>
                      ) : null}
                      {isOpened && opened ? (
                        <div className="notice" role="status">
                          <p>{t("write.ready", { name: d.targetName })}</p>
                          <div className="actions">
                            <a href={opened.mailto}>{t("write.openMailProgram")}</a>
                            <a href={opened.gmail} target="_blank" rel="noopener noreferrer">
                              {t("write.openGmail")}
                            </a>
                            <a href={opened.outlook} target="_blank" rel="noopener noreferrer">
                              {t("write.openOutlook")}
                            </a>
                            <CopyButton fieldName={bodyField(d.targetId)} subject={value(subjectField(d.targetId), d.subject)} />
                          </div>
                          {opened.cut ? <p>{t("write.tooLong")}</p> : <p className="muted">{t("write.noMailProgram")}</p>}
                        </div>
                      ) : null}
                    </div>
                  </details>
                );
              })}
              {byEmail.length > 0 ? (
                <>
                  <TextField
                    name="email"
                    label={t("write.email")}
                    type="email"
                    autoComplete="email"
                    required
                    hint={t("write.emailHint")}
                    failure={letterFailure}
                  />
                  <div>
                    <button type="submit" name="intent" value="send">
                      {t("write.send")}
                    </button>
                  </div>
                  <p className="muted">
                    {t("write.nothingYet", { count: byEmail.length, formatted: formatNumberIn(i18n.language, byEmail.length) })}
                  </p>
                </>
              ) : null}
            </Form>
          ) : null}
        </section>
      ) : null}
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorMessage error={useRouteError()} />;
}
