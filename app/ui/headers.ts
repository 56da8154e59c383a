// Remix sends an action's headers with its JSON (JavaScript on), but a page rendered after a plain
// form post takes its headers from the route's `headers` export. Routes that may refuse with 429
// export this, so a browser without JavaScript gets the Retry-After too.
import type { HeadersFunction } from "@remix-run/node";

export const retryAfterHeaders: HeadersFunction = ({ actionHeaders }) => {
  const retryAfter = actionHeaders.get("Retry-After");
  return retryAfter ? { "Retry-After": retryAfter } : new Headers();
};
