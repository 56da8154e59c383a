// The scanned letter attached to an answer, for those who may see the letter.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { notFoundUnless } from "~/auth/permissions.server";
import { canManageCases } from "~/auth/roles";
import { requireUser } from "~/auth/session.server";
import { responseFile } from "~/responses/response.server";
import { IdSchema, paramOr404 } from "~/security/params.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const file = await responseFile({
    responseId: paramOr404(IdSchema, params.responseId, "No such answer."),
    organisationId: user.organisationId,
    ...(canManageCases(user.role) ? {} : { sectionId: user.sectionId ?? "no-section" }),
  });
  const data = file?.fileData;
  notFoundUnless(data, "No such file.");
  const safeName = (file?.fileName ?? "answer").replace(/[^\w.-]+/g, "_");
  return new Response(new Uint8Array(data), {
    headers: {
      "Content-Type": file?.fileType ?? "application/octet-stream",
      "Content-Disposition": `attachment; filename="${safeName}"`,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
}
