// The link in a follower's confirmation email opens this page; only its button confirms (mail
// scanners open links before people do, and a GET must change nothing).
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useRouteError } from "@remix-run/react";
import { notFoundUnless } from "~/auth/permissions.server";
import { confirmFollow, followerByToken } from "~/cases/follow.server";
import { paramOr404, TokenSchema } from "~/security/params.server";
import { ErrorMessage } from "~/ui/error-message";

const LINK_NOT_VALID = "This link is not valid. Copy the whole address from the email.";

export const meta: MetaFunction = () => [{ title: "Confirm: news of a case" }, { name: "robots", content: "noindex" }];

export async function loader({ params }: LoaderFunctionArgs) {
  const follower = await followerByToken(paramOr404(TokenSchema, params.token, LINK_NOT_VALID));
  notFoundUnless(follower, "This link is not valid any more.");
  return { case: follower.case, confirmed: follower.status === "confirmed" };
}

export async function action({ params }: ActionFunctionArgs) {
  const outcome = await confirmFollow(paramOr404(TokenSchema, params.token, LINK_NOT_VALID));
  if (outcome === "not-found") throw new Response("This link is not valid any more.", { status: 404 });
  return json({ outcome });
}

export default function ConfirmFollow() {
  const { case: c, confirmed } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  if (result || confirmed) {
    return (
      <>
        <h1>You follow this case</h1>
        <p role="status">We will email you when something changes for the people in “{c.title}”.</p>
        <p>
          <Link to={`/cases/${c.slug}`}>Back to the case</Link>
        </p>
      </>
    );
  }
  return (
    <>
      <h1>Confirm: news of this case</h1>
      <p>You asked for an email when something changes for the people in “{c.title}”.</p>
      <Form method="post">
        <button type="submit">Confirm: send me news</button>
      </Form>
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorMessage error={useRouteError()} />;
}
