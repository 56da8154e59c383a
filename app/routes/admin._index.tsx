import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { canManageCases } from "~/auth/roles";
import { requireUser } from "~/auth/session.server";
import { listCasesForOrganisation } from "~/cases/case.server";
import { caseStatusLabels, type CaseStatus } from "~/cases/case-status";
import { formatDateTime } from "~/ui/format";

export const meta: MetaFunction = () => [{ title: "Admin: Solidarity letters" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const cases = await listCasesForOrganisation(user.organisationId);
  return { cases, canManage: canManageCases(user.role) };
}

export default function AdminIndex() {
  const { cases, canManage } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Your organisation's cases</h1>
      {canManage ? (
        <p>
          <Link className="button" to="/admin/cases/new">
            New case
          </Link>
        </p>
      ) : (
        <p>Section members see the cases here; campaigns and letters for your section come in the campaign pages.</p>
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
