import { PassThrough } from "node:stream";
import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { i18nFor } from "~/i18n/i18n";
import { languageOf, rememberLanguage } from "~/i18n/i18n.server";
import { isBodyTooLarge } from "~/security/body-limit.server";
import { PUBLIC_PAGE_HEADER } from "~/serving/public-pages.server";
import { NonceContext } from "~/ui/nonce";

const ABORT_DELAY = 5_000;

/** Errors a loader or action threw. A body cut at its size limit was already answered 413 (server.ts). */
export function handleError(error: unknown, { request }: { request: Request }) {
  if (request.signal.aborted || isBodyTooLarge(error)) return;
  console.error(error);
}

export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = loadContext.cspNonce;
  const language = await languageOf(request);
  const remembered = await rememberLanguage(request);
  if (remembered) responseHeaders.append("Set-Cookie", remembered);
  if (isPublicPage(remixContext)) {
    // Each copy carries its own one-time form stamp and nonce: no shared proxy may keep it.
    if (!responseHeaders.has("Cache-Control")) responseHeaders.set("Cache-Control", "private, no-cache");
    if (mayBeReused(remixContext, responseStatusCode)) responseHeaders.set(PUBLIC_PAGE_HEADER, "1");
  }
  const waitForAll = isbot(request.headers.get("user-agent") ?? "");
  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <I18nextProvider i18n={i18nFor(language)}>
        <NonceContext.Provider value={nonce}>
          <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
        </NonceContext.Provider>
      </I18nextProvider>,
      {
        nonce,
        [waitForAll ? "onAllReady" : "onShellReady"]() {
          shellRendered = true;
          const body = new PassThrough();
          responseHeaders.set("Content-Type", "text/html; charset=utf-8");
          resolve(new Response(createReadableStreamFromReadable(body), { headers: responseHeaders, status: responseStatusCode }));
          pipe(body);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          if (shellRendered) console.error(error);
        },
      },
    );
    setTimeout(abort, ABORT_DELAY);
  });
}

/** The page's route asks to be served again to anonymous visitors (`handle: { publicPage: true }`). */
function isPublicPage(remixContext: EntryContext): boolean {
  const { matches } = remixContext.staticHandlerContext;
  const leaf = matches[matches.length - 1];
  const handle: unknown = leaf ? remixContext.routeModules[leaf.route.id]?.handle : undefined;
  return typeof handle === "object" && handle !== null && "publicPage" in handle && handle.publicPage === true;
}

/**
 * A render the server may keep and serve to other anonymous visitors (app/serving/public-pages.server.ts):
 * nothing failed, and the root loader found no one logged in. The server adds its own checks (no
 * cookie sent, none set).
 */
function mayBeReused(remixContext: EntryContext, status: number): boolean {
  const { loaderData, errors, actionData } = remixContext.staticHandlerContext;
  if (status !== 200 || errors || actionData) return false;
  const root: unknown = loaderData.root;
  return typeof root === "object" && root !== null && "user" in root && root.user === null;
}
