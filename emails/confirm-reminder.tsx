// The one reminder for a signature still unconfirmed a day after signing: the same button again.
import { Button, Text } from "@react-email/components";
import type { Language } from "~/i18n/config";
import { tFor } from "~/i18n/i18n";
import { Layout, button, paragraph } from "./layout";

// No name, like the confirmation: whoever typed the address may not be its owner.
export interface ConfirmReminderEmailProps {
  campaignTitle: string;
  confirmUrl: string;
  unsubscribeUrl: string;
  deleteDataUrl: string;
  /** The language stored on the signature. */
  language?: Language;
}

export function ConfirmReminderEmail({
  campaignTitle,
  confirmUrl,
  unsubscribeUrl,
  deleteDataUrl,
  language = "en",
}: ConfirmReminderEmailProps) {
  const t = tFor(language);
  const title = { title: campaignTitle };
  return (
    <Layout
      language={language}
      preview={t("email.reminder.preview", title)}
      reason={t("email.reminder.reason", title)}
      unsubscribeUrl={unsubscribeUrl}
      deleteDataUrl={deleteDataUrl}
    >
      <Text style={paragraph}>{t("email.hello")}</Text>
      <Text style={paragraph}>{t("email.reminder.text", title)}</Text>
      <Button href={confirmUrl} style={button}>
        {t("email.reminder.button")}
      </Button>
      <Text style={paragraph}>{t("email.reminder.oneButton")}</Text>
    </Layout>
  );
}

export function confirmReminderText({
  campaignTitle,
  confirmUrl,
  unsubscribeUrl,
  deleteDataUrl,
  language = "en",
}: ConfirmReminderEmailProps): string {
  const t = tFor(language);
  const title = { title: campaignTitle };
  return [
    t("email.hello"),
    "",
    t("email.reminder.text", title),
    "",
    `${t("email.reminder.button")}: ${confirmUrl}`,
    "",
    t("email.reminder.oneButton"),
    "",
    "--",
    t("email.reminder.reason", title),
    `${t("email.stopAll")}: ${unsubscribeUrl}`,
    `${t("email.deleteData")}: ${deleteDataUrl}`,
  ].join("\n");
}

export default ConfirmReminderEmail;
