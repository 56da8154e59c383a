// The public campaign page: who is at risk and why, the demands, the petition and its count, the
// latest signers who agreed to be shown, and the form to sign.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useRouteError, useSearchParams } from "@remix-run/react";
import { notFoundUnless } from "~/auth/permissions.server";
import { appUrl } from "~/env.server";
import { checkPublicForm, refundSubmission, STAMP_USED_MESSAGE } from "~/petitions/abuse.server";
import { SignForm } from "~/petitions/components/sign-form";
import { SignSchema } from "~/petitions/signature.schema";
import { campaignPage } from "~/petitions/campaign-page.server";
import { campaignForSigning, sign } from "~/petitions/signature.server";
import { formStamp } from "~/security/crypto.server";
import { ErrorMessage } from "~/ui/error-message";
import { failure, parseForm } from "~/ui/form-result";
import { countryName, formatDateTime } from "~/ui/format";
import { ProgressBar } from "~/ui/progress-bar";
import { StatusBadge } from "~/ui/status-badge";
import { retryAfterHeaders } from "~/ui/headers";
import { SlugSchema, paramOr404 } from "~/security/params.server";

/** Anonymous visitors get this page from memory, re-rendered every few seconds (app/serving/public-pages.server.ts). */
export const handle = { publicPage: true };

export async function loader({ params }: LoaderFunctionArgs) {
  const page = await campaignPage(paramOr404(SlugSchema, params.slug, "No such campaign."));
  notFoundUnless(page, "No such campaign.");
  return { ...page, stamp: formStamp() };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.campaign.title}: Solidarity letters` : "Campaign not found" },
  { name: "description", content: data?.campaign.summary.slice(0, 160) ?? "" },
];

// One answer for every address, whatever its state: what differs goes to the address by email.
const messages = {
  "check-email":
    "Thank you! Check your inbox: we sent you an email about your signature. A new signature counts once you confirm it with the link in it.",
} as const;

export const headers = retryAfterHeaders;

export async function action({ request, params, context }: ActionFunctionArgs) {
  const campaign = await campaignForSigning(paramOr404(SlugSchema, params.slug, "No such campaign."));
  notFoundUnless(campaign, "No such campaign.");
  const formData = await request.formData();
  if (campaign.status !== "live" || !campaign.petitionText) {
    return json(failure(formData, {}, "This petition is closed."), { status: 409 });
  }
  const verdict = await checkPublicForm(formData, context.clientAddress);
  if (!verdict.ok) {
    return json(failure(formData, {}, verdict.message), {
      status: verdict.status,
      headers: verdict.retryAfterSeconds ? { "Retry-After": String(verdict.retryAfterSeconds) } : {},
    });
  }
  const parsed = parseForm(SignSchema, formData);
  if (!parsed.success) {
    await refundSubmission(context.clientAddress);
    return json(parsed.failure, { status: 400 });
  }
  const result = await sign({
    campaign,
    input: parsed.data,
    clientAddress: context.clientAddress,
    appUrl: appUrl(request),
    stamp: verdict.stamp,
  });
  if (result.kind === "stamp-used") {
    await refundSubmission(context.clientAddress);
    return json(failure(formData, {}, STAMP_USED_MESSAGE), { status: 409 });
  }
  return redirect(`/campaigns/${campaign.slug}?signed=check-email#sign`);
}

export default function CampaignPage() {
  const { campaign, signers, stamp } = useLoaderData<typeof loader>();
  const failureData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const signed = params.get("signed");
  const message = signed && signed in messages ? messages[signed as keyof typeof messages] : null;
  const c = campaign.case;
  return (
    <article>
      <h1>{campaign.title}</h1>
      <p className="lead">{campaign.callToAction}</p>
      {campaign.status === "closed" ? <p className="notice">This campaign is closed. Thank you to everyone who took part.</p> : null}
      <p>{campaign.summary}</p>

      {campaign.petitionText ? (
        <ProgressBar value={campaign.signatureCount} goal={campaign.signatureGoal} label="confirmed signatures" />
      ) : null}
      {campaign.status === "live" ? (
        // On a phone the form is far below the people and demands: the two actions are reachable at once.
        <p className="actions">
          {campaign.petitionText ? (
            <a className="button" href="#sign">
              Sign the petition
            </a>
          ) : null}
          <Link className="button secondary" to="write">
            Write your own letter
          </Link>
        </p>
      ) : null}

      {c.updates.length ? (
        <section aria-labelledby="news">
          <h2 id="news">News</h2>
          {c.updates.map((u) => (
            <article key={u.id} className="card">
              <h3>{u.title}</h3>
              <p className="muted">{formatDateTime(u.publishedAt)}</p>
              <p className="keep-lines">{u.body}</p>
            </article>
          ))}
        </section>
      ) : null}

      <h2>Who is at risk</h2>
      <ul>
        {c.people.map((p) => (
          <li key={p.id}>
            <strong>{p.name}</strong> <StatusBadge status={p.status} />
            {p.heldAt ? ` · held at ${p.heldAt}` : ""}
          </li>
        ))}
      </ul>
      <p>
        <Link to={`/cases/${c.slug}`}>The whole case, with the source of every fact</Link>
      </p>

      <h2>What we ask</h2>
      <ul>
        {c.demands.map((d) => (
          <li key={d.id}>{d.text}</li>
        ))}
      </ul>

      {campaign.petitionText ? (
        <section aria-labelledby="sign" className="card">
          <h2 id="sign">Sign the petition</h2>
          <blockquote>{campaign.petitionText}</blockquote>
          {message ? (
            <p className="notice" role="status">
              {message}
            </p>
          ) : null}
          {campaign.status === "live" ? <SignForm stamp={stamp} failure={failureData} /> : null}
        </section>
      ) : null}

      {signers.length ? (
        <section aria-labelledby="signers">
          <h2 id="signers">Recent signers</h2>
          <ul className="signers">
            {signers.map((s, i) => (
              <li key={i}>
                {s.firstName}, {countryName(s.country)}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {campaign.status === "live" ? (
        <section aria-labelledby="write" className="card">
          <h2 id="write">Write your own letter</h2>
          <p>Get this campaign's letter for your country's embassy and your MEPs, with your name, to send yourself.</p>
          <p>
            <Link className="button secondary" to="write">
              Write a letter
            </Link>
          </p>
        </section>
      ) : null}
    </article>
  );
}

export function ErrorBoundary() {
  return <ErrorMessage error={useRouteError()} />;
}
