// Emails the outbox renders when they are read (by the worker as it sends, by the dev mailbox),
// not when they are queued: the signing transaction then writes a few bytes of props instead of
// kilobytes of encrypted HTML. The props never carry personal data: a signer's links are derived
// from the email's subject (the signature's id) with a key, as they were when rendered at once.
import { z } from "zod";
import { defaultLanguage, languages, type Language } from "~/i18n/config";
import { renderEmailHtml, renderStencilSync } from "~/mail/render.server";
import { signerLinks } from "~/petitions/signer-links";
import { signerLinkToken } from "~/security/crypto.server";
import { ConfirmSignatureEmail, confirmSignatureText } from "../../emails/confirm-signature";

const ConfirmSignatureProps = z.object({
  campaignTitle: z.string(),
  appUrl: z.string(),
  // Emails queued before languages existed carry none: English.
  language: z.enum(languages).default(defaultLanguage),
});
type ConfirmSlot = "confirmUrl" | "unsubscribeUrl" | "deleteDataUrl";

// One stencil per campaign title, site address and language: the worker renders a batch of a hundred at once.
const confirmationStencils = new Map<string, ReturnType<typeof renderStencilSync<ConfirmSlot>>>();

function confirmationStencil(campaignTitle: string, appUrl: string, language: Language) {
  const key = `${appUrl}\n${language}\n${campaignTitle}`;
  let stencil = confirmationStencils.get(key);
  if (!stencil) {
    if (confirmationStencils.size >= 100) confirmationStencils.clear();
    stencil = renderStencilSync(["confirmUrl", "unsubscribeUrl", "deleteDataUrl"] as const, (markers) => {
      const props = { ...markers, campaignTitle, language };
      return { html: renderEmailHtml(ConfirmSignatureEmail(props)), text: confirmSignatureText(props) };
    });
    confirmationStencils.set(key, stencil);
  }
  return stencil;
}

/** What to store in OutboxEmail.renderFrom for a signature's confirmation email. */
export function confirmationToRender(props: z.input<typeof ConfirmSignatureProps>): string {
  return JSON.stringify({ name: "confirm-signature", props });
}

/** The HTML and text of an email queued with `renderFrom`. */
export function renderQueuedEmail(renderFrom: string, subjectId: string | null): { html: string; text: string } {
  const { name, props } = z.object({ name: z.string(), props: z.unknown() }).parse(JSON.parse(renderFrom));
  if (name === "confirm-signature") {
    if (!subjectId) throw new Error("A confirmation email without its signature.");
    const { campaignTitle, appUrl, language } = ConfirmSignatureProps.parse(props);
    return confirmationStencil(campaignTitle, appUrl, language)(signerLinks(appUrl, signerLinkToken(subjectId), language));
  }
  throw new Error(`No template "${name}" to render an outbox email from.`);
}
