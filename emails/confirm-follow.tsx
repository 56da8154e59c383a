// Sent when someone asks for news of a case: one button to confirm. Until then nothing is sent.
import { Button, Text } from "@react-email/components";
import type { Language } from "~/i18n/config";
import { tFor } from "~/i18n/i18n";
import { Layout, button, paragraph } from "./layout";

// Nothing typed by the person who filled in the form: it may not be the address's owner.
export interface ConfirmFollowEmailProps {
  caseTitle: string;
  confirmUrl: string;
  unsubscribeUrl: string;
  deleteDataUrl: string;
  /** The language of the page they asked on. */
  language?: Language;
}

export function ConfirmFollowEmail({ caseTitle, confirmUrl, unsubscribeUrl, deleteDataUrl, language = "en" }: ConfirmFollowEmailProps) {
  const t = tFor(language);
  const title = { title: caseTitle };
  return (
    <Layout
      language={language}
      preview={t("email.confirmFollow.preview", title)}
      reason={t("email.confirmFollow.reason", title)}
      unsubscribeUrl={unsubscribeUrl}
      deleteDataUrl={deleteDataUrl}
    >
      <Text style={paragraph}>{t("email.hello")}</Text>
      <Text style={paragraph}>{t("email.confirmFollow.text", title)}</Text>
      <Button href={confirmUrl} style={button}>
        {t("email.confirmFollow.button")}
      </Button>
      <Text style={paragraph}>{t("email.oneButton")}</Text>
    </Layout>
  );
}

export function confirmFollowText({
  caseTitle,
  confirmUrl,
  unsubscribeUrl,
  deleteDataUrl,
  language = "en",
}: ConfirmFollowEmailProps): string {
  const t = tFor(language);
  const title = { title: caseTitle };
  return [
    t("email.hello"),
    "",
    t("email.confirmFollow.text", title),
    "",
    `${t("email.confirmFollow.button")}: ${confirmUrl}`,
    "",
    t("email.oneButton"),
    "",
    "--",
    t("email.confirmFollow.reason", title),
    `${t("email.stopAll")}: ${unsubscribeUrl}`,
    `${t("email.deleteData")}: ${deleteDataUrl}`,
  ].join("\n");
}

export default ConfirmFollowEmail;
