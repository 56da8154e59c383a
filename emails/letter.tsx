// A campaign letter as an email: letterhead, date, recipient block, the letter, signatories and the
// case reference. The body is text written by people: React prints it as text, never as markup.
import { Hr, Link, Text } from "@react-email/components";
import { Body, Container, Head, Html, Preview, Section } from "@react-email/components";

export interface LetterEmailProps {
  senderName: string;
  date: string;
  recipientName: string;
  recipientAddress: string | null;
  /** Plain text; paragraphs separated by blank lines; starts with the salutation. */
  body: string;
  signatories: string[];
  caseTitle: string;
  caseUrl: string;
}

const page = {
  backgroundColor: "#f4f2ee",
  fontFamily: "Georgia, 'Times New Roman', serif",
  color: "#1b1b1f",
  margin: 0,
  padding: "24px 0",
};
const sheet = { backgroundColor: "#ffffff", maxWidth: "640px", margin: "0 auto", padding: "28px 32px", border: "1px solid #d9d6cf" };
const small = { fontSize: "13px", lineHeight: "19px", margin: "0", color: "#3a3a44" };
const para = { fontSize: "15px", lineHeight: "24px", margin: "0 0 14px" };

export function LetterEmail({
  senderName,
  date,
  recipientName,
  recipientAddress,
  body,
  signatories,
  caseTitle,
  caseUrl,
}: LetterEmailProps) {
  const paragraphs = body
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  return (
    <Html lang="en">
      <Head />
      <Preview>{paragraphs[1]?.slice(0, 120) ?? caseTitle}</Preview>
      <Body style={page}>
        <Container style={sheet}>
          <Text style={{ fontSize: "17px", fontWeight: 700, margin: "0 0 4px", color: "#8a1c1c" }}>{senderName}</Text>
          <Text style={{ ...small, textAlign: "right", margin: "0 0 18px" }}>{date}</Text>
          <Section style={{ margin: "0 0 20px" }}>
            <Text style={{ ...small, fontWeight: 700 }}>{recipientName}</Text>
            {(recipientAddress ?? "")
              .split("\n")
              .filter(Boolean)
              .map((line, i) => (
                <Text key={i} style={small}>
                  {line}
                </Text>
              ))}
          </Section>
          {paragraphs.map((p, i) => (
            <Text key={i} style={{ ...para, whiteSpace: "pre-line" }}>
              {p}
            </Text>
          ))}
          <Text style={{ ...para, margin: "18px 0 4px" }}>Yours sincerely,</Text>
          {signatories.map((s, i) => (
            <Text key={i} style={{ ...para, margin: "0" }}>
              {s}
            </Text>
          ))}
          <Hr style={{ borderColor: "#d9d6cf", margin: "22px 0 10px" }} />
          <Text style={{ ...small, fontSize: "12px" }}>
            Case: {caseTitle} — <Link href={caseUrl}>{caseUrl}</Link>
          </Text>
          <Text style={{ ...small, fontSize: "12px", marginTop: "6px" }}>
            Sent by {senderName} through Solidarity letters. Replies to this email reach the sender. To receive no further letters from this
            campaign, reply saying so.
          </Text>
        </Container>
      </Body>
    </Html>
  );
}

/** The plain-text part: the same letter, laid out as text. */
export function letterText({
  senderName,
  date,
  recipientName,
  recipientAddress,
  body,
  signatories,
  caseTitle,
  caseUrl,
}: LetterEmailProps): string {
  return [
    senderName,
    date,
    "",
    recipientName,
    ...(recipientAddress ?? "").split("\n").filter(Boolean),
    "",
    body.trim(),
    "",
    "Yours sincerely,",
    ...signatories,
    "",
    "--",
    `Case: ${caseTitle} — ${caseUrl}`,
    `Sent by ${senderName} through Solidarity letters. Replies to this email reach the sender. To receive no further letters from this campaign, reply saying so.`,
  ].join("\n");
}

export default LetterEmail;
