// The link in a supporter's "send your letters?" email opens this page: whom the letters go to, the
// letters, and one button that sends them all (mail scanners open links before people do; a GET
// must send nothing).
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useRouteError } from "@remix-run/react";
import { notFoundUnless } from "~/auth/permissions.server";
import { appUrl } from "~/env.server";
import { sendConfirmedSupporterLetters, supporterLettersByToken } from "~/petitions/supporter-letter.server";
import { ErrorMessage } from "~/ui/error-message";
import { useTranslation } from "react-i18next";
import { tFor } from "~/i18n/i18n";
import { formatNumberIn } from "~/i18n/format";
import { languageOfPage } from "~/i18n/meta";
import { paramOr404, TokenSchema } from "~/security/params.server";

const LINK_NOT_VALID = "This link is not valid. Copy the whole address from the email.";
const GONE = "These letters are not here any more: they were deleted, or they waited too long.";

export const meta: MetaFunction = ({ matches }) => [
  { title: tFor(languageOfPage(matches))("send.title") },
  { name: "robots", content: "noindex" },
];

export async function loader({ params }: LoaderFunctionArgs) {
  const letters = await supporterLettersByToken(paramOr404(TokenSchema, params.token, LINK_NOT_VALID));
  notFoundUnless(letters, GONE);
  return letters;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const outcome = await sendConfirmedSupporterLetters(paramOr404(TokenSchema, params.token, LINK_NOT_VALID), appUrl(request));
  if (outcome.outcome === "not-found") throw new Response(GONE, { status: 404 });
  return json(outcome);
}

export default function SendLetters() {
  const { campaign, letters } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const waiting = letters.filter((l) => !l.sent);
  const one = letters.length === 1;
  const { t, i18n } = useTranslation();
  const counted = (n: number) => ({ count: n, formatted: formatNumberIn(i18n.language, n) });
  const back = (
    <p>
      <Link to={`/campaigns/${campaign.slug}`}>{t("send.back", { title: campaign.title })}</Link>
    </p>
  );
  const withoutEmail = result?.withoutEmail ?? [];
  if (result || waiting.length === 0) {
    const sentNow = result?.sent ?? 0;
    return (
      <>
        <h1>{one ? t("send.onItsWayOne") : t("send.onItsWayMany")}</h1>
        <p role="status">
          {sentNow > 0 ? t("send.sentNow", counted(sentNow)) : one ? t("send.alreadyOne") : t("send.alreadyMany")} {t("send.answers")}
        </p>
        {withoutEmail.length > 0 ? <p role="alert">{t("send.withoutEmail", { names: withoutEmail.join(", ") })}</p> : null}
        {back}
      </>
    );
  }
  const sendButton = (
    <Form method="post">
      <button type="submit">{one ? t("send.sendOne") : t("send.sendMany", counted(waiting.length))}</button>
    </Form>
  );
  return (
    <>
      <h1>{one ? t("send.askOne", { name: waiting[0]!.targetName }) : t("send.askMany", counted(waiting.length))}</h1>
      <p>{t("send.each")}</p>
      {one ? null : (
        <ul aria-label={t("send.goTo")}>
          {waiting.map((l) => (
            <li key={l.id}>{l.targetName}</li>
          ))}
        </ul>
      )}
      {sendButton}
      {waiting.map((l) => (
        <article key={l.id} className="card" aria-label={one ? t("send.yourLetter") : t("send.yourLetterTo", { name: l.targetName })}>
          {one ? null : <p className="muted">{t("send.to", { name: l.targetName })}</p>}
          <h2>{l.subject}</h2>
          <p className="keep-lines">{l.body}</p>
        </article>
      ))}
      {sendButton}
      <p className="muted">{one ? t("send.notYouOne") : t("send.notYouMany")}</p>
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorMessage error={useRouteError()} />;
}
