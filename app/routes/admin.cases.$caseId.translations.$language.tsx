// Translating a case's public text into one language: each field's original beside a box for its translation.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useRouteError } from "@remix-run/react";
import { useId } from "react";
import { z } from "zod";
import { notFoundUnless, requireOrganiser } from "~/auth/permissions.server";
import { saveTranslations, translatableContent, type TranslatableField } from "~/content/translation.server";
import { defaultLanguage, languageNames, languages, type Language } from "~/i18n/config";
import { IdSchema, paramOr404 } from "~/security/params.server";
import { ErrorMessage } from "~/ui/error-message";

// English is the original, edited on the case and campaign pages.
const LanguageSchema = z.enum(languages).exclude([defaultLanguage]);

async function load(request: Request, params: LoaderFunctionArgs["params"]) {
  const user = await requireOrganiser(request);
  const caseId = paramOr404(IdSchema, params.caseId, "No such case.");
  const language: Language = paramOr404(LanguageSchema, params.language, "No such language to translate into.");
  return { user, caseId, language };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, caseId, language } = await load(request, params);
  const content = await translatableContent({ caseId, organisationId: user.organisationId, language });
  notFoundUnless(content, "No such case in your organisation.");
  return { content, language, languageName: languageNames[language] };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.languageName} translation of ${data.content.title}: Solidarity letters` : "Translation: Solidarity letters" },
];

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, caseId, language } = await load(request, params);
  const result = await saveTranslations({ caseId, organisationId: user.organisationId, language, formData: await request.formData() });
  notFoundUnless(result, "No such case in your organisation.");
  if (!result.ok) return json(result, { status: 400 });
  return json(result);
}

export default function Translations() {
  const { content, language, languageName } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failed = result && !result.ok ? result : null;
  return (
    <>
      <h1>
        {languageName} translation of “{content.title}”
      </h1>
      <p>
        <Link to={`/admin/cases/${content.caseId}`}>Back to the case</Link> · Other languages:{" "}
        {languages
          .filter((l) => l !== defaultLanguage && l !== language)
          .map((l, i) => (
            <span key={l}>
              {i > 0 ? ", " : null}
              <Link to={`/admin/cases/${content.caseId}/translations/${l}`} lang={l}>
                {languageNames[l]}
              </Link>
            </span>
          ))}
      </p>
      <p className="muted">
        What you write here is shown to visitors reading in {languageName}. Leave a box empty to show the English original there (with a
        short note that it is not yet translated). Names, dates and sources are not translated.
      </p>
      {result?.ok ? (
        <p className="notice" role="status">
          Saved: {result.saved === 1 ? "1 text" : `${result.saved} texts`} in {languageName}.
        </p>
      ) : null}
      {failed ? (
        <p className="notice error" role="alert">
          Nothing was saved: check the texts marked below.
        </p>
      ) : null}
      <Form method="post" className="stack" noValidate>
        {content.fields.map((f, i) => {
          const heading = f.owner !== content.fields[i - 1]?.owner ? f.owner : null;
          return (
            <div key={f.name}>
              {heading ? <h2>{heading}</h2> : null}
              <TranslationField
                field={f}
                language={language}
                value={failed ? (failed.values[f.name] ?? "") : f.translation}
                error={failed?.errors[f.name]}
              />
            </div>
          );
        })}
        <div>
          <button type="submit">Save the {languageName} translation</button>
        </div>
      </Form>
    </>
  );
}

function TranslationField({
  field,
  language,
  value,
  error,
}: {
  field: TranslatableField;
  language: Language;
  value: string;
  error?: string;
}) {
  const id = useId();
  return (
    <div className="field translation">
      <label htmlFor={id}>{field.label}</label>
      <blockquote className="keep-lines" lang="en" id={`${id}-original`}>
        {field.original}
      </blockquote>
      {field.lines === "single" ? (
        <input
          id={id}
          name={field.name}
          lang={language}
          defaultValue={value}
          maxLength={field.max}
          aria-invalid={error ? true : undefined}
          aria-describedby={[`${id}-original`, error ? `${id}-error` : null].filter(Boolean).join(" ")}
        />
      ) : (
        <textarea
          id={id}
          name={field.name}
          lang={language}
          defaultValue={value}
          rows={Math.min(12, Math.max(3, Math.ceil(field.original.length / 80)))}
          aria-invalid={error ? true : undefined}
          aria-describedby={[`${id}-original`, error ? `${id}-error` : null].filter(Boolean).join(" ")}
        />
      )}
      {error ? (
        <ul id={`${id}-error`} className="field-errors">
          <li>{error}</li>
        </ul>
      ) : null}
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorMessage error={useRouteError()} />;
}
