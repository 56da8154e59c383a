import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { login } from "~/auth/login.server";
import { safeRedirect } from "~/auth/redirect";
import { getSessionUser, setChallengeCookie } from "~/auth/session.server";
import { failure, parseForm } from "~/ui/form-result";
import { FormError, TextField } from "~/ui/forms";
import { retryAfterHeaders } from "~/ui/headers";

export const meta: MetaFunction = () => [{ title: "Log in: Solidarity letters" }];

const LoginSchema = z.object({
  email: z.email("Give the email address of your account.").trim(),
  password: z.string().min(1, "Give your password."),
  redirectTo: z.string().max(2000).optional(),
});

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getSessionUser(request)) return redirect("/admin");
  return null;
}

export const headers = retryAfterHeaders;

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await request.formData();
  const parsed = parseForm(LoginSchema, formData);
  if (!parsed.success) return json(parsed.failure, { status: 400 });
  const result = await login({
    email: parsed.data.email,
    password: parsed.data.password,
    clientAddress: context.clientAddress,
    userAgent: request.headers.get("User-Agent"),
    requestUrl: request.url,
    redirectTo: safeRedirect(parsed.data.redirectTo),
  });
  if (!result.ok) {
    if (result.reason === "rate-limited") {
      const minutes = Math.max(1, Math.ceil(result.retryAfterSeconds / 60));
      return json(failure(formData, {}, `Too many failed attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`), {
        status: 429,
        headers: { "Retry-After": String(result.retryAfterSeconds) },
      });
    }
    return json(failure(formData, {}, "That email and password do not match an account."), { status: 400 });
  }
  if ("challengeToken" in result) {
    return redirect("/login/two-factor", { headers: { "Set-Cookie": await setChallengeCookie(result.challengeToken, request.url) } });
  }
  return redirect(safeRedirect(parsed.data.redirectTo), { headers: { "Set-Cookie": result.setCookie } });
}

export default function Login() {
  const failureData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const busy = useNavigation().state !== "idle";
  return (
    <>
      <h1>Log in</h1>
      <p>For organisers and section members. Supporters do not need an account.</p>
      {params.get("password") === "changed" ? <p role="status">Your password is set. Log in with it.</p> : null}
      <Form method="post" className="stack" noValidate>
        <FormError failure={failureData} />
        <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? ""} />
        <TextField name="email" label="Email" type="email" autoComplete="username" required failure={failureData} />
        <TextField name="password" label="Password" type="password" autoComplete="current-password" required failure={failureData} />
        <div>
          <button type="submit" disabled={busy}>
            {busy ? "Logging in…" : "Log in"}
          </button>
        </div>
      </Form>
      <p>
        <Link to="/forgot-password">Forgot your password?</Link>
      </p>
    </>
  );
}
