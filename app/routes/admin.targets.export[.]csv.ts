// /admin/targets/export.csv: the organisation's targets (with the list's filters) as a CSV download.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireOrganiser } from "~/auth/permissions.server";
import { exportTargetsCsv } from "~/targets/export.server";
import { filtersFromUrl } from "~/targets/target.schema";
import { todayIso } from "~/ui/format";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireOrganiser(request);
  const { page: _page, ...filters } = filtersFromUrl(new URL(request.url));
  const csv = await exportTargetsCsv({ organisationId: user.organisationId, filters });
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="targets-${todayIso()}.csv"`,
      // Contact data of the organisation: never kept by a shared cache.
      "Cache-Control": "private, no-store",
    },
  });
}
