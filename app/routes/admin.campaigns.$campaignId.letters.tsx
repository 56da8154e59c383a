// The review screen: a section (or the organisation) generates its letters for the campaign,
// reads and edits them, approves them, and sends them; each shows its delivery.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useRouteError } from "@remix-run/react";
import { z } from "zod";
import { targetKindLabels, targetKinds, type TargetKind } from "~/campaigns/campaign.schema";
import { countCampaignTargets } from "~/campaigns/campaign.server";
import { requireLetterWriter } from "~/campaigns/campaign-access.server";
import { prisma } from "~/db.server";
import { appUrl } from "~/env.server";
import { loadSender } from "~/letters/letter-context.server";
import {
  approveAll,
  deliveryOf,
  generateLetters,
  lettersForSender,
  matchesFilter,
  postCounts,
  readLetterFilter,
  sendApproved,
} from "~/letters/letter.server";
import { deliveryBucket, deliveryBucketLabels } from "~/dashboard/dashboard.server";
import { emailStatusLabel } from "~/mail/email-status";
import { confirmation, isConfirmed } from "~/ui/confirm";
import { ConfirmDialog } from "~/ui/confirm-dialog";
import { ErrorMessage } from "~/ui/error-message";
import { count, countryName, formatDateTime } from "~/ui/format";
import { intentOr400 } from "~/security/params.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Letters: ${data?.campaign.title ?? ""}` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const { user, campaign, organiser, sectionId } = await requireLetterWriter(request, params.campaignId, url.searchParams.get("sender"));
  const sender = await loadSender(user.organisationId, sectionId);
  if (!sender) throw new Response("No such section.", { status: 404 });
  const all = await lettersForSender({ campaignId: campaign.id, organisationId: user.organisationId, sectionId });
  const filter = readLetterFilter(url.searchParams);
  const letters = all.filter((l) => matchesFilter(l, filter));
  const filterQuery = new URLSearchParams(Object.entries(filter).filter(([, v]) => v)).toString();
  const delivery = await deliveryOf(letters.flatMap((l) => (l.outboxEmailId ? [l.outboxEmailId] : [])));
  const sections = organiser
    ? await prisma.section.findMany({
        where: { organisationId: user.organisationId },
        select: { id: true, name: true },
        orderBy: { name: "asc" },
      })
    : [];
  return {
    campaign: { id: campaign.id, title: campaign.title, status: campaign.status, templates: campaign.templates.length },
    organiser,
    sender: { key: sectionId ?? "organisation", name: sender.name, country: sender.country },
    sections,
    targetCount: await countCampaignTargets(campaign, sender.country),
    post: await postCounts({ organisationId: user.organisationId, campaignId: campaign.id, sectionId }),
    filter,
    filterQuery: filterQuery ? `?${filterQuery}` : "",
    total: all.length,
    drafts: all.filter((l) => l.status === "draft").length,
    approved: all.filter((l) => l.status === "approved").length,
    letters: letters.map((l) => {
      const email = l.outboxEmailId ? delivery.get(l.outboxEmailId) : undefined;
      const state = deliveryBucketLabels[deliveryBucket(l.status, email?.status ?? null)];
      return { ...l, state, delivery: email ? emailStatusLabel(email.status) : null, deliveryProblem: email?.lastError ?? null };
    }),
  };
}

const Intent = z.enum(["generate", "approve-all", "send-approved"]);

