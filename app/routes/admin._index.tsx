import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { canManageCases } from "~/auth/roles";
import { requireUser } from "~/auth/session.server";
import { listCasesForOrganisation } from "~/cases/case.server";
import { caseStatusLabels, type CaseStatus } from "~/cases/case-status";
import { organiserNextSteps, sectionNextSteps, type NextStep } from "~/dashboard/next-steps.server";
import { formatDateTime } from "~/ui/format";

export const meta: MetaFunction = () => [{ title: "Overview: Solidarity letters" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const canManage = canManageCases(user.role);
  const [steps, cases] = await Promise.all([
    canManage
      ? organiserNextSteps({ organisationId: user.organisationId })
      : user.sectionId
        ? sectionNextSteps({ organisationId: user.organisationId, sectionId: user.sectionId })
        : Promise.resolve([]),
    listCasesForOrganisation(user.organisationId),
  ]);
  return { cases, canManage, steps, hasSection: Boolean(user.sectionId) };
}

function NextSteps({ steps, canManage, hasSection }: { steps: NextStep[]; canManage: boolean; hasSection: boolean }) {
  if (!canManage && !hasSection) {
    return <p>Your account belongs to no section yet: ask an organiser to add you to one, then your section's letters show here.</p>;
  }
  const noLiveCampaign = !canManage && !steps.some((s) => s.key.startsWith("campaign:"));
  return (
    <>
      {noLiveCampaign ? <p>No campaign is live at the moment: when one goes live, its letters for your section show here.</p> : null}
      <ul className="next-steps">
        {steps.map((step) => (
          <li key={step.key} data-step={step.key} className={step.count === 0 ? "muted" : undefined}>
            <span className="next-step-text">{step.text}</span>
            {step.detail ? <span className="next-step-detail muted">{step.detail}</span> : null}
            {step.links.length ? (
              <span className="next-step-links">
                {step.links.map((link) => (
                  <Link key={link.to} to={link.to}>
                    {link.label}
                  </Link>
                ))}
              </span>
            ) : null}
          </li>
        ))}
      </ul>
    </>
  );
}

export default function AdminIndex() {
  const { cases, canManage, steps, hasSection } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Overview</h1>
      <h2>What waits for you</h2>
      <NextSteps steps={steps} canManage={canManage} hasSection={hasSection} />
      <h2>Your organisation's cases</h2>
      {canManage ? (
        <p>
          <Link className="button" to="/admin/cases/new">
            New case
          </Link>
        </p>
      ) : (
        <p>The cases your organisation works on. Each live campaign's letters for your section are listed above.</p>
      )}
      <div className="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">Case</th>
              <th scope="col">Status</th>
              <th scope="col">People</th>
              <th scope="col">Last change</th>
            </tr>
          </thead>
          <tbody>
            {cases.map((c) => (
              <tr key={c.id}>
                <td>
                  {canManage ? <Link to={`/admin/cases/${c.id}`}>{c.title}</Link> : c.title}
                  {c.status !== "draft" ? (
                    <>
                      {" "}
                      · <Link to={`/cases/${c.slug}`}>public page</Link>
                    </>
                  ) : null}
                </td>
                <td>{caseStatusLabels[c.status as CaseStatus] ?? c.status}</td>
                <td>{c._count.people}</td>
                <td>{formatDateTime(c.updatedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
