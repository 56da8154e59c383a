// News of a case (a release, a sentence) for the signers who asked for updates. The frame is in the
// reader's language; the news itself stays as the organiser wrote it.
import { Button, Text } from "@react-email/components";
import type { Language } from "~/i18n/config";
import { tFor } from "~/i18n/i18n";
import { Layout, button, paragraph } from "./layout";

// No name: the one in the signature was typed by whoever filled in the form.
export interface CaseUpdateEmailProps {
  caseTitle: string;
  title: string;
  body: string;
  caseUrl: string;
  unsubscribeUrl: string;
  deleteDataUrl: string;
  /** Why this address gets it: it signed one of the case's petitions, or asked to follow the case. */
  followed?: boolean;
  /** The language stored on the signature or follow. */
  language?: Language;
}

const why = (language: Language, caseTitle: string, followed = false) =>
  tFor(language)(followed ? "email.caseUpdate.reasonFollowed" : "email.caseUpdate.reasonSigned", { title: caseTitle });

export function CaseUpdateEmail({
  caseTitle,
  title,
  body,
  caseUrl,
  unsubscribeUrl,
  deleteDataUrl,
  followed,
  language = "en",
}: CaseUpdateEmailProps) {
  const t = tFor(language);
  return (
    <Layout
      language={language}
      preview={title}
      reason={why(language, caseTitle, followed)}
      unsubscribeUrl={unsubscribeUrl}
      deleteDataUrl={deleteDataUrl}
    >
      <Text style={paragraph}>{t("email.hello")}</Text>
      <Text style={{ ...paragraph, fontWeight: 700, fontSize: "17px" }}>{title}</Text>
      {body
        .split(/\n\s*\n/)
        .filter(Boolean)
        .map((p, i) => (
          <Text key={i} style={{ ...paragraph, whiteSpace: "pre-line" }}>
            {p}
          </Text>
        ))}
      <Button href={caseUrl} style={button}>
        {t("email.caseUpdate.button")}
      </Button>
    </Layout>
  );
}

export function caseUpdateText({
  caseTitle,
  title,
  body,
  caseUrl,
  unsubscribeUrl,
  deleteDataUrl,
  followed,
  language = "en",
}: CaseUpdateEmailProps): string {
  const t = tFor(language);
  return [
    t("email.hello"),
    "",
    title,
    "",
    body,
    "",
    `${t("email.caseUpdate.button")}: ${caseUrl}`,
    "",
    "--",
    why(language, caseTitle, followed),
    `${t("email.stopAll")}: ${unsubscribeUrl}`,
    `${t("email.deleteData")}: ${deleteDataUrl}`,
  ].join("\n");
}

export default CaseUpdateEmail;