export async function action({ request, params }: ActionFunctionArgs) {
  const formData = await request.formData();
  const { user, campaign, sectionId } = await requireLetterWriter(request, params.campaignId, String(formData.get("sender") ?? ""));
  const intent = intentOr400(formData, Intent);
  const scope = { campaignId: campaign.id, organisationId: user.organisationId, sectionId };
  switch (intent) {
    case "generate": {
      const result = await generateLetters({ ...scope, appUrl: appUrl(request) });
      if (!result.ok) return json({ ok: false, message: result.message }, { status: 400 });
      const parts = [`${count(result.created, "letter")} generated.`];
      if (result.skipped) parts.push(`${count(result.skipped, "target")} already had a letter from you.`);
      if (result.withoutTemplate)
        parts.push(`${count(result.withoutTemplate, "target")} ${result.withoutTemplate === 1 ? "has" : "have"} no matching template.`);
      return json({ ok: true, message: parts.join(" ") });
    }
    case "approve-all": {
      if (!isConfirmed(formData)) {
        const drafts = (await lettersForSender(scope)).filter((l) => l.status === "draft");
        if (!drafts.length) return json({ ok: false, message: "There is no draft left to approve." }, { status: 409 });
        return json(
          confirmation(formData, {
            title: `Approve all ${count(drafts.length, "letter")}`,
            items: drafts.map((l) => `${l.recipientName}: ${l.subject}`),
            detail: "Approved letters can be sent; nothing is sent yet.",
            button: `Approve ${count(drafts.length, "letter")}`,
          }),
        );
      }
      const approved = await approveAll(scope);
      return json({ ok: true, message: `${count(approved, "letter")} approved.` });
    }
    case "send-approved": {
      if (campaign.status !== "live")
        return json({ ok: false, message: "Letters are sent only while the campaign is live." }, { status: 409 });
      if (!isConfirmed(formData)) {
        const approved = (await lettersForSender(scope)).filter((l) => l.status === "approved");
        const byEmail = approved.filter((l) => l.recipientEmail);
        if (!byEmail.length)
          return json({ ok: false, message: "No approved letter has an email address: print them instead." }, { status: 409 });
        const withoutEmail = approved.length - byEmail.length;
        return json(
          confirmation(formData, {
            title: `Send ${count(byEmail.length, "letter")}`,
            items: byEmail.map((l) => `${l.recipientName} <${l.recipientEmail}>`),
            detail: `Each goes out by email at once and cannot be called back.${withoutEmail ? ` ${count(withoutEmail, "letter")} without an email address ${withoutEmail === 1 ? "stays" : "stay"} for printing.` : ""}`,
            button: `Send ${count(byEmail.length, "letter")}`,
          }),
        );
      }
      const { sent, withoutEmail } = await sendApproved({ ...scope, appUrl: appUrl(request) });
      return json({
        ok: true,
        message: `${count(sent, "letter")} queued for sending.${withoutEmail ? ` ${count(withoutEmail, "letter")} without an email address: print ${withoutEmail === 1 ? "it" : "them"}.` : ""}`,
      });
    }
  }
}

// Here, not from letter.server: a component cannot read a server module's values.
const statusLabels = { draft: "Draft", approved: "Approved", sent: "Sent" } as const;

