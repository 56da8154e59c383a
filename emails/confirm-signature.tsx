// Sent when someone signs a petition: one button to confirm. Until then the signature does not count.
import { Button, Text } from "@react-email/components";
import type { Language } from "~/i18n/config";
import { tFor } from "~/i18n/i18n";
import { Layout, button, paragraph } from "./layout";

// No name: it was typed by whoever filled in the form, maybe not the address's owner, and a
// stranger's words must not reach another person's inbox through us.
export interface ConfirmSignatureEmailProps {
  campaignTitle: string;
  confirmUrl: string;
  unsubscribeUrl: string;
  deleteDataUrl: string;
  /** The language of the page they signed on. */
  language?: Language;
}

export function ConfirmSignatureEmail({
  campaignTitle,
  confirmUrl,
  unsubscribeUrl,
  deleteDataUrl,
  language = "en",
}: ConfirmSignatureEmailProps) {
  const t = tFor(language);
  const title = { title: campaignTitle };
  return (
    <Layout
      language={language}
      preview={t("email.confirmSignature.preview", title)}
      reason={t("email.confirmSignature.reason", title)}
      unsubscribeUrl={unsubscribeUrl}
      deleteDataUrl={deleteDataUrl}
    >
      <Text style={paragraph}>{t("email.confirmSignature.hello")}</Text>
      <Text style={paragraph}>{t("email.confirmSignature.thanks", title)}</Text>
      <Button href={confirmUrl} style={button}>
        {t("email.confirmSignature.button")}
      </Button>
      <Text style={paragraph}>{t("email.confirmSignature.oneButton")}</Text>
    </Layout>
  );
}

/** The plain-text part, written out rather than converted from HTML (signing must stay fast). */
export function confirmSignatureText({
  campaignTitle,
  confirmUrl,
  unsubscribeUrl,
  deleteDataUrl,
  language = "en",
}: ConfirmSignatureEmailProps): string {
  const t = tFor(language);
  const title = { title: campaignTitle };
  return [
    t("email.confirmSignature.hello"),
    "",
    t("email.confirmSignature.thanks", title),
    "",
    `${t("email.confirmSignature.button")}: ${confirmUrl}`,
    "",
    t("email.confirmSignature.oneButton"),
    "",
    "--",
    t("email.confirmSignature.reason", title),
    `${t("email.stopAll")}: ${unsubscribeUrl}`,
    `${t("email.deleteData")}: ${deleteDataUrl}`,
  ].join("\n");
}

export default ConfirmSignatureEmail;
