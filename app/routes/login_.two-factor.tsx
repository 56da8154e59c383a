// The second step of logging in, for an account with two-factor sign-in: a code from the app on the
// phone, or a recovery code. The session starts only after it.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useRouteError } from "@remix-run/react";
import { z } from "zod";
import { safeRedirect } from "~/auth/redirect";
import { challengeTokenFrom, clearChallengeCookie, createSession } from "~/auth/session.server";
import { answerChallenge, challengeIsOpen } from "~/auth/two-factor.server";
import { ErrorMessage } from "~/ui/error-message";
import { failure, parseForm } from "~/ui/form-result";
import { FormError, TextField } from "~/ui/forms";

export const meta: MetaFunction = () => [{ title: "Your code: Solidarity letters" }];

const CodeSchema = z.object({
  code: z.string({ error: "Give the code." }).trim().min(6, "Give the 6-digit code from your app, or a recovery code.").max(40),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const token = await challengeTokenFrom(request);
  if (!token || !(await challengeIsOpen(token))) throw redirect("/login");
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const token = await challengeTokenFrom(request);
  if (!token) throw redirect("/login");
  const formData = await request.formData();
  const parsed = parseForm(CodeSchema, formData);
  if (!parsed.success) return json(parsed.failure, { status: 400 });
  const outcome = await answerChallenge(token, parsed.data.code);
  if (outcome.ok) {
    const headers = new Headers();
    headers.append("Set-Cookie", await clearChallengeCookie(request.url));
    headers.append("Set-Cookie", await createSession(outcome.userId, request.headers.get("User-Agent"), request.url));
    return redirect(safeRedirect(outcome.redirectTo), { headers });
  }
  if (outcome.reason === "expired") {
    return redirect("/login", { headers: { "Set-Cookie": await clearChallengeCookie(request.url) } });
  }
  const left = `${outcome.attemptsLeft} more ${outcome.attemptsLeft === 1 ? "try" : "tries"} before you start again from your password.`;
  return json(failure(formData, { code: [`That code is not right (or was used already). ${left}`] }), { status: 400 });
}

export default function TwoFactorStep() {
  const failureData = useActionData<typeof action>();
  return (
    <>
      <h1>Your code</h1>
      <p>Open the authenticator app on your phone and type the 6-digit code it shows for Solidarity letters.</p>
      <Form method="post" className="stack" noValidate>
        <FormError failure={failureData} />
        <TextField
          name="code"
          label="Code"
          hint="No phone with you? Type one of your recovery codes instead; each works once."
          autoComplete="one-time-code"
          required
          failure={failureData}
        />
        <div>
          <button type="submit">Log in</button>
        </div>
      </Form>
      <p>
        <Link to="/login">Start again</Link>
      </p>
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorMessage error={useRouteError()} />;
}
