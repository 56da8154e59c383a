// Sent when a supporter asks us to send their own letters: they go only after they press the button,
// so nobody can send letters in someone else's name (with the answers going to that person). The
// letters themselves are not in this email: whoever filled the form chose their words, and this app
// must not carry someone's text to any address they type. The link shows them, with the button.
// The names listed are the campaign's targets, chosen by the organisers, never typed by the writer.
import { Button, Text } from "@react-email/components";
import { Layout, button, paragraph } from "./layout";

export interface ConfirmSupporterLetterEmailProps {
  campaignTitle: string;
  targetNames: string[];
  sendUrl: string;
  unsubscribeUrl: string;
  deleteDataUrl: string;
}

const reasonFor = (campaignTitle: string) =>
  `You get this email because someone, probably you, asked Solidarity letters to send letters for the campaign “${campaignTitle}” with this address for the answers. If it was not you, ignore it: nothing is sent, and the letters are deleted within days.`;

function ready(targetNames: string[]): string {
  return targetNames.length === 1
    ? `Your letter to ${targetNames[0]} is ready. It goes only when you confirm that you wrote it; their answer will come to this address.`
    : `Your ${targetNames.length} letters are ready, each to go as its own email to:`;
}

const after = (count: number) =>
  count === 1
    ? "The link opens your letter to read once more, with one button; nothing is sent until you press it."
    : "They go only when you confirm that you wrote them; the answers will come to this address. The link opens your letters to read once more, with one button that sends them all; nothing is sent until you press it.";

export function ConfirmSupporterLetterEmail({
  campaignTitle,
  targetNames,
  sendUrl,
  unsubscribeUrl,
  deleteDataUrl,
}: ConfirmSupporterLetterEmailProps) {
  const many = targetNames.length > 1;
  return (
    <Layout
      preview={many ? `Send your ${targetNames.length} letters?` : `Send your letter to ${targetNames[0]}?`}
      reason={reasonFor(campaignTitle)}
      unsubscribeUrl={unsubscribeUrl}
      deleteDataUrl={deleteDataUrl}
    >
      <Text style={paragraph}>Hello,</Text>
      <Text style={paragraph}>{ready(targetNames)}</Text>
      {many ? <Text style={paragraph}>{targetNames.join("\n")}</Text> : null}
      <Button href={sendUrl} style={button}>
        {many ? "Read and send my letters" : "Read and send my letter"}
      </Button>
      <Text style={paragraph}>{after(targetNames.length)}</Text>
    </Layout>
  );
}

export function confirmSupporterLetterText({
  campaignTitle,
  targetNames,
  sendUrl,
  unsubscribeUrl,
  deleteDataUrl,
}: ConfirmSupporterLetterEmailProps): string {
  const many = targetNames.length > 1;
  return [
    "Hello,",
    "",
    ready(targetNames),
    ...(many ? targetNames.map((n) => `- ${n}`) : []),
    "",
    `${many ? "Read and send my letters" : "Read and send my letter"}: ${sendUrl}`,
    "",
    after(targetNames.length),
    "",
    "--",
    reasonFor(campaignTitle),
    `Stop all email from us: ${unsubscribeUrl}`,
    `Delete my data: ${deleteDataUrl}`,
  ].join("\n");
}

export default ConfirmSupporterLetterEmail;
