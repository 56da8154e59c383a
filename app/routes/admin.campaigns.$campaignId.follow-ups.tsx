// Letters with no answer after the set number of days, and a follow-up that refers to the first
// letter and its date.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useRouteError } from "@remix-run/react";
import { requireLetterWriter } from "~/campaigns/campaign-access.server";
import { appUrl, env } from "~/env.server";
import { lettersAwaitingAnswer, sendFollowUp } from "~/responses/follow-up.server";
import { ErrorMessage } from "~/ui/error-message";
import { count, formatDateTime } from "~/ui/format";
import { confirmation, isConfirmed } from "~/ui/confirm";
import { ConfirmDialog } from "~/ui/confirm-dialog";
import { fieldOr400, IdSchema } from "~/security/params.server";

export const meta: MetaFunction = () => [{ title: "Follow-ups: Solidarity letters" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const { user, campaign, sectionId } = await requireLetterWriter(request, params.campaignId, url.searchParams.get("sender"));
  const letters = await lettersAwaitingAnswer({ campaignId: campaign.id, organisationId: user.organisationId, sectionId });
  return {
    campaign: { id: campaign.id, title: campaign.title },
    sender: sectionId ?? "organisation",
    letters,
    days: env().FOLLOW_UP_AFTER_DAYS,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const formData = await request.formData();
  const { user, campaign, sectionId } = await requireLetterWriter(request, params.campaignId, String(formData.get("sender") ?? ""));
  const letterId = fieldOr400(IdSchema, formData.get("letterId"));
  // Only a letter of this sender, still waiting: the list is the check.
  const waiting = await lettersAwaitingAnswer({ campaignId: campaign.id, organisationId: user.organisationId, sectionId });
  const letter = waiting.find((l) => l.id === letterId);
  if (!letter) return json({ ok: false, message: "This letter does not need a follow-up." }, { status: 409 });
  if (!letter.recipientEmail)
    return json({ ok: false, message: "This letter has no email address: print a follow-up instead." }, { status: 409 });
  if (!isConfirmed(formData)) {
    return json(
      confirmation(formData, {
        title: `Send a follow-up to ${letter.recipientName}`,
        items: [`${letter.recipientName} <${letter.recipientEmail}>`],
        detail: `It recalls “${letter.subject}”${letter.sentAt ? `, sent ${formatDateTime(letter.sentAt)}` : ""}, and goes out by email at once.`,
        button: "Send the follow-up",
      }),
    );
  }
  const ok = await sendFollowUp({ letterId, organisationId: user.organisationId, appUrl: appUrl(request) });
  return json(
    { ok, message: ok ? "The follow-up is queued." : "This letter has no email address: print a follow-up instead." },
    { status: ok ? 200 : 409 },
  );
}

export default function FollowUps() {
  const { campaign, sender, letters, days } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <>
      <p>
        <Link to={`/admin/campaigns/${campaign.id}/letters?sender=${sender}`}>← Letters of {campaign.title}</Link>
      </p>
      <h1>Follow-ups</h1>
      <p className="muted">Letters sent more than {count(days, "day")} ago that got no answer.</p>
      {result && "confirm" in result ? <ConfirmDialog confirm={result.confirm} /> : null}
      {result && "message" in result ? (
        <p className={result.ok ? "notice" : "form-error"} role="status">
          {result.message}
        </p>
      ) : null}
      {letters.length === 0 ? <p>No letter is waiting for a follow-up.</p> : null}
      <ul>
        {letters.map((l) => (
          <li key={l.id}>
            <Link to={`/admin/letters/${l.id}`}>{l.recipientName}</Link> · sent {l.sentAt ? formatDateTime(l.sentAt) : ""}
            {l.followUpCount ? ` · ${count(l.followUpCount, "follow-up")} sent already` : ""}
            <Form method="post" className="inline-form">
              <input type="hidden" name="sender" value={sender} />
              <input type="hidden" name="letterId" value={l.id} /> ·{" "}
              <button type="submit" className="link-button">
                Send a follow-up…
              </button>
            </Form>
          </li>
        ))}
      </ul>
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorMessage error={useRouteError()} />;
}
