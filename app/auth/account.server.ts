// A signed-in person's own account: changing their password.
import { prisma } from "~/db.server";
import { hashPassword, verifyPassword } from "~/auth/password.server";
import { endOtherSessions } from "~/auth/session.server";

/** With the current password only; every other session of the account ends. */
export async function changePassword({
  userId,
  current,
  next,
  request,
}: {
  userId: string;
  current: string;
  next: string;
  request: Request;
}): Promise<"changed" | "wrong-password"> {
  const user = await prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { passwordHash: true } });
  if (!(await verifyPassword(user.passwordHash, current))) return "wrong-password";
  await prisma.user.update({ where: { id: userId }, data: { passwordHash: await hashPassword(next) } });
  await endOtherSessions(userId, request);
  return "changed";
}
