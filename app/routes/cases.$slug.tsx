import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useRouteError, useSearchParams } from "@remix-run/react";
import { caseToFollow, followCase, FollowSchema } from "~/cases/follow.server";
import { checkPublicForm, refundSubmission, STAMP_USED_MESSAGE } from "~/petitions/abuse.server";
import { HONEYPOT_FIELD, STAMP_FIELD } from "~/petitions/form-fields";
import { formStamp } from "~/security/crypto.server";
import { failure, parseForm, type FormFailure } from "~/ui/form-result";
import { FormError, TextField } from "~/ui/forms";
import { retryAfterHeaders } from "~/ui/headers";
import { notFoundUnless } from "~/auth/permissions.server";
import { getPublicCase } from "~/cases/case.server";
import { UntranslatedNote } from "~/content/untranslated-note";
import { appUrl } from "~/env.server";
import { shareMeta } from "~/growth/share";
import { SourceRef } from "~/cases/components/source-ref";
import { ErrorMessage } from "~/ui/error-message";
import { useTranslation } from "react-i18next";
import { tFor } from "~/i18n/i18n";
import { formatDateTimeIn, formatPartialDateIn } from "~/i18n/format";
import { languageOfPage } from "~/i18n/meta";
import { languageOf, withLanguage } from "~/i18n/i18n.server";
import { StatusBadge } from "~/ui/status-badge";
import { SlugSchema, paramOr404 } from "~/security/params.server";
import printStyles from "~/styles/print.css";

/** Anonymous visitors get this page from memory, re-rendered every few seconds (app/serving/public-pages.server.ts). */
export const handle = { publicPage: true };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const slug = paramOr404(SlugSchema, params.slug, "No such case.");
  const found = await getPublicCase(slug, await languageOf(request));
  notFoundUnless(found, "No such case.");
  const base = appUrl(request);
  // Without a live campaign there is nothing to sign: the page offers email news of the case instead.
  const followable = found.status === "active" && found.campaigns.length === 0;
  return {
    case: found,
    share: { pageUrl: `${base}/cases/${found.slug}`, imageUrl: `${base}/cases/${found.slug}/share.png` },
    follow: followable ? { stamp: formStamp() } : null,
  };
}

export const headers = retryAfterHeaders;

export async function action({ request, params, context }: ActionFunctionArgs) {
  const found = await caseToFollow(paramOr404(SlugSchema, params.slug, "No such case."));
  const formData = await request.formData();
  if (!found) return json(failure(formData, {}, "follow.cannotFollow"), { status: 409 });
  const verdict = await checkPublicForm(formData, context.clientAddress);
  if (!verdict.ok) {
    return json(failure(formData, {}, verdict.message), {
      status: verdict.status,
      headers: verdict.retryAfterSeconds ? { "Retry-After": String(verdict.retryAfterSeconds) } : {},
    });
  }
  const parsed = parseForm(FollowSchema, formData);
  if (!parsed.success) {
    await refundSubmission(context.clientAddress);
    return json(parsed.failure, { status: 400 });
  }
  const result = await followCase({
    found,
    email: parsed.data.email,
    clientAddress: context.clientAddress,
    appUrl: appUrl(request),
    stamp: verdict.stamp,
    language: await languageOf(request),
  });
  if (result.kind === "stamp-used") {
    await refundSubmission(context.clientAddress);
    return json(failure(formData, {}, STAMP_USED_MESSAGE), { status: 409 });
  }
  // One answer for every address; what differs goes to the address by email.
  return redirect(`/cases/${found.slug}?${withLanguage(request, { follow: "check-email" })}#follow`);
}

// Printed, the page drops the navigation, forms and buttons and shows where each link goes.
export const links: LinksFunction = () => [{ rel: "stylesheet", href: printStyles }];

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const t = tFor(languageOfPage(matches));
  return data
    ? [
        { title: t("caseView.title", { title: data.case.title }) },
        { name: "description", content: data.case.summary.slice(0, 160) },
        ...shareMeta({ title: data.case.title, description: data.case.summary.slice(0, 200), ...data.share }),
      ]
    : [{ title: t("caseView.notFound") }];
};

