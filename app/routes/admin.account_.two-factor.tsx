// Two-factor sign-in for your own account: set it up with an authenticator app (QR code made here,
// nothing loaded from elsewhere), keep recovery codes, renew them, or switch it off.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useRouteError } from "@remix-run/react";
import { z } from "zod";
import { requireUser } from "~/auth/session.server";
import {
  confirmEnrolment,
  disableTwoFactor,
  enrolmentPicture,
  regenerateRecoveryCodes,
  startEnrolment,
  twoFactorState,
} from "~/auth/two-factor.server";
import { intentOr400 } from "~/security/params.server";
import { ErrorMessage } from "~/ui/error-message";
import { failure, parseForm, type FormFailure } from "~/ui/form-result";
import { FormError, TextField } from "~/ui/forms";

export const meta: MetaFunction = () => [{ title: "Two-factor sign-in: Solidarity letters" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const state = await twoFactorState(user.id);
  return {
    enabled: state.enabled,
    required: state.required,
    recoveryCodesLeft: state.recoveryCodesLeft,
    pending: state.pendingSecret
      ? { secret: state.pendingSecret, picture: await enrolmentPicture(state.email, state.pendingSecret) }
      : null,
  };
}

const Code = z.object({ code: z.string({ error: "Give the code." }).trim().min(6, "Give the 6-digit code from your app.").max(40) });
const Disable = Code.extend({ password: z.string({ error: "Give your password." }).min(1, "Give your password.").max(400) });

type Result = { intent: string; failure: FormFailure | null; recoveryCodes: string[] | null; message: string | null };
const answer = (result: Partial<Result> & { intent: string }, status = 200) =>
  json<Result>({ failure: null, recoveryCodes: null, message: null, ...result }, { status });

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const formData = await request.formData();
  const intent = intentOr400(formData, ["start", "confirm", "regenerate", "disable"]);
  switch (intent) {
    case "start":
      await startEnrolment(user.id);
      return answer({ intent });
    case "confirm": {
      const parsed = parseForm(Code, formData);
      if (!parsed.success) return answer({ intent, failure: parsed.failure }, 400);
      const codes = await confirmEnrolment(user.id, parsed.data.code);
      if (!codes)
        return answer(
          {
            intent,
            failure: failure(formData, {
              code: ["That code is not right. Check the time on your phone, and type the code the app shows now."],
            }),
          },
          400,
        );
      return answer({ intent, recoveryCodes: codes, message: "Two-factor sign-in is on." });
    }
    case "regenerate": {
      const parsed = parseForm(Code, formData);
      if (!parsed.success) return answer({ intent, failure: parsed.failure }, 400);
      const codes = await regenerateRecoveryCodes(user.id, parsed.data.code);
      if (!codes) return answer({ intent, failure: failure(formData, { code: ["That code is not right."] }) }, 400);
      return answer({ intent, recoveryCodes: codes, message: "New recovery codes: the old ones no longer work." });
    }
    case "disable": {
      const parsed = parseForm(Disable, formData);
      if (!parsed.success) return answer({ intent, failure: parsed.failure }, 400);
      const outcome = await disableTwoFactor(user.id, parsed.data.password, parsed.data.code);
      if (outcome === "required")
        return answer(
          { intent, failure: failure(formData, {}, "Your organisation requires two-factor sign-in: it cannot be switched off.") },
          400,
        );
      if (outcome === "wrong-password")
        return answer({ intent, failure: failure(formData, { password: ["That is not your password."] }) }, 400);
      if (outcome === "wrong-code") return answer({ intent, failure: failure(formData, { code: ["That code is not right."] }) }, 400);
      return answer({ intent, message: "Two-factor sign-in is off." });
    }
  }
}

export default function TwoFactor() {
  const { enabled, required, recoveryCodesLeft, pending } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failureFor = (intent: string) => (result?.intent === intent ? result.failure : null);
  return (
    <>
      <p>
        <Link to="/admin/account">← Your account</Link>
      </p>
      <h1>Two-factor sign-in</h1>
      {required && !enabled ? (
        <p role="alert" className="notice">
          Your organisation requires two-factor sign-in: set it up to go on.
        </p>
      ) : null}
      {result?.message ? <p role="status">{result.message}</p> : null}
      {result?.recoveryCodes ? (
        <section className="card" aria-labelledby="recovery">
          <h2 id="recovery">Your recovery codes</h2>
          <p>
            Each opens your account once without your phone. Keep them somewhere safe, away from your phone (printed, or in a password
            manager). They are shown only now.
          </p>
          <ul className="recovery-codes">
            {result.recoveryCodes.map((code) => (
              <li key={code}>
                <code>{code}</code>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {enabled ? (
        <>
          <p>
            Two-factor sign-in is <strong>on</strong>: after your password you type a code from your authenticator app. {recoveryCodesLeft}{" "}
            recovery code{recoveryCodesLeft === 1 ? "" : "s"} left.
          </p>
          <h2>New recovery codes</h2>
          <Form method="post" className="stack" noValidate>
            <input type="hidden" name="intent" value="regenerate" />
            <FormError failure={failureFor("regenerate")} />
            <TextField name="code" label="A code from your app" autoComplete="one-time-code" required failure={failureFor("regenerate")} />
            <div>
              <button type="submit">Make new recovery codes</button>
            </div>
          </Form>
          {required ? null : (
            <>
              <h2>Switch it off</h2>
              <Form method="post" className="stack" noValidate>
                <input type="hidden" name="intent" value="disable" />
                <FormError failure={failureFor("disable")} />
                <TextField
                  name="password"
                  label="Your password"
                  type="password"
                  autoComplete="current-password"
                  required
                  failure={failureFor("disable")}
                />
                <TextField
                  name="code"
                  label="A code from your app, or a recovery code"
                  autoComplete="one-time-code"
                  required
                  failure={failureFor("disable")}
                />
                <div>
                  <button type="submit">Switch two-factor sign-in off</button>
                </div>
              </Form>
            </>
          )}
        </>
      ) : pending ? (
        <>
          <p>
            1. In an authenticator app on your phone (for example Aegis, FreeOTP, Google Authenticator or your password manager), add an
            account by scanning this code, or by typing the key below it.
          </p>
          {/* The QR code is an SVG drawn on this server from the key: nothing is loaded from elsewhere. */}
          <div
            className="qr-code"
            role="img"
            aria-label="QR code of your two-factor key"
            dangerouslySetInnerHTML={{ __html: pending.picture }}
          />
          <p>
            Key: <code className="totp-secret">{pending.secret}</code>
          </p>
          <p>2. Type the 6-digit code the app shows, to check that it works.</p>
          <Form method="post" className="stack" noValidate>
            <input type="hidden" name="intent" value="confirm" />
            <FormError failure={failureFor("confirm")} />
            <TextField name="code" label="Code from the app" autoComplete="one-time-code" required failure={failureFor("confirm")} />
            <div>
              <button type="submit">Switch two-factor sign-in on</button>
            </div>
          </Form>
        </>
      ) : (
        <>
          <p>
            With two-factor sign-in, logging in needs your password and a code from an app on your phone: a stolen or guessed password alone
            opens nothing. You also get recovery codes for the day the phone is lost.
          </p>
          <Form method="post">
            <input type="hidden" name="intent" value="start" />
            <button type="submit">Set up two-factor sign-in</button>
          </Form>
        </>
      )}
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorMessage error={useRouteError()} />;
}
