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
import { paramOr404, TokenSchema } from "~/security/params.server";

const LINK_NOT_VALID = "This link is not valid. Copy the whole address from the email.";

export const meta: MetaFunction = () => [{ title: "Delete my data" }, { name: "robots", content: "noindex" }];

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

const wording = {
  signature: {
    deleted:
      "Your name, email address, city, organisation and comment are gone. If you had confirmed, your signature remains only as a number in the count.",
    explain: (campaignTitle: string) =>
      `This deletes your name, email address, city, organisation and comment from the petition “${campaignTitle}”, and from every other petition or letter you gave this email address for, with every email we keep to or from you. If you had confirmed your signature, it stays in the count, without your name.`,
  },
  letter: {
    deleted:
      "Your letter, your name and your email address are gone from Solidarity letters. A letter you had already confirmed reached its target before this.",
    explain: (campaignTitle: string) =>
      `This deletes your letter for the campaign “${campaignTitle}”, with your name and email address, every other signature or letter you gave this email address for, and every email we keep to or from you. If you had not confirmed it, it is never sent.`,
  },
};

export default function DeleteData() {
  const { kind, erased, campaignTitle } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const words = wording[kind];
  if (erased || result) {
    return (
      <>
        <h1>Your data is deleted</h1>
        <p role="status">{words.deleted}</p>
      </>
    );
  }
  return (
    <>
      <h1>Delete my data</h1>
      <p>{words.explain(campaignTitle)}</p>
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
