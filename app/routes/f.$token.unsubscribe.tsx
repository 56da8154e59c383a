// A follower stops all email. The page's button, and mail programs' one-click unsubscribe (RFC 8058),
// both POST here; opening the link changes nothing.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useRouteError } from "@remix-run/react";
import { notFoundUnless } from "~/auth/permissions.server";
import { followerByToken, stopFollowerEmail } from "~/cases/follow.server";
import { paramOr404, TokenSchema } from "~/security/params.server";
import { ErrorMessage } from "~/ui/error-message";
import { useTranslation } from "react-i18next";
import { tFor } from "~/i18n/i18n";
import { languageOfPage } from "~/i18n/meta";

const LINK_NOT_VALID = "This link is not valid. Copy the whole address from the email.";

export const meta: MetaFunction = ({ matches }) => [
  { title: tFor(languageOfPage(matches))("links.followerStopTitle") },
  { name: "robots", content: "noindex" },
];

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
  const { t } = useTranslation();
  if (stopped || result) {
    return (
      <>
        <h1>{t("links.stoppedHeading")}</h1>
        <p role="status">{t("links.stoppedFollower")}</p>
      </>
    );
  }
  return (
    <>
      <h1>{t("links.stopHeading")}</h1>
      <p>{t("links.stopFollowerText")}</p>
      <Form method="post">
        <button type="submit">{t("links.stopButton")}</button>
      </Form>
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorMessage error={useRouteError()} />;
}
