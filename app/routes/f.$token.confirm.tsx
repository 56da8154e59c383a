// The link in a follower's confirmation email opens this page; only its button confirms (mail
// scanners open links before people do, and a GET must change nothing).
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useRouteError } from "@remix-run/react";
import { notFoundUnless } from "~/auth/permissions.server";
import { confirmFollow, followerByToken } from "~/cases/follow.server";
import { paramOr404, TokenSchema } from "~/security/params.server";
import { ErrorMessage } from "~/ui/error-message";
import { useTranslation } from "react-i18next";
import { tFor } from "~/i18n/i18n";
import { languageOfPage } from "~/i18n/meta";

const LINK_NOT_VALID = "This link is not valid. Copy the whole address from the email.";

export const meta: MetaFunction = ({ matches }) => [
  { title: tFor(languageOfPage(matches))("links.followTitle") },
  { name: "robots", content: "noindex" },
];

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
  const { t } = useTranslation();
  if (result || confirmed) {
    return (
      <>
        <h1>{t("links.followingHeading")}</h1>
        <p role="status">{t("links.following", { title: c.title })}</p>
        <p>
          <Link to={`/cases/${c.slug}`}>{t("links.backToCase")}</Link>
        </p>
      </>
    );
  }
  return (
    <>
      <h1>{t("links.followHeading")}</h1>
      <p>{t("links.followText", { title: c.title })}</p>
      <Form method="post">
        <button type="submit">{t("links.followButton")}</button>
      </Form>
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorMessage error={useRouteError()} />;
}
