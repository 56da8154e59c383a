// Sent when someone asks for a new password for an account (or `npm run setup` made a new owner).
import { Button, Text } from "@react-email/components";
import { Layout, button, paragraph } from "./layout";

export interface ResetPasswordEmailProps {
  organisationName: string;
  resetUrl: string;
  validMinutes: number;
}

export function ResetPasswordEmail({ organisationName, resetUrl, validMinutes }: ResetPasswordEmailProps) {
  return (
    <Layout
      preview="Choose a new password for Solidarity letters"
      reason={`Someone asked for a new password for your account at ${organisationName} on Solidarity letters. If it was not you, ignore this email: your password stays as it is.`}
    >
      <Text style={paragraph}>Hello,</Text>
      <Text style={paragraph}>To choose a new password for your account at {organisationName}, press the button.</Text>
      <Button href={resetUrl} style={button}>
        Choose a new password
      </Button>
      <Text style={paragraph}>The link works once, for {validMinutes} minutes. Choosing a new password logs you out everywhere else.</Text>
    </Layout>
  );
}

export function resetPasswordText({ organisationName, resetUrl, validMinutes }: ResetPasswordEmailProps): string {
  return `Hello,

To choose a new password for your account at ${organisationName} on Solidarity letters, open this link:
${resetUrl}

The link works once, for ${validMinutes} minutes. Choosing a new password logs you out everywhere else.
If it was not you who asked, ignore this email: your password stays as it is.
`;
}

export default ResetPasswordEmail;
