// News of a case (a release, a sentence) for the signers who asked for updates.
import { Button, Text } from "@react-email/components";
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
}

const why = (caseTitle: string, followed = false) =>
  followed
    ? `You get this email because you asked for news of “${caseTitle}” and confirmed it.`
    : `You get this email because you signed a petition on “${caseTitle}” and asked for news of the case.`;

export function CaseUpdateEmail({ caseTitle, title, body, caseUrl, unsubscribeUrl, deleteDataUrl, followed }: CaseUpdateEmailProps) {
  return (
    <Layout preview={title} reason={why(caseTitle, followed)} unsubscribeUrl={unsubscribeUrl} deleteDataUrl={deleteDataUrl}>
      <Text style={paragraph}>Hello,</Text>
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
        Read the case
      </Button>
    </Layout>
  );
}

export function caseUpdateText({ caseTitle, title, body, caseUrl, unsubscribeUrl, deleteDataUrl, followed }: CaseUpdateEmailProps): string {
  return [
    "Hello,",
    "",
    title,
    "",
    body,
    "",
    `Read the case: ${caseUrl}`,
    "",
    "--",
    why(caseTitle, followed),
    `Stop all email from us: ${unsubscribeUrl}`,
    `Delete my data: ${deleteDataUrl}`,
  ].join("\n");
}

export default CaseUpdateEmail;
