// Roles of an account within its organisation, and what each may do. Shared by server and pages.
export const roles = ["owner", "organiser", "section_member"] as const;
export type Role = (typeof roles)[number];

export const roleLabels: Record<Role, string> = {
  owner: "Owner",
  organiser: "Organiser",
  section_member: "Section member",
};

/** Owners and organisers run the organisation's cases and campaigns. */
export function canManageCases(role: string): boolean {
  return role === "owner" || role === "organiser";
}

/** Only organisers and owners invite; only owners may make organisers. */
export function canInvite(role: string, invitedRole: Role): boolean {
  if (role === "owner") return invitedRole !== "owner";
  if (role === "organiser") return invitedRole === "section_member";
  return false;
}
