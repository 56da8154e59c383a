// A follower has their data deleted: everything kept for the email address goes (the same erasure
// as signers': app/petitions/erasure.server.ts). The page's button does it; opening the link changes nothing.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useLoaderData, useRouteError } from "@remix-run/react";
import { notFoundUnless } from "~/auth/permissions.server";
import { eraseFollowerData, followerByToken } from "~/cases/follow.server";
import { paramOr404, TokenSchema } from "~/security/params.server";
import { ErrorMessage } from "~/ui/error-message";
import { useTranslation } from "react-i18next";
import { tFor } from "~/i18n/i18n";
import { languageOfPage } from "~/i18n/meta";

const LINK_NOT_VALID = "This link is not valid. Copy the whole address from the email.";

export const meta: MetaFunction = ({ matches }) => [
  { title: tFor(languageOfPage(matches))("links.followerDeleteTitle") },
  { name: "robots", content: "noindex" },
];

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
  const { t } = useTranslation();
  if (caseTitle === null) {
    return (
      <>
        <h1>{t("links.deletedHeading")}</h1>
        <p role="status">{t("links.deletedFollower")}</p>
      </>
    );
  }
  return (
    <>
      <h1>{t("links.deleteHeading")}</h1>
      <p>{t("links.explainFollower", { title: caseTitle })}</p>
      <Form method="post">
        <button type="submit" className="danger">
          {t("links.deleteButton")}
        </button>
      </Form>
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorMessage error={useRouteError()} />;
}
