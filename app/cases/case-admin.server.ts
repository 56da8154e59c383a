// Loading a case for its organisers, and the form intents of the case editing pages.
import { z } from "zod";
import { notFoundUnless, requireOrganiser } from "~/auth/permissions.server";
import { getCaseForOrganisation, sourceBelongsToCase } from "~/cases/case.server";
import type { FieldErrors } from "~/ui/form-result";
import { IdSchema, paramOr404 } from "~/security/params.server";

/** The organiser's case from the URL, or 404 when it is not theirs. */
export async function requireOrganiserCase(request: Request, caseIdParam: string | undefined) {
  const user = await requireOrganiser(request);
  const caseId = paramOr404(IdSchema, caseIdParam, "No such case in your organisation.");
  const found = await getCaseForOrganisation({ caseId, organisationId: user.organisationId });
  notFoundUnless(found, "No such case in your organisation.");
  return { user, case: found };
}

/** A source picked in a form must belong to this case; anything else is answered beside the field. */
export async function checkSource(caseId: string, sourceId: string | null): Promise<FieldErrors | null> {
  return (await sourceBelongsToCase(sourceId, caseId)) ? null : { sourceId: ["Choose one of this case's sources."] };
}

export const FactKindSchema = z.enum(["sources", "events", "demands"]);
