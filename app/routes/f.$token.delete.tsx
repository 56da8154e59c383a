// A follower has their data deleted: everything kept for the email address goes (the same erasure
// as signers': app/petitions/erasure.server.ts). The page's button does it; opening the link changes nothing.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useLoaderData, useRouteError } from "@remix-run/react";
import { notFoundUnless } from "~/auth/permissions.server";
import { eraseFollowerData, followerByToken } from "~/cases/follow.server";
import { paramOr404, TokenSchema } from "~/security/params.server";
import { ErrorMessage } from "~/ui/error-message";

const LINK_NOT_VALID = "This link is not valid. Copy the whole address from the email.";

export const meta: MetaFunction = () => [{ title: "Delete my data: news of a case" }, { name: "robots", content: "noindex" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const token = paramOr404(TokenSchema, params.token, LINK_NOT_VALID);
  const follower = await followerByToken(token);
  // After the deletion the row is gone (a follow is not kept as a count): the page says it is done.
  if (!follower && new URL(request.url).searchParams.get("done") === "1") return { caseTitle: null };
  notFoundUnless(follower, "There is no data of yours here any more.");
  return { caseTitle: follower.case.title };
}

export async function action({ params }: ActionFunctionArgs) {
  const token = paramOr404(TokenSchema, params.token, LINK_NOT_VALID);
  const ok = await eraseFollowerData(token);
  if (!ok) throw new Response("There is no data of yours here any more.", { status: 404 });
  return redirect(`/f/${token}/delete?done=1`);
}

export default function DeleteFollowerData() {
  const { caseTitle } = useLoaderData<typeof loader>();
  if (caseTitle === null) {
    return (
      <>
        <h1>Your data is deleted</h1>
        <p role="status">Your email address is gone from Solidarity letters, with every email we kept to or from you.</p>
      </>
    );
  }
  return (
    <>
      <h1>Delete my data</h1>
      <p>
        This deletes your email address from the news of “{caseTitle}”, every other case you follow, signature or letter you gave this email
        address for, and every email we keep to or from you. A confirmed signature stays in its count, without your name.
      </p>
      <Form method="post">
        <button type="submit" className="danger">
          Delete my data
        </button>
      </Form>
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorMessage error={useRouteError()} />;
}
