// Loading one letter for the person asking: organisers see their organisation's letters,
// section members only their own section's.
import { notFoundUnless } from "~/auth/permissions.server";
import { canManageCases } from "~/auth/roles";
import { requireUser } from "~/auth/session.server";
import { getLetterFor } from "~/letters/letter.server";
import { IdSchema, paramOr404 } from "~/security/params.server";

export async function requireLetter(request: Request, letterIdParam: string | undefined) {
  const user = await requireUser(request);
  const letterId = paramOr404(IdSchema, letterIdParam, "No such letter.");
  const sectionScope = canManageCases(user.role) ? undefined : (user.sectionId ?? "no-section");
  const letter = await getLetterFor({ letterId, organisationId: user.organisationId, sectionId: sectionScope });
  notFoundUnless(letter, "No such letter.");
  return { user, letter };
}
