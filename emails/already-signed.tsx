// Sent instead of a second confirmation when a confirmed signer's address is typed again: the page
// says "check your inbox" to everyone, and only the address's owner learns they had signed already.
import { Text } from "@react-email/components";
import { Layout, paragraph } from "./layout";

export interface AlreadySignedEmailProps {
  campaignTitle: string;
  unsubscribeUrl: string;
  deleteDataUrl: string;
}

const reasonFor = (campaignTitle: string) =>
  `You get this email because someone, probably you, typed this address into the petition “${campaignTitle}” again. If it was not you, there is nothing to do.`;

export function AlreadySignedEmail({ campaignTitle, unsubscribeUrl, deleteDataUrl }: AlreadySignedEmailProps) {
  return (
    <Layout
      preview={`You have already signed: ${campaignTitle}`}
      reason={reasonFor(campaignTitle)}
      unsubscribeUrl={unsubscribeUrl}
      deleteDataUrl={deleteDataUrl}
    >
      <Text style={paragraph}>Hello,</Text>
      <Text style={paragraph}>You have already signed “{campaignTitle}”, thank you: your signature counts once, and it is counted.</Text>
    </Layout>
  );
}

export function alreadySignedText({ campaignTitle, unsubscribeUrl, deleteDataUrl }: AlreadySignedEmailProps): string {
  return [
    "Hello,",
    "",
    `You have already signed “${campaignTitle}”, thank you: your signature counts once, and it is counted.`,
    "",
    "--",
    reasonFor(campaignTitle),
    `Stop all email from us: ${unsubscribeUrl}`,
    `Delete my data: ${deleteDataUrl}`,
  ].join("\n");
}

export default AlreadySignedEmail;