export default function Letters() {
  const { campaign, organiser, sender, sections, targetCount, letters, filter, filterQuery, total, drafts, approved, post } =
    useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation().state;
  const busy = navigation === "submitting";
  // The answer shows once the list has reloaded, together with the letters it speaks of.
  const settled = navigation === "idle";
  const hidden = <input type="hidden" name="sender" value={sender.key} />;
  return (
    <>
      <p>
        {organiser ? (
          <Link to={`/admin/campaigns/${campaign.id}`}>← {campaign.title}</Link>
        ) : (
          <Link to="/admin/campaigns">← Campaigns</Link>
        )}
      </p>
      <h1>Letters: {campaign.title}</h1>
      <p>
        Writing as <strong>{sender.name}</strong>
        {sender.country ? ` to the targets for ${countryName(sender.country)}` : " to all the campaign's targets"} ({targetCount}).
      </p>
      {organiser ? (
        <Form method="get" className="actions">
          <label>
            Write as{" "}
            <select name="sender" defaultValue={sender.key}>
              <option value="organisation">The organisation</option>
              {sections.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="secondary">
            Switch
          </button>
        </Form>
      ) : null}
      {result && "confirm" in result ? <ConfirmDialog confirm={result.confirm} /> : null}
      {settled && result && "message" in result ? (
        <p className={result.ok ? "notice" : "form-error"} role="status">
          {result.message}
        </p>
      ) : null}

      <div className="actions spaced">
        <Form method="post">
          {hidden}
          <input type="hidden" name="intent" value="generate" />
          <button type="submit" disabled={busy || campaign.templates === 0}>
            Generate letters
          </button>
        </Form>
        <Form method="post">
          {hidden}
          <input type="hidden" name="intent" value="approve-all" />
          <button type="submit" className="secondary" disabled={busy || drafts === 0}>
            Approve all ({drafts})
          </button>
        </Form>
        <Form method="post">
          {hidden}
          <input type="hidden" name="intent" value="send-approved" />
          <button type="submit" disabled={busy || approved === 0 || campaign.status !== "live"}>
            Send approved ({approved})
          </button>
        </Form>
        <Link className="button secondary" to={`/admin/campaigns/${campaign.id}/follow-ups?sender=${sender.key}`}>
          Follow-ups
        </Link>
        {post.printable ? (
          <a className="button secondary" href={`/admin/campaigns/${campaign.id}/letters/pdf?sender=${sender.key}`}>
            PDF for post ({post.printable})
          </a>
        ) : null}
      </div>
      {post.withoutAddress ? (
        <p className="muted">
          {post.printable
            ? `${post.withoutAddress} of the letters are not in the PDF for post: `
            : "No letter can be printed for post yet: "}
          {post.withoutAddress === 1 ? "its target has" : "their targets have"} no postal address. Add the addresses in the{" "}
          <Link to="/admin/targets">targets directory</Link>.
        </p>
      ) : null}
      {campaign.status !== "live" ? <p className="muted">The campaign is not live: letters can be prepared, not sent.</p> : null}

      <Form method="get" className="actions filters" aria-label="Filter the letters">
        <input type="hidden" name="sender" value={sender.key} />
        <label>
          Status{" "}
          <select name="status" defaultValue={filter.status}>
            <option value="">Any</option>
            {Object.entries(statusLabels).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Kind{" "}
          <select name="kind" defaultValue={filter.kind}>
            <option value="">Any</option>
            {targetKinds.map((k) => (
              <option key={k} value={k}>
                {targetKindLabels[k]}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="secondary">
          Show
        </button>
        {filter.status || filter.kind ? (
          <>
            <span className="muted">
              Showing {letters.length} of {count(total, "letter")}
            </span>
            <Link to={`?sender=${sender.key}`}>Show all</Link>
          </>
        ) : null}
      </Form>

      <div className="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">To</th>
              <th scope="col">Subject</th>
              <th scope="col">Status</th>
              <th scope="col">Delivery</th>
            </tr>
          </thead>
          <tbody>
            {letters.map((l) => (
              <tr key={l.id}>
                <td>
                  <Link to={`/admin/letters/${l.id}${filterQuery}`}>{l.recipientName}</Link>
                  {l.target.position || l.target.body ? (
                    <>
                      <br />
                      {[l.target.position, l.target.body].filter(Boolean).join(", ")}
                    </>
                  ) : null}
                  <br />
                  <span className="muted">
                    {targetKindLabels[l.target.kind as TargetKind] ?? l.target.kind}
                    {l.target.country ? ` · ${countryName(l.target.country)}` : ""}
                    {l.recipientEmail ? "" : " · no email: print"}
                  </span>
                </td>
                <td>{l.subject}</td>
                <td>
                  {l.state}
                  {l.sentAt ? <span className="muted"> · queued {formatDateTime(l.sentAt)}</span> : null}
                </td>
                <td>
                  {l.delivery ?? "—"}
                  {l.deliveryProblem ? <span className="muted"> ({l.deliveryProblem})</span> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {letters.length === 0 && total > 0 ? <p>No letter matches these filters.</p> : null}
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorMessage error={useRouteError()} />;
}
