// A follower stops all email. The page's button, and mail programs' one-click unsubscribe (RFC 8058),
// both POST here; opening the link changes nothing.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useRouteError } from "@remix-run/react";
import { notFoundUnless } from "~/auth/permissions.server";
import { followerByToken, stopFollowerEmail } from "~/cases/follow.server";
import { paramOr404, TokenSchema } from "~/security/params.server";
import { ErrorMessage } from "~/ui/error-message";

const LINK_NOT_VALID = "This link is not valid. Copy the whole address from the email.";

export const meta: MetaFunction = () => [{ title: "Stop news of a case" }, { name: "robots", content: "noindex" }];

export async function loader({ params }: LoaderFunctionArgs) {
  const follower = await followerByToken(paramOr404(TokenSchema, params.token, LINK_NOT_VALID));
  notFoundUnless(follower, "This link is not valid any more.");
  return { stopped: follower.stopped };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const ok = await stopFollowerEmail(paramOr404(TokenSchema, params.token, LINK_NOT_VALID));
  if (!ok) throw new Response("This link is not valid any more.", { status: 404 });
  const body = await request.text().catch(() => "");
  if (body.includes("List-Unsubscribe=One-Click")) return new Response("Unsubscribed.", { status: 200 });
  return json({ stopped: true });
}

export default function StopFollowerEmail() {
  const { stopped } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  if (stopped || result) {
    return (
      <>
        <h1>No more email</h1>
        <p role="status">We will send no more email to this address, for any case or campaign.</p>
      </>
    );
  }
  return (
    <>
      <h1>Stop all email from us?</h1>
      <p>You will get no more email from Solidarity letters at this address: no news of this case, nor of any other.</p>
      <Form method="post">
        <button type="submit">Stop all email</button>
      </Form>
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorMessage error={useRouteError()} />;
}
