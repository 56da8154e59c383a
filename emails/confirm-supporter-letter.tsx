// Sent when a supporter asks us to send their own letters: they go only after they press the button,
// so nobody can send letters in someone else's name (with the answers going to that person). The
// letters themselves are not in this email: whoever filled the form chose their words, and this app
// must not carry someone's text to any address they type. The link shows them, with the button.
// The names listed are the campaign's targets, chosen by the organisers, never typed by the writer.
import { Button, Text } from "@react-email/components";
import type { Language } from "~/i18n/config";
import { tFor } from "~/i18n/i18n";
import { Layout, button, paragraph } from "./layout";

export interface ConfirmSupporterLetterEmailProps {
  campaignTitle: string;
  targetNames: string[];
  sendUrl: string;
  unsubscribeUrl: string;
  deleteDataUrl: string;
  /** The language of the write page. */
  language?: Language;
}

/** The subject line, also used by the outbox row. */
export function confirmSupporterLetterSubject(targetNames: string[], language: Language = "en"): string {
  const t = tFor(language);
  return targetNames.length === 1
    ? t("email.supporterLetter.subjectOne", { name: targetNames[0] })
    : t("email.supporterLetter.subjectMany", { count: targetNames.length });
}

function words(targetNames: string[], campaignTitle: string, language: Language) {
  const t = tFor(language);
  const many = targetNames.length > 1;
  return {
    reason: t("email.supporterLetter.reason", { title: campaignTitle }),
    ready: many
      ? t("email.supporterLetter.readyMany", { count: targetNames.length })
      : t("email.supporterLetter.readyOne", { name: targetNames[0] }),
    button: t(many ? "email.supporterLetter.buttonMany" : "email.supporterLetter.buttonOne"),
    after: t(many ? "email.supporterLetter.afterMany" : "email.supporterLetter.afterOne"),
    hello: t("email.hello"),
    stopAll: t("email.stopAll"),
    deleteData: t("email.deleteData"),
  };
}

export function ConfirmSupporterLetterEmail({
  campaignTitle,
  targetNames,
  sendUrl,
  unsubscribeUrl,
  deleteDataUrl,
  language = "en",
}: ConfirmSupporterLetterEmailProps) {
  const many = targetNames.length > 1;
  const w = words(targetNames, campaignTitle, language);
  return (
    <Layout
      language={language}
      preview={confirmSupporterLetterSubject(targetNames, language)}
      reason={w.reason}
      unsubscribeUrl={unsubscribeUrl}
      deleteDataUrl={deleteDataUrl}
    >
      <Text style={paragraph}>{w.hello}</Text>
      <Text style={paragraph}>{w.ready}</Text>
      {many ? <Text style={paragraph}>{targetNames.join("\n")}</Text> : null}
      <Button href={sendUrl} style={button}>
        {w.button}
      </Button>
      <Text style={paragraph}>{w.after}</Text>
    </Layout>
  );
}

export function confirmSupporterLetterText({
  campaignTitle,
  targetNames,
  sendUrl,
  unsubscribeUrl,
  deleteDataUrl,
  language = "en",
}: ConfirmSupporterLetterEmailProps): string {
  const many = targetNames.length > 1;
  const w = words(targetNames, campaignTitle, language);
  return [
    w.hello,
    "",
    w.ready,
    ...(many ? targetNames.map((n) => `- ${n}`) : []),
    "",
    `${w.button}: ${sendUrl}`,
    "",
    w.after,
    "",
    "--",
    w.reason,
    `${w.stopAll}: ${unsubscribeUrl}`,
    `${w.deleteData}: ${deleteDataUrl}`,
  ].join("\n");
}

export default ConfirmSupporterLetterEmail;
