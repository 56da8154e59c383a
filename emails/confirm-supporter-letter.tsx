// Sent when a supporter asks us to send their own letter: it goes only after they press the button,
// so nobody can send a letter in someone else's name (with the answers going to that person).
import { Button, Text } from "@react-email/components";
import { Layout, button, paragraph } from "./layout";

export interface ConfirmSupporterLetterEmailProps {
  name: string;
  campaignTitle: string;
  targetName: string;
  subject: string;
  body: string;
  sendUrl: string;
  unsubscribeUrl: string;
  deleteDataUrl: string;
}

const reasonFor = (campaignTitle: string) =>
  `You get this email because someone, probably you, asked Solidarity letters to send a letter for the campaign “${campaignTitle}” with this address for the answers. If it was not you, ignore it: nothing is sent, and the letter is deleted within days.`;

const quoted = { ...paragraph, whiteSpace: "pre-line" as const, borderLeft: "3px solid #d9d6cf", paddingLeft: "12px", color: "#33333a" };

export function ConfirmSupporterLetterEmail({ name, campaignTitle, targetName, subject, body, sendUrl, unsubscribeUrl, deleteDataUrl }: ConfirmSupporterLetterEmailProps) {
  return (
    <Layout preview={`Send your letter to ${targetName}?`} reason={reasonFor(campaignTitle)} unsubscribeUrl={unsubscribeUrl} deleteDataUrl={deleteDataUrl}>
      <Text style={paragraph}>Hello {name},</Text>
      <Text style={paragraph}>
        Your letter to {targetName} is ready. It goes only when you confirm that you wrote it; their answer will come to this address.
      </Text>
      <Button href={sendUrl} style={button}>
        Send my letter
      </Button>
      <Text style={paragraph}>The link opens a page with one button; nothing is sent until you press it.</Text>
      <Text style={{ ...paragraph, fontWeight: 700 }}>{subject}</Text>
      <Text style={quoted}>{body}</Text>
    </Layout>
  );
}

export function confirmSupporterLetterText({ name, campaignTitle, targetName, subject, body, sendUrl, unsubscribeUrl, deleteDataUrl }: ConfirmSupporterLetterEmailProps): string {
  return [
    `Hello ${name},`,
    "",
    `Your letter to ${targetName} is ready. It goes only when you confirm that you wrote it; their answer will come to this address.`,
    "",
    `Send my letter: ${sendUrl}`,
    "",
    "The link opens a page with one button; nothing is sent until you press it.",
    "",
    subject,
    "",
    body,
    "",
    "--",
    reasonFor(campaignTitle),
    `Stop all email from us: ${unsubscribeUrl}`,
    `Delete my data: ${deleteDataUrl}`,
  ].join("\n");
}

export default ConfirmSupporterLetterEmail;
