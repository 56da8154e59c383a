// Sent when someone asks for news of a case: one button to confirm. Until then nothing is sent.
import { Button, Text } from "@react-email/components";
import { Layout, button, paragraph } from "./layout";

// Nothing typed by the person who filled in the form: it may not be the address's owner.
export interface ConfirmFollowEmailProps {
  caseTitle: string;
  confirmUrl: string;
  unsubscribeUrl: string;
  deleteDataUrl: string;
}

const reason = (caseTitle: string) =>
  `You get this email because someone, probably you, asked for news of “${caseTitle}” with this address. If it was not you, ignore it: you will get nothing more, and the address will be deleted.`;

export function ConfirmFollowEmail({ caseTitle, confirmUrl, unsubscribeUrl, deleteDataUrl }: ConfirmFollowEmailProps) {
  return (
    <Layout
      preview={`Confirm: news of ${caseTitle}`}
      reason={reason(caseTitle)}
      unsubscribeUrl={unsubscribeUrl}
      deleteDataUrl={deleteDataUrl}
    >
      <Text style={paragraph}>Hello,</Text>
      <Text style={paragraph}>Please confirm that you want an email when something changes for the people in “{caseTitle}”.</Text>
      <Button href={confirmUrl} style={button}>
        Confirm: send me news
      </Button>
      <Text style={paragraph}>The link opens a page with one button; nothing happens until you press it.</Text>
    </Layout>
  );
}

export function confirmFollowText({ caseTitle, confirmUrl, unsubscribeUrl, deleteDataUrl }: ConfirmFollowEmailProps): string {
  return [
    "Hello,",
    "",
    `Please confirm that you want an email when something changes for the people in “${caseTitle}”.`,
    "",
    `Confirm: send me news: ${confirmUrl}`,
    "",
    "The link opens a page with one button; nothing happens until you press it.",
    "",
    "--",
    reason(caseTitle),
    `Stop all email from us: ${unsubscribeUrl}`,
    `Delete my data: ${deleteDataUrl}`,
  ].join("\n");
}

export default ConfirmFollowEmail;
