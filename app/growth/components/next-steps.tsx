// The next step after signing or confirming: share the campaign (plain links, a copy button that
// works with JavaScript and a selectable address without), then write one's own letter.
import { Link } from "@remix-run/react";
import { useRef, useState, useSyncExternalStore } from "react";
import type { ShareLinks } from "~/growth/share";

export function NextSteps({ links, campaignSlug, live }: { links: ShareLinks; campaignSlug: string; live: boolean }) {
  return (
    <>
      <section aria-labelledby="share" className="card">
        <h2 id="share">Next: ask two friends to sign</h2>
        <p>Every signature you bring in counts as much as yours. Send them the campaign:</p>
        <ul className="share-links">
          <li>
            <a className="button" href={links.whatsapp} rel="noopener noreferrer">
              Share on WhatsApp
            </a>
          </li>
          <li>
            <a className="button" href={links.telegram} rel="noopener noreferrer">
              Share on Telegram
            </a>
          </li>
          <li>
            <a className="button secondary" href={links.email}>
              Share by email
            </a>
          </li>
        </ul>
        <CopyLink url={links.copy} />
      </section>
      {live ? (
        <section aria-labelledby="write-next" className="card">
          <h2 id="write-next">Then: write your own letter</h2>
          <p>A letter with your name to your country&apos;s embassy and your MEPs, ready to send in a few minutes.</p>
          <p>
            <Link className="button secondary" to={`/campaigns/${campaignSlug}/write`}>
              Write your letter
            </Link>
          </p>
        </section>
      ) : null}
    </>
  );
}

function CopyLink({ url }: { url: string }) {
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
        The campaign&apos;s address
      </label>
      <input id="share-url" ref={input} type="text" readOnly value={url} onFocus={(e) => e.currentTarget.select()} />
      {scripted ? (
        <button type="button" className="secondary" onClick={() => void copy()}>
          Copy the link
        </button>
      ) : null}
      <span role="status" className="muted">
        {copied === "yes" ? "Copied." : copied === "no" ? "Selected: copy it with your keyboard or menu." : ""}
      </span>
    </div>
  );
}

const noSubscription = () => () => undefined;
