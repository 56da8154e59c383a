// The frame every email shares: letterhead, content, and a footer saying why the person gets it
// and how to stop it. Inline styles only: mail programs ignore stylesheets.
import { Body, Container, Head, Hr, Html, Link, Preview, Section, Text } from "@react-email/components";
import type { ReactNode } from "react";
import type { Language } from "~/i18n/config";
import { tFor } from "~/i18n/i18n";

export interface LayoutProps {
  /** First line shown in the inbox list. */
  preview: string;
  /** Why this person gets this email, in one sentence. */
  reason: string;
  /** Supporter emails: one-click stop of all email. */
  unsubscribeUrl?: string;
  /** Supporter emails: have one's data removed. */
  deleteDataUrl?: string;
  children: ReactNode;
  /** The reader's language; the admin's emails stay in English for now. */
  language?: Language;
}

const page = { backgroundColor: "#f4f2ee", fontFamily: "Helvetica, Arial, sans-serif", color: "#1b1b1f", margin: 0, padding: "24px 0" };
const card = { backgroundColor: "#ffffff", maxWidth: "600px", margin: "0 auto", padding: "0", border: "1px solid #d9d6cf" };
const letterhead = { backgroundColor: "#8a1c1c", color: "#ffffff", padding: "14px 24px", fontSize: "18px", fontWeight: 700, margin: 0 };
const content = { padding: "8px 24px 16px" };
const footer = { padding: "0 24px 16px", fontSize: "12px", color: "#545460", lineHeight: "18px" };

export function Layout({ preview, reason, unsubscribeUrl, deleteDataUrl, children, language = "en" }: LayoutProps) {
  const t = tFor(language);
  return (
    <Html lang={language}>
      <Head />
      <Preview>{preview}</Preview>
      <Body style={page}>
        <Container style={card}>
          <Text style={letterhead}>Solidarity letters</Text>
          <Section style={content}>{children}</Section>
          <Hr style={{ borderColor: "#d9d6cf", margin: "0 24px 12px" }} />
          <Section style={footer}>
            <Text style={{ margin: "0 0 6px", fontSize: "12px" }}>{reason}</Text>
            {unsubscribeUrl ? (
              <Text style={{ margin: "0 0 6px", fontSize: "12px" }}>
                <Link href={unsubscribeUrl} style={{ color: "#545460" }}>
                  {t("email.stopAll")}
                </Link>
                {deleteDataUrl ? (
                  <>
                    {" · "}
                    <Link href={deleteDataUrl} style={{ color: "#545460" }}>
                      {t("email.deleteData")}
                    </Link>
                  </>
                ) : null}
              </Text>
            ) : null}
          </Section>
        </Container>
      </Body>
    </Html>
  );
}

export const paragraph = { fontSize: "15px", lineHeight: "23px", margin: "12px 0" };
export const button = {
  backgroundColor: "#8a1c1c",
  color: "#ffffff",
  padding: "12px 18px",
  borderRadius: "6px",
  fontWeight: 700,
  textDecoration: "none",
  display: "inline-block",
};
