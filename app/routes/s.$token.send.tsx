// The link in a supporter's "send your letters?" email opens this page: whom the letters go to, the
// letters, and one button that sends them all (mail scanners open links before people do; a GET
// must send nothing).
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useRouteError } from "@remix-run/react";
import { notFoundUnless } from "~/auth/permissions.server";
import { appUrl } from "~/env.server";
import { sendConfirmedSupporterLetters, supporterLettersByToken } from "~/petitions/supporter-letter.server";
import { ErrorMessage } from "~/ui/error-message";
import { paramOr404, TokenSchema } from "~/security/params.server";

const LINK_NOT_VALID = "This link is not valid. Copy the whole address from the email.";
const GONE = "These letters are not here any more: they were deleted, or they waited too long.";

export const meta: MetaFunction = () => [{ title: "Send your letters" }, { name: "robots", content: "noindex" }];

export async function loader({ params }: LoaderFunctionArgs) {
  const letters = await supporterLettersByToken(paramOr404(TokenSchema, params.token, LINK_NOT_VALID));
  notFoundUnless(letters, GONE);
  return letters;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const outcome = await sendConfirmedSupporterLetters(paramOr404(TokenSchema, params.token, LINK_NOT_VALID), appUrl(request));
  if (outcome.outcome === "not-found") throw new Response(GONE, { status: 404 });
  return json(outcome);
}

const plural = new Intl.PluralRules("en");
const letterCount = (n: number) => `${n.toLocaleString("en")} ${plural.select(n) === "one" ? "letter" : "letters"}`;

export default function SendLetters() {
  const { campaign, letters } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const waiting = letters.filter((l) => !l.sent);
  const one = letters.length === 1;
  const back = (
    <p>
      <Link to={`/campaigns/${campaign.slug}`}>Back to “{campaign.title}”</Link>
    </p>
  );
  const withoutEmail = result?.withoutEmail ?? [];
  if (result || waiting.length === 0) {
    const sentNow = result?.sent ?? 0;
    return (
      <>
        <h1>{one ? "Your letter is on its way" : "Your letters are on their way"}</h1>
        <p role="status">
          {sentNow > 0
            ? `${letterCount(sentNow)} sent, each as its own email.`
            : `${one ? "Your letter was" : "Your letters were"} already sent; each goes once.`}{" "}
          Their answers will come to your email address.
        </p>
        {withoutEmail.length > 0 ? (
          <p role="alert">
            We cannot send your letter by email to {withoutEmail.join(", ")} any more: their address was removed. You can write again and
            send it by post.
          </p>
        ) : null}
        {back}
      </>
    );
  }
  const sendButton = (
    <Form method="post">
      <button type="submit">{one ? "Send my letter" : `Send my ${letterCount(waiting.length)}`}</button>
    </Form>
  );
  return (
    <>
      <h1>{one ? `Send your letter to ${waiting[0]!.targetName}?` : `Send your ${letterCount(waiting.length)}?`}</h1>
      <p>Each goes as its own email from Solidarity letters in your name; the answers come to your email address.</p>
      {one ? null : (
        <ul aria-label="Your letters go to">
          {waiting.map((l) => (
            <li key={l.id}>{l.targetName}</li>
          ))}
        </ul>
      )}
      {sendButton}
      {waiting.map((l) => (
        <article key={l.id} className="card" aria-label={one ? "Your letter" : `Your letter to ${l.targetName}`}>
          {one ? null : <p className="muted">To {l.targetName}</p>}
          <h2>{l.subject}</h2>
          <p className="keep-lines">{l.body}</p>
        </article>
      ))}
      {sendButton}
      <p className="muted">
        If you did not write {one ? "this letter" : "these letters"}, close this page: nothing is sent, and {one ? "it is" : "they are"}{" "}
        deleted within days.
      </p>
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorMessage error={useRouteError()} />;
}
