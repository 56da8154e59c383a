// What a visitor reads when a page fails: the code's own sentence, or a generic one for the status.
import { isRouteErrorResponse, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

const defaults: Record<number, { title: string; text: string }> = {
  400: { title: "Not understood", text: "This request could not be understood. Go back, check what you sent, and try again." },
  403: { title: "Not allowed", text: "You do not have permission to see this page." },
  404: { title: "Page not found", text: "We could not find this page. It may have been removed, or the address may be mistyped." },
  405: { title: "Not allowed here", text: "This page does not accept that kind of request." },
  413: { title: "Too large", text: "What was sent is larger than this page accepts." },
};

/**
 * The sentence our code gave with the thrown Response (a string, or an object with a message).
 * Remix's own errors ("Error: No route matches URL …") are for developers, not shown.
 */
function messageOf(data: unknown): string | null {
  const text =
    typeof data === "string"
      ? data
      : typeof data === "object" && data !== null && "message" in data && typeof data.message === "string"
        ? data.message
        : "";
  if (!text.trim() || text.startsWith("Error: ")) return null;
  return text.slice(0, 500);
}

/** Title and sentence for an error: the code's own message when it gave one, else one for its status. */
export function describeError(error: unknown): { title: string; text: string } {
  if (!isRouteErrorResponse(error))
    return { title: "Something went wrong", text: "The page could not be shown. Please try again in a moment." };
  const known = defaults[error.status];
  return { title: known?.title ?? `Error ${error.status}`, text: messageOf(error.data) ?? known?.text ?? "Something went wrong." };
}

/** A human sentence for an error, used by the root and by route error boundaries. */
export function ErrorMessage({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const described = describeError(error);
  // The generic words in the reader's language; a sentence the code gave (often an admin's) as it is.
  const status = isRouteErrorResponse(error) ? error.status : null;
  const generic = status === null ? "errorPage.unknown" : status in defaults ? `errorPage.s${status}` : null;
  const own = isRouteErrorResponse(error) ? messageOf(error.data) : null;
  const title = generic ? t(`${generic}.title`) : described.title;
  const text = own ?? (generic ? t(`${generic}.text`) : described.text);
  return (
    <section className="error-page">
      <h1>{title}</h1>
      <p>{text}</p>
      <p>
        <Link to="/">{t("errorPage.back")}</Link>
      </p>
    </section>
  );
}
