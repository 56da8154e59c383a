// The one reminder for a signature still unconfirmed a day after signing: the same button again.
import { Button, Text } from "@react-email/components";
import { Layout, button, paragraph } from "./layout";

// No name, like the confirmation: whoever typed the address may not be its owner.
export interface ConfirmReminderEmailProps {
  campaignTitle: string;
  confirmUrl: string;
  unsubscribeUrl: string;
  deleteDataUrl: string;
}

const reason = (campaignTitle: string) =>
  `You get this email because someone, probably you, signed the petition “${campaignTitle}” with this address yesterday and it is not confirmed yet. This is the only reminder. If it was not you, ignore it: the signature will not count and will be deleted.`;

export function ConfirmReminderEmail({ campaignTitle, confirmUrl, unsubscribeUrl, deleteDataUrl }: ConfirmReminderEmailProps) {
  return (
    <Layout
      preview={`Your signature does not count yet: ${campaignTitle}`}
      reason={reason(campaignTitle)}
      unsubscribeUrl={unsubscribeUrl}
      deleteDataUrl={deleteDataUrl}
    >
      <Text style={paragraph}>Hello,</Text>
      <Text style={paragraph}>
        Your signature on “{campaignTitle}” does not count yet: it waits for one click from you. It takes a second, and every confirmed name
        adds weight when the petition is handed in.
      </Text>
      <Button href={confirmUrl} style={button}>
        Confirm my signature
      </Button>
      <Text style={paragraph}>
        The link opens a page with one button; nothing happens until you press it. We will not remind you again.
      </Text>
    </Layout>
  );
}

export function confirmReminderText({ campaignTitle, confirmUrl, unsubscribeUrl, deleteDataUrl }: ConfirmReminderEmailProps): string {
  return [
    "Hello,",
    "",
    `Your signature on “${campaignTitle}” does not count yet: it waits for one click from you. It takes a second, and every confirmed name adds weight when the petition is handed in.`,
    "",
    `Confirm my signature: ${confirmUrl}`,
    "",
    "The link opens a page with one button; nothing happens until you press it. We will not remind you again.",
    "",
    "--",
    reason(campaignTitle),
    `Stop all email from us: ${unsubscribeUrl}`,
    `Delete my data: ${deleteDataUrl}`,
  ].join("\n");
}

export default ConfirmReminderEmail;
