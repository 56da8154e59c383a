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
import { useTranslation } from "react-i18next";
import { getSessionUser } from "~/auth/session.server";
import { appUrl, env } from "~/env.server";
import { languageOf } from "~/i18n/i18n.server";
import { LanguageAlternates, LanguageMessages, LanguageSwitcher } from "~/i18n/language";
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
    origin: appUrl(request),
    language: await languageOf(request),
  };
}

function Document({ children }: { children: ReactNode }) {
  const nonce = useNonce();
  const data = useRouteLoaderData<typeof loader>("root");
  const user = data?.user ?? null;
  const { t, i18n } = useTranslation();
  // A page framed on another site (a campaign's embed) shows its own content only, without scripts.
  const bare = useMatches().some((m) => typeof m.handle === "object" && m.handle !== null && "bare" in m.handle && m.handle.bare === true);
  if (bare) {
    return (
      <html lang={i18n.language}>
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
    <html lang={i18n.language}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
        {data ? <LanguageAlternates origin={data.origin} /> : null}
      </head>
      <body>
        <a className="skip-link" href="#main">
          {t("layout.skipToContent")}
        </a>
        {data?.demo ? (
          <p className="demo-banner" role="note">
            {t("layout.demoBanner")}
          </p>
        ) : null}
        <header className="site-header">
          <div className="wrap header-row">
            <Link to="/" className="brand">
              {t("layout.brand")}
            </Link>
            <nav aria-label={t("layout.mainNav")}>
              <ul>
                <li>
                  <Link to="/">{t("layout.cases")}</Link>
                </li>
                {user ? (
                  <>
                    <li>
                      <Link to="/admin">{t("layout.admin")}</Link>
                    </li>
                    <li>
                      <Form method="post" action="/logout">
                        <button type="submit" className="link-button">
                          {t("layout.logOut")}
                        </button>
                      </Form>
                    </li>
                  </>
                ) : (
                  <li>
                    <Link to="/login">{t("layout.logIn")}</Link>
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
          <LanguageSwitcher />
          <p>{t("layout.footer")}</p>
        </footer>
        <LanguageMessages />
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
