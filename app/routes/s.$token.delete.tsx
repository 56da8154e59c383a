// Having one's data deleted: everything kept for the email address goes (every signature's name,
// email, city, organisation and comment, every supporter's letter, every email to or from them); a
// confirmed signature stays only as an anonymous count. The page's button does it; opening the
// link changes nothing.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useRouteError } from "@remix-run/react";
import { notFoundUnless } from "~/auth/permissions.server";
import { eraseSupporterData, supporterLink } from "~/petitions/supporter-link.server";
import { ErrorMessage } from "~/ui/error-message";
import { useTranslation } from "react-i18next";
import { tFor } from "~/i18n/i18n";
import { languageOfPage } from "~/i18n/meta";
import { paramOr404, TokenSchema } from "~/security/params.server";

const LINK_NOT_VALID = "This link is not valid. Copy the whole address from the email.";

export const meta: MetaFunction = ({ matches }) => [
  { title: tFor(languageOfPage(matches))("links.deleteTitle") },
  { name: "robots", content: "noindex" },
];

export async function loader({ params }: LoaderFunctionArgs) {
  const link = await supporterLink(paramOr404(TokenSchema, params.token, LINK_NOT_VALID));
  notFoundUnless(link, "There is no data of yours here any more.");
  return { kind: link.kind, erased: link.kind === "signature" && link.erased, campaignTitle: link.campaignTitle };
}

export async function action({ params }: ActionFunctionArgs) {
  const ok = await eraseSupporterData(paramOr404(TokenSchema, params.token, LINK_NOT_VALID));
  if (!ok) throw new Response("There is no data of yours here any more.", { status: 404 });
  return json({ erased: true });
}

// The words differ for a signature and for a supporter's letter.
const wording = {
  signature: { deleted: "links.deletedSignature", explain: "links.explainSignature" },
  letter: { deleted: "links.deletedLetter", explain: "links.explainLetter" },
} as const;

export default function DeleteData() {
  const { kind, erased, campaignTitle } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const words = wording[kind];
  const { t } = useTranslation();
  if (erased || result) {
    return (
      <>
        <h1>{t("links.deletedHeading")}</h1>
        <p role="status">{t(words.deleted)}</p>
      </>
    );
  }
  return (
    <>
      <h1>{t("links.deleteHeading")}</h1>
      <p>{t(words.explain, { title: campaignTitle })}</p>
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
