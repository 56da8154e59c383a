import { isRouteErrorResponse, Link } from "@remix-run/react";

/** A human sentence for an error, used by the root and by route error boundaries. */
export function ErrorMessage({ error }: { error: unknown }) {
  if (isRouteErrorResponse(error)) {
    const text =
      error.status === 404
        ? "We could not find this page. It may have been removed, or the address may be mistyped."
        : error.status === 403
          ? typeof error.data === "string" && error.data
            ? error.data
            : "You do not have permission to see this page."
          : typeof error.data === "string" && error.data
            ? error.data
            : "Something went wrong.";
    return (
      <section className="error-page">
        <h1>{error.status === 404 ? "Page not found" : error.status === 403 ? "Not allowed" : `Error ${error.status}`}</h1>
        <p>{text}</p>
        <p>
          <Link to="/">Back to the cases</Link>
        </p>
      </section>
    );
  }
  return (
    <section className="error-page">
      <h1>Something went wrong</h1>
      <p>The page could not be shown. Please try again in a moment.</p>
      <p>
        <Link to="/">Back to the cases</Link>
      </p>
    </section>
  );
}
