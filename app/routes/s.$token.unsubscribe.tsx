// Stopping all email. The page's button, and mail programs' one-click unsubscribe (RFC 8058: a POST
// with "List-Unsubscribe=One-Click"), both POST here; opening the link changes nothing.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useRouteError } from "@remix-run/react";
import { notFoundUnless } from "~/auth/permissions.server";
import { supporterLink, unsubscribe } from "~/petitions/supporter-link.server";
import { ErrorMessage } from "~/ui/error-message";
import { useTranslation } from "react-i18next";
import { tFor } from "~/i18n/i18n";
import { languageOfPage } from "~/i18n/meta";
import { paramOr404, TokenSchema } from "~/security/params.server";

const LINK_NOT_VALID = "This link is not valid. Copy the whole address from the email.";

export const meta: MetaFunction = ({ matches }) => [
  { title: tFor(languageOfPage(matches))("links.stopTitle") },
  { name: "robots", content: "noindex" },
];

export async function loader({ params }: LoaderFunctionArgs) {
  const link = await supporterLink(paramOr404(TokenSchema, params.token, LINK_NOT_VALID));
  notFoundUnless(link, "This link is not valid any more.");
  return { stopped: link.stopped, kind: link.kind };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const ok = await unsubscribe(paramOr404(TokenSchema, params.token, LINK_NOT_VALID));
  if (!ok) throw new Response("This link is not valid any more.", { status: 404 });
  const body = await request.text().catch(() => "");
  // A mail program's one-click request needs no page, only a success.
  if (body.includes("List-Unsubscribe=One-Click")) return new Response("Unsubscribed.", { status: 200 });
  return json({ stopped: true });
}

export default function Unsubscribe() {
  const { stopped, kind } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  const stillCounts = t(kind === "signature" ? "links.stillCountsSignature" : "links.stillCountsLetter");
  if (stopped || result) {
    return (
      <>
        <h1>{t("links.stoppedHeading")}</h1>
        <p role="status">
          {t("links.stoppedSigner")} {stillCounts}
        </p>
      </>
    );
  }
  return (
    <>
      <h1>{t("links.stopHeading")}</h1>
      <p>
        {t("links.stopText")} {stillCounts}
      </p>
      <Form method="post">
        <button type="submit">{t("links.stopButton")}</button>
      </Form>
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorMessage error={useRouteError()} />;
}
