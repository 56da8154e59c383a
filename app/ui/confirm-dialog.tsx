// Shows a Confirmation: a page section without JavaScript, a modal dialog with it.
import { Form, Link, useLocation, useNavigation } from "@remix-run/react";
import { useEffect, useRef, useSyncExternalStore } from "react";
import { CONFIRMED_FIELD, type Confirmation } from "~/ui/confirm";
import { formatNumber } from "~/ui/format";

const noSubscription = () => () => {};

/** False while the server renders and during hydration; true once scripts run. */
function useHydrated() {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
}

export function ConfirmDialog({ confirm }: { confirm: Confirmation | null | undefined }) {
  const ref = useRef<HTMLDialogElement>(null);
  const hydrated = useHydrated();
  const location = useLocation();
  const busy = useNavigation().state === "submitting";

  useEffect(() => {
    const dialog = ref.current;
    if (!confirm || !hydrated || !dialog) return;
    if (dialog.open) dialog.close();
    dialog.showModal();
    return () => dialog.close();
  }, [confirm, hydrated]);

  if (!confirm) return null;
  const titleId = "confirm-title";
  return (
    // Without scripts the dialog is rendered open, as a section of the page.
    <dialog ref={ref} open={hydrated ? undefined : true} className="confirm" aria-labelledby={titleId}>
      <Form method="post" replace>
        <h2 id={titleId}>{confirm.title}?</h2>
        {confirm.items.length ? (
          <ul className="confirm-items">
            {confirm.items.map((item, i) => (
              <li key={i}>{item}</li>
            ))}
            {confirm.more ? <li>and {formatNumber(confirm.more)} more</li> : null}
          </ul>
        ) : null}
        {confirm.detail ? <p>{confirm.detail}</p> : null}
        {Object.entries(confirm.fields).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <input type="hidden" name={CONFIRMED_FIELD} value="yes" />
        <div className="actions">
          <button type="submit" className={confirm.danger ? "danger" : undefined} disabled={busy}>
            {confirm.button}
          </button>
          <Link className="button secondary" to={location.pathname + location.search} replace>
            Cancel
          </Link>
        </div>
      </Form>
    </dialog>
  );
}
