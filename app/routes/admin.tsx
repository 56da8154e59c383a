import type { LoaderFunctionArgs } from "@remix-run/node";
import { NavLink, Outlet, useLoaderData, useRouteError } from "@remix-run/react";
import { canManageCases, roleLabels, type Role } from "~/auth/roles";
import { requireUser } from "~/auth/session.server";
import { env } from "~/env.server";
import { ErrorMessage } from "~/ui/error-message";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return {
    name: user.name,
    organisation: user.organisation.name,
    role: user.role,
    canManage: canManageCases(user.role),
    devMailbox: !env().RESEND_API_KEY,
    sectionId: user.sectionId,
  };
}

export default function AdminLayout() {
  const { name, organisation, role, canManage, devMailbox, sectionId } = useLoaderData<typeof loader>();
  return (
    <>
      <p className="muted">
        {name} · {roleLabels[role as Role] ?? role} · {organisation}
      </p>
      <nav className="admin-nav" aria-label="Admin">
        <NavLink to="/admin" end>
          Overview
        </NavLink>
        <NavLink to="/admin/campaigns">Campaigns</NavLink>
        {!canManage && sectionId ? <NavLink to={`/admin/sections/${sectionId}/dashboard`}>Our letters and answers</NavLink> : null}
        {canManage ? <NavLink to="/admin/targets">Targets</NavLink> : null}
        {canManage ? <NavLink to="/admin/organisation">Organisation</NavLink> : null}
        {canManage ? <NavLink to="/admin/responses">Inbox</NavLink> : null}
        {canManage ? <NavLink to="/admin/outbox">Outbox</NavLink> : null}
        {canManage && devMailbox ? <NavLink to="/dev/mailbox">Dev mailbox</NavLink> : null}
        <NavLink to="/admin/account">Your account</NavLink>
      </nav>
      <Outlet />
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorMessage error={useRouteError()} />;
}
