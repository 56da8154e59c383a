// The next step after signing or confirming: share the campaign (plain links, a copy button that
// works with JavaScript and a selectable address without), then write one's own letter.
import { Link } from "@remix-run/react";
import { useRef, useState, useSyncExternalStore } from "react";
import { useTranslation } from "react-i18next";
import type { ShareLinks } from "~/growth/share";

export function NextSteps({ links, campaignSlug, live }: { links: ShareLinks; campaignSlug: string; live: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <section aria-labelledby="share" className="card">
        <h2 id="share">{t("share.heading")}</h2>
        <p>{t("share.intro")}</p>
        <ul className="share-links">
          <li>
            <a className="button" href={links.whatsapp} rel="noopener noreferrer">
              {t("share.whatsapp")}
            </a>
          </li>
          <li>
            <a className="button" href={links.telegram} rel="noopener noreferrer">
              {t("share.telegram")}
            </a>
          </li>
          <li>
            <a className="button secondary" href={links.email}>
              {t("share.email")}
            </a>
          </li>
        </ul>
        <CopyLink url={links.copy} />
      </section>
      {live ? (
        <section aria-labelledby="write-next" className="card">
          <h2 id="write-next">{t("share.writeHeading")}</h2>
          <p>{t("share.writeText")}</p>
          <p>
            <Link className="button secondary" to={`/campaigns/${campaignSlug}/write`}>
              {t("share.writeButton")}
            </Link>
          </p>
        </section>
      ) : null}
    </>
  );
}

function CopyLink({ url }: { url: string }) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  // The button appears only once the page's script runs: without it the address is there to select.
  const scripted = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  const [copied, setCopied] = useState<"yes" | "no" | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied("yes");
    } catch {
      input.current?.select();
      setCopied("no");
    }
  };
  return (
    <div className="share-copy">
      <label htmlFor="share-url" className="visually-hidden">
        {t("share.addressLabel")}
      </label>
      <input id="share-url" ref={input} type="text" readOnly value={url} onFocus={(e) => e.currentTarget.select()} />
      {scripted ? (
        <button type="button" className="secondary" onClick={() => void copy()}>
          {t("share.copy")}
        </button>
      ) : null}
      <span role="status" className="muted">
        {copied === "yes" ? t("share.copied") : copied === "no" ? t("share.selected") : ""}
      </span>
    </div>
  );
}

const noSubscription = () => () => undefined;
