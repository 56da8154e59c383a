// Sent when someone signs a petition: one button to confirm. Until then the signature does not count.
import { Button, Text } from "@react-email/components";
import { Layout, button, paragraph } from "./layout";

// No name: it was typed by whoever filled in the form, maybe not the address's owner, and a
// stranger's words must not reach another person's inbox through us.
export interface ConfirmSignatureEmailProps {
  campaignTitle: string;
  confirmUrl: string;
  unsubscribeUrl: string;
  deleteDataUrl: string;
}

export function ConfirmSignatureEmail({ campaignTitle, confirmUrl, unsubscribeUrl, deleteDataUrl }: ConfirmSignatureEmailProps) {
  return (
    <Layout
      preview={`Confirm your signature: ${campaignTitle}`}
      reason={`You get this email because someone, probably you, signed the petition “${campaignTitle}” with this address. If it was not you, ignore it: the signature will not count and will be deleted.`}
      unsubscribeUrl={unsubscribeUrl}
      deleteDataUrl={deleteDataUrl}
    >
      <Text style={paragraph}>Hello,</Text>
      <Text style={paragraph}>
        Thank you for signing “{campaignTitle}”. Please confirm that it was you: your signature counts only after that.
      </Text>
      <Button href={confirmUrl} style={button}>
        Confirm my signature
      </Button>
      <Text style={paragraph}>The link opens a page with one button; nothing happens until you press it.</Text>
    </Layout>
  );
}

/** The plain-text part, written out rather than converted from HTML (signing must stay fast). */
export function confirmSignatureText({ campaignTitle, confirmUrl, unsubscribeUrl, deleteDataUrl }: ConfirmSignatureEmailProps): string {
  return [
    "Hello,",
    "",
    `Thank you for signing “${campaignTitle}”. Please confirm that it was you: your signature counts only after that.`,
    "",
    `Confirm my signature: ${confirmUrl}`,
    "",
    "The link opens a page with one button; nothing happens until you press it.",
    "",
    "--",
    `You get this email because someone, probably you, signed the petition “${campaignTitle}” with this address. If it was not you, ignore it: the signature will not count and will be deleted.`,
    `Stop all email from us: ${unsubscribeUrl}`,
    `Delete my data: ${deleteDataUrl}`,
  ].join("\n");
}

export default ConfirmSignatureEmail;