export default function CasePage() {
  const { case: c, follow } = useLoaderData<typeof loader>();
  const failureData = useActionData<typeof action>();
  const [search] = useSearchParams();
  const { t } = useTranslation();
  const numbers = new Map(c.sources.map((s, i) => [s.id, i + 1]));
  return (
    <article>
      <h1>{c.title}</h1>
      <UntranslatedNote language={c.untranslatedIn} />
      {c.status === "closed" ? <p className="notice">{t("caseView.closed")}</p> : null}
      <p className="lead">{c.summary}</p>
      {c.campaigns.map((campaign) => (
        <p key={campaign.slug} className="card">
          <strong>{campaign.callToAction}</strong>{" "}
          <Link className="button" to={`/campaigns/${campaign.slug}`}>
            {campaign.title}
          </Link>
        </p>
      ))}
      {follow ? <FollowForm stamp={follow.stamp} failure={failureData} checkEmail={search.get("follow") === "check-email"} /> : null}

      {c.updates.length ? (
        <section aria-labelledby="updates">
          <h2 id="updates">{t("caseView.news")}</h2>
          {c.updates.map((u) => (
            <article key={u.id} className="card">
              <h3>{u.title}</h3>
              <p className="muted">{formatDateTimeIn(t, u.publishedAt)}</p>
              <p className="keep-lines">{u.body}</p>
            </article>
          ))}
        </section>
      ) : null}

      <h2 id="people">{t("caseView.atRisk")}</h2>
      {c.people.map((p) => (
        <section key={p.id} className="card" aria-labelledby={`person-${p.id}`}>
          <h3 id={`person-${p.id}`}>
            {p.name} <StatusBadge status={p.status} />
          </h3>
          <p>{p.description}</p>
          <dl className="facts">
            {p.statusSince ? (
              <>
                <dt>{t("caseView.statusSince")}</dt>
                <dd>{formatPartialDateIn(t, p.statusSince)}</dd>
              </>
            ) : null}
            {p.heldAt ? (
              <>
                <dt>{t("caseView.heldAt")}</dt>
                <dd>{p.heldAt}</dd>
              </>
            ) : null}
          </dl>
          {p.charges.length ? (
            <>
              <h4>{t("caseView.charges")}</h4>
              <ul>
                {p.charges.map((ch) => (
                  <li key={ch.id}>
                    <strong>{t("caseView.charge", { article: ch.article, law: ch.law })}</strong>: {ch.description}{" "}
                    <SourceRef source={ch.source} numbers={numbers} />
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {p.statusChanges.length ? (
            <details>
              <summary>{t("caseView.statusHistory")}</summary>
              <ul>
                {p.statusChanges.map((s) => (
                  <li key={s.id}>
                    <time dateTime={s.occurredOn}>{formatPartialDateIn(t, s.occurredOn)}</time>: <StatusBadge status={s.status} /> {s.note}{" "}
                    <SourceRef source={s.source} numbers={numbers} />
                  </li>
                ))}
              </ul>
            </details>
          ) : null}
        </section>
      ))}

      <h2 id="timeline">{t("caseView.timeline")}</h2>
      <ol className="timeline">
        {c.events.map((e) => (
          <li key={e.id}>
            <time dateTime={e.occurredOn}>{formatPartialDateIn(t, e.occurredOn)}</time>
            {e.description} <SourceRef source={e.source} numbers={numbers} />
          </li>
        ))}
      </ol>

      <h2 id="demands">{t("caseView.demands")}</h2>
      <ul>
        {c.demands.map((d) => (
          <li key={d.id}>
            {d.text} {d.source ? <SourceRef source={d.source} numbers={numbers} /> : null}
          </li>
        ))}
      </ul>

      <h2 id="sources">{t("caseView.sources")}</h2>
      <ol className="sources-list">
        {c.sources.map((s) => (
          <li key={s.id} id={`source-${s.id}`}>
            {s.url ? (
              <a href={s.url} rel="noreferrer noopener">
                {s.title}
              </a>
            ) : (
              s.title
            )}
            , {s.publisher}
            {s.publishedOn ? `, ${formatPartialDateIn(t, s.publishedOn)}` : ""}
            {s.reference ? <span className="source-ref"> {t("caseView.sourceReference", { reference: s.reference })}</span> : null}
          </li>
        ))}
      </ol>
    </article>
  );
}

function FollowForm({ stamp, failure, checkEmail }: { stamp: string; failure: FormFailure | null | undefined; checkEmail: boolean }) {
  const busy = useNavigation().state === "submitting";
  const { t } = useTranslation();
  return (
    <section aria-labelledby="follow" className="card">
      <h2 id="follow">{t("follow.heading")}</h2>
      <p>{t("follow.intro")}</p>
      {checkEmail ? (
        <p className="notice" role="status">
          {t("follow.checkEmail")}
        </p>
      ) : null}
      <Form method="post" className="stack" noValidate id="follow-form">
        <FormError failure={failure} />
        <input type="hidden" name={STAMP_FIELD} value={failure?.values[STAMP_FIELD] ?? stamp} />
        <div className="visually-hidden" aria-hidden="true">
          <label htmlFor="follow-website">{t("sign.honeypot")}</label>
          <input id="follow-website" type="text" name={HONEYPOT_FIELD} tabIndex={-1} autoComplete="off" defaultValue="" />
        </div>
        <TextField
          name="email"
          label={t("follow.email")}
          type="email"
          hint={t("follow.emailHint")}
          autoComplete="email"
          inputMode="email"
          required
          failure={failure}
        />
        <div>
          <button type="submit" disabled={busy}>
            {busy ? t("follow.submitting") : t("follow.submit")}
          </button>
        </div>
      </Form>
    </section>
  );
}

export function ErrorBoundary() {
  return <ErrorMessage error={useRouteError()} />;
}
