// Sent when an organiser invites someone to their organisation.
import { Button, Text } from "@react-email/components";
import { Layout, button, paragraph } from "./layout";

export interface InvitationEmailProps {
  organisationName: string;
  inviterName: string;
  roleLabel: string;
  sectionName: string | null;
  acceptUrl: string;
  expiresOn: string;
}

export function InvitationEmail({ organisationName, inviterName, roleLabel, sectionName, acceptUrl, expiresOn }: InvitationEmailProps) {
  return (
    <Layout
      preview={`${inviterName} invites you to ${organisationName}`}
      reason={`${inviterName} of ${organisationName} typed your address to invite you. If you do not know them, ignore this email: nothing happens without you.`}
    >
      <Text style={paragraph}>Hello,</Text>
      <Text style={paragraph}>
        {inviterName} invites you to join {organisationName} on Solidarity letters as {roleLabel.toLowerCase()}
        {sectionName ? ` of ${sectionName}` : ""}.
      </Text>
      <Button href={acceptUrl} style={button}>
        Accept the invitation
      </Button>
      <Text style={paragraph}>The link opens a page where you choose your password. It works once, until {expiresOn}.</Text>
    </Layout>
  );
}

/** The invited address already has an account (with another organisation): one address, one account. */
export function AlreadyHasAccountEmail({ organisationName, inviterName }: InvitationEmailProps) {
  return (
    <Layout
      preview={`${inviterName} invites you to ${organisationName}`}
      reason={`${inviterName} of ${organisationName} typed your address to invite you. If you do not know them, ignore this email: nothing happens without you.`}
    >
      <Text style={paragraph}>Hello,</Text>
      <Text style={paragraph}>
        {inviterName} invites you to join {organisationName} on Solidarity letters. This address already has an account with another
        organisation, and one address has one account. To join {organisationName}, ask {inviterName} to invite another address of yours.
      </Text>
      <Text style={paragraph}>We told {inviterName} only that the invitation was emailed.</Text>
    </Layout>
  );
}

export default InvitationEmail;
