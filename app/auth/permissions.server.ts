// The one permission check: who may do what, enforced in every loader and action.
import { canManageCases } from "~/auth/roles";
import { requireUser, type SessionUser } from "~/auth/session.server";

/** An organiser or owner of some organisation; anyone else gets 403. */
export async function requireOrganiser(request: Request): Promise<SessionUser> {
  const user = await requireUser(request);
  if (!canManageCases(user.role)) {
    throw new Response("Only organisers of your organisation can do this.", { status: 403 });
  }
  return user;
}

/** Throws a 404 when a row is missing or belongs to another organisation: both look the same. */
export function notFoundUnless<T>(value: T | null | undefined, what = "Not found"): asserts value is T {
  if (value === null || value === undefined) throw new Response(what, { status: 404 });
}
