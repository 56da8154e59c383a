// Sent when a supporter asks us to send their own letter: it goes only after they press the button,
// so nobody can send a letter in someone else's name (with the answers going to that person). The
// letter itself is not in this email: whoever filled the form chose its words, and this app must
// not carry someone's text to any address they type. The link shows it, with the button.
import { Button, Text } from "@react-email/components";
import { Layout, button, paragraph } from "./layout";

export interface ConfirmSupporterLetterEmailProps {
  campaignTitle: string;
  targetName: string;
  sendUrl: string;
  unsubscribeUrl: string;
  deleteDataUrl: string;
}

const reasonFor = (campaignTitle: string) =>
  `You get this email because someone, probably you, asked Solidarity letters to send a letter for the campaign “${campaignTitle}” with this address for the answers. If it was not you, ignore it: nothing is sent, and the letter is deleted within days.`;

export function ConfirmSupporterLetterEmail({
  campaignTitle,
  targetName,
  sendUrl,
  unsubscribeUrl,
  deleteDataUrl,
}: ConfirmSupporterLetterEmailProps) {
  return (
    <Layout
      preview={`Send your letter to ${targetName}?`}
      reason={reasonFor(campaignTitle)}
      unsubscribeUrl={unsubscribeUrl}
      deleteDataUrl={deleteDataUrl}
    >
      <Text style={paragraph}>Hello,</Text>
      <Text style={paragraph}>
        Your letter to {targetName} is ready. It goes only when you confirm that you wrote it; their answer will come to this address.
      </Text>
      <Button href={sendUrl} style={button}>
        Read and send my letter
      </Button>
      <Text style={paragraph}>The link opens your letter to read once more, with one button; nothing is sent until you press it.</Text>
    </Layout>
  );
}

export function confirmSupporterLetterText({
  campaignTitle,
  targetName,
  sendUrl,
  unsubscribeUrl,
  deleteDataUrl,
}: ConfirmSupporterLetterEmailProps): string {
  return [
    "Hello,",
    "",
    `Your letter to ${targetName} is ready. It goes only when you confirm that you wrote it; their answer will come to this address.`,
    "",
    `Read and send my letter: ${sendUrl}`,
    "",
    "The link opens your letter to read once more, with one button; nothing is sent until you press it.",
    "",
    "--",
    reasonFor(campaignTitle),
    `Stop all email from us: ${unsubscribeUrl}`,
    `Delete my data: ${deleteDataUrl}`,
  ].join("\n");
}

export default ConfirmSupporterLetterEmail;
