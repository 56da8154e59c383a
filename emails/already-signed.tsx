// Sent instead of a second confirmation when a confirmed signer's address is typed again: the page
// says "check your inbox" to everyone, and only the address's owner learns they had signed already.
import { Text } from "@react-email/components";
import type { Language } from "~/i18n/config";
import { tFor } from "~/i18n/i18n";
import { Layout, paragraph } from "./layout";

export interface AlreadySignedEmailProps {
  campaignTitle: string;
  unsubscribeUrl: string;
  deleteDataUrl: string;
  /** The language stored on the signature. */
  language?: Language;
}

export function AlreadySignedEmail({ campaignTitle, unsubscribeUrl, deleteDataUrl, language = "en" }: AlreadySignedEmailProps) {
  const t = tFor(language);
  const title = { title: campaignTitle };
  return (
    <Layout
      language={language}
      preview={t("email.alreadySigned.preview", title)}
      reason={t("email.alreadySigned.reason", title)}
      unsubscribeUrl={unsubscribeUrl}
      deleteDataUrl={deleteDataUrl}
    >
      <Text style={paragraph}>{t("email.hello")}</Text>
      <Text style={paragraph}>{t("email.alreadySigned.text", title)}</Text>
    </Layout>
  );
}

export function alreadySignedText({ campaignTitle, unsubscribeUrl, deleteDataUrl, language = "en" }: AlreadySignedEmailProps): string {
  const t = tFor(language);
  const title = { title: campaignTitle };
  return [
    t("email.hello"),
    "",
    t("email.alreadySigned.text", title),
    "",
    "--",
    t("email.alreadySigned.reason", title),
    `${t("email.stopAll")}: ${unsubscribeUrl}`,
    `${t("email.deleteData")}: ${deleteDataUrl}`,
  ].join("\n");
}

export default AlreadySignedEmail;
