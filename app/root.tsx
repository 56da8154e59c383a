import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import {
  Form,
  Link,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLoaderData,
  useMatches,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import type { ReactNode } from "react";
import { getSessionUser } from "~/auth/session.server";
import { env } from "~/env.server";
import { ErrorMessage } from "~/ui/error-message";
import { useNonce } from "~/ui/nonce";
import styles from "~/styles/app.css";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: styles },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getSessionUser(request);
  return {
    user: user ? { name: user.name, role: user.role, organisation: user.organisation.name } : null,
    // Anything but production (an https APP_URL) is a demo: say so on every page.
    demo: !env().production,
  };
}

function Document({ children }: { children: ReactNode }) {
  const nonce = useNonce();
  const data = useRouteLoaderData<typeof loader>("root");
  const user = data?.user ?? null;
  // A page framed on another site (a campaign's embed) shows its own content only, without scripts.
  const bare = useMatches().some((m) => typeof m.handle === "object" && m.handle !== null && "bare" in m.handle && m.handle.bare === true);
  if (bare) {
    return (
      <html lang="en">
        <head>
          <meta charSet="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <Meta />
          <Links />
        </head>
        <body className="bare">
          {data?.demo ? (
            <p className="demo-banner" role="note">
              Demo install: do not enter real personal data.
            </p>
          ) : null}
          <main id="main" className="wrap">
            {children}
          </main>
          {/* No scripts: in a frame on another site, browsers that block third-party storage deny
              the router its sessionStorage, and the page would break. Its form posts as HTML. */}
        </body>
      </html>
    );
  }
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        {data?.demo ? (
          <p className="demo-banner" role="note">
            This is a demo install: its accounts and targets are examples and its email stays on this machine. Do not enter real personal
            data.
          </p>
        ) : null}
        <header className="site-header">
          <div className="wrap header-row">
            <Link to="/" className="brand">
              Solidarity letters
            </Link>
            <nav aria-label="Main">
              <ul>
                <li>
                  <Link to="/">Cases</Link>
                </li>
                {user ? (
                  <>
                    <li>
                      <Link to="/admin">Admin</Link>
                    </li>
                    <li>
                      <Form method="post" action="/logout">
                        <button type="submit" className="link-button">
                          Log out
                        </button>
                      </Form>
                    </li>
                  </>
                ) : (
                  <li>
                    <Link to="/login">Log in</Link>
                  </li>
                )}
              </ul>
            </nav>
          </div>
        </header>
        <main id="main" className="wrap">
          {children}
        </main>
        <footer className="site-footer wrap">
          <p>
            Solidarity letters is open-source software for campaigns for people persecuted for peaceful protest. This site loads nothing
            from other websites.
          </p>
        </footer>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  useLoaderData<typeof loader>();
  return (
    <Document>
      <Outlet />
    </Document>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  return (
    <Document>
      <ErrorMessage error={error} />
    </Document>
  );
}
