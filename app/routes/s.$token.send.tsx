// The link in a supporter's "send your letter?" email opens this page: the letter, and one button
// that sends it (mail scanners open links before people do; a GET must send nothing).
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useRouteError } from "@remix-run/react";
import { notFoundUnless } from "~/auth/permissions.server";
import { appUrl } from "~/env.server";
import { sendConfirmedSupporterLetter, supporterLetterByToken } from "~/petitions/supporter-letter.server";
import { ErrorMessage } from "~/ui/error-message";
import { paramOr404, TokenSchema } from "~/security/params.server";

const LINK_NOT_VALID = "This link is not valid. Copy the whole address from the email.";

export const meta: MetaFunction = () => [{ title: "Send your letter" }, { name: "robots", content: "noindex" }];

export async function loader({ params }: LoaderFunctionArgs) {
  const letter = await supporterLetterByToken(paramOr404(TokenSchema, params.token, LINK_NOT_VALID));
  notFoundUnless(letter, "This letter is not here any more: it was deleted, or it waited too long.");
  return letter;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const outcome = await sendConfirmedSupporterLetter(paramOr404(TokenSchema, params.token, LINK_NOT_VALID), appUrl(request));
  if (outcome === "not-found")
    throw new Response("This letter is not here any more: it was deleted, or it waited too long.", { status: 404 });
  return json({ outcome });
}

export default function SendLetter() {
  const letter = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const back = (
    <p>
      <Link to={`/campaigns/${letter.campaign.slug}`}>Back to “{letter.campaign.title}”</Link>
    </p>
  );
  if (result?.outcome === "no-email") {
    return (
      <>
        <h1>This target has no email address now</h1>
        <p role="alert">We cannot send your letter to {letter.targetName} by email any more. You can write again and send it by post.</p>
        {back}
      </>
    );
  }
  if (result || letter.sent) {
    return (
      <>
        <h1>Your letter is on its way</h1>
        <p role="status">
          {result?.outcome === "sent"
            ? `Your letter to ${letter.targetName} is sent.`
            : `Your letter to ${letter.targetName} was already sent; it goes once.`}{" "}
          Their answer will come to your email address.
        </p>
        {back}
      </>
    );
  }
  const sendButton = (
    <Form method="post">
      <button type="submit">Send my letter</button>
    </Form>
  );
  return (
    <>
      <h1>Send your letter to {letter.targetName}?</h1>
      <p>It goes from Solidarity letters in your name; the answer comes to your email address.</p>
      {sendButton}
      <article className="card" aria-label="Your letter">
        <h2>{letter.subject}</h2>
        <p className="keep-lines">{letter.body}</p>
      </article>
      {sendButton}
      <p className="muted">If you did not write this letter, close this page: nothing is sent, and it is deleted within days.</p>
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorMessage error={useRouteError()} />;
}
