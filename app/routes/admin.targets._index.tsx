// The organisation's targets: searched by name and filtered by kind, country and tag through a plain
// GET form; countries and tags are shown by their names.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useRouteError } from "@remix-run/react";
import { requireOrganiser } from "~/auth/permissions.server";
import { filtersFromUrl, targetKindLabel, type TargetFilters } from "~/targets/target.schema";
import { tagName } from "~/targets/tag-names";
import { listTargets, suppressionLabels, targetFilterOptions } from "~/targets/target.server";
import { ErrorMessage } from "~/ui/error-message";
import { count, countryName, plural } from "~/ui/format";
import { TargetFilterFields } from "~/targets/components/target-filter-fields";

export const meta: MetaFunction = () => [{ title: "Targets: Solidarity letters" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireOrganiser(request);
  const filters = filtersFromUrl(new URL(request.url));
  const [list, options] = await Promise.all([
    listTargets({ organisationId: user.organisationId, filters }),
    targetFilterOptions(user.organisationId),
  ]);
  return { ...list, filters, options };
}

/** The query string of a filter set, for links that keep the filters (pages, export). */
function query(filters: Omit<TargetFilters, "page">, page?: number): string {
  const params = new URLSearchParams();
  if (filters.q) params.set("q", filters.q);
  if (filters.kind) params.set("kind", filters.kind);
  if (filters.country) params.set("country", filters.country);
  if (filters.tag) params.set("tag", filters.tag);
  if (page && page > 1) params.set("page", String(page));
  const text = params.toString();
  return text ? `?${text}` : "";
}

/** Position and body under the name, without repeating the kind ("Member of the European Parliament") or the name. */
function subtitle(t: { kind: string; name: string; position: string | null; body: string | null }): string {
  const position = t.position && t.position !== targetKindLabel(t.kind) ? t.position : null;
  const body = t.body && t.body !== t.name ? t.body : null;
  return [position, body].filter(Boolean).join(" · ");
}

export default function TargetsPage() {
  const { targets, total, page, pages, filters, options } = useLoaderData<typeof loader>();
  const filtered = !!(filters.q || filters.kind || filters.country || filters.tag);
  return (
    <>
      <h1>Targets</h1>
      <p>Embassies, Members of the European Parliament, officials and others your letters go to.</p>
      <p className="actions">
        <Link className="button" to="/admin/targets/new">
          Add target
        </Link>
        <Link className="button secondary" to="/admin/targets/import">
          Import
        </Link>
        <a className="button secondary" href={`/admin/targets/export.csv${query(filters)}`} download>
          Export CSV{filtered ? " (these filters)" : ""}
        </a>
      </p>

      <Form method="get" className="actions" aria-label="Filter targets">
        <TargetFilterFields filters={filters} options={options} placeholder="e.g. Embassy" />
        {filtered ? <Link to="/admin/targets">Show all</Link> : null}
      </Form>

      <p className="muted" role="status">
        {total === 0
          ? filtered
            ? "No target matches this search."
            : "No targets yet: add one, or import a file."
          : `${count(total, "target")}${filtered ? ` ${plural(total, "matches", "match")}` : ""}; a country matches where a target is located or the countries it answers for.`}
      </p>

      {targets.length ? (
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Kind</th>
                <th scope="col">Country</th>
                <th scope="col">Email</th>
                <th scope="col">Postal address</th>
                <th scope="col">Tags</th>
              </tr>
            </thead>
            <tbody>
              {targets.map((t) => (
                <tr key={t.id}>
                  <td>
                    <Link to={`/admin/targets/${t.id}`}>{t.name}</Link>
                    {subtitle(t) ? <div className="muted">{subtitle(t)}</div> : null}
                    {t.active ? null : <span className="badge badge-neutral">inactive</span>}
                  </td>
                  <td>{targetKindLabel(t.kind, true)}</td>
                  <td>
                    {countryName(t.country)}
                    {t.jurisdictions.filter((j) => j !== t.country).length ? (
                      <div className="muted">
                        also{" "}
                        {t.jurisdictions
                          .filter((j) => j !== t.country)
                          .map((j) => countryName(j))
                          .join(", ")}
                      </div>
                    ) : null}
                  </td>
                  <td>
                    {t.email ?? <span className="muted">none</span>}
                    {t.emailSuppression ? (
                      <>
                        {" "}
                        <span className="badge badge-danger">{suppressionLabels[t.emailSuppression] ?? "email bounced"}</span>
                      </>
                    ) : null}
                  </td>
                  <td>{t.postalAddress ? "yes" : <span className="muted">none</span>}</td>
                  <td>{t.tags.map((tag) => tagName(tag)).join(", ")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}

      {pages > 1 ? (
        <nav className="actions" aria-label="Pages">
          {page > 1 ? <Link to={`/admin/targets${query(filters, page - 1)}`}>← Previous</Link> : null}
          <span>
            Page {page} of {pages}
          </span>
          {page < pages ? <Link to={`/admin/targets${query(filters, page + 1)}`}>Next →</Link> : null}
        </nav>
      ) : null}
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorMessage error={useRouteError()} />;
}
