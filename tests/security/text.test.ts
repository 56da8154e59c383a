// Invisible controls and bidirectional overrides never reach what we store, print or email.
import { describe, expect, it } from "vitest";
import { CaseSchema } from "~/cases/case.schema";
import { SignSchema } from "~/petitions/signature.schema";
import { TemplateSchema } from "~/campaigns/campaign.schema";
import { TargetSchema } from "~/targets/target.schema";
import { signerLine } from "~/petitions/hand-in-pdf.server";
import { cleanMultiLine, cleanSingleLine } from "~/security/text";
import { formValues, MAX_ECHOED_FIELDS, MAX_ECHOED_VALUE } from "~/ui/form-result";
import { shownInEnglish } from "../support/i18n";

// "Anna (Belgium)" with a right-to-left override before the bracket: printed, it reads "Anna )muigleB(".
const reversed = "Anna \u202E(Belgium)\u202C";

describe("single-line text", () => {
  it("loses bidi overrides, isolates and marks, so a name prints as typed", () => {
    expect(cleanSingleLine(reversed)).toBe("Anna (Belgium)");
    expect(cleanSingleLine("\u2066Ali\u2069 \u200Fand\u200E Bo\u061C")).toBe("Ali and Bo");
  });

  it("loses C0 and C1 controls; a line break or tab becomes a space", () => {
    expect(cleanSingleLine("A\u0000B\u0007C\u001BD\u007FE\u0085F\u009FG")).toBe("ABCDEFG");
    expect(cleanSingleLine("first\r\nsecond\tthird\nfourth")).toBe("first second third fourth");
  });

  it("keeps every script, emoji joiners and accents", () => {
    const text = "Ұлы Дала · محمد · 日本 · 👩‍👩‍👧 · Zoë";
    expect(cleanSingleLine(text)).toBe(text);
  });
});

describe("multi-line text", () => {
  it("keeps newlines and tabs, loses other controls and bidi overrides", () => {
    expect(cleanMultiLine("Dear \u202Efriends,\r\n\tWe write\u0000 today.\u2067")).toBe("Dear friends,\n\tWe write today.");
  });
});

describe("the forms' schemas", () => {
  it("cleans a signer's name, city and organisation, and keeps the comment's lines", () => {
    const parsed = SignSchema.parse({
      name: reversed,
      email: "anna@example.org",
      country: "BE",
      city: "Brux\u202Eelles",
      organisation: "\u0000Amnesty",
      comment: "Line one\nLine\u202E two",
    });
    expect(parsed).toMatchObject({ name: "Anna (Belgium)", city: "Bruxelles", organisation: "Amnesty", comment: "Line one\nLine two" });
  });

  it("still counts length after cleaning: a name of only controls is refused as empty", () => {
    const parsed = SignSchema.safeParse({ name: "\u202E\u202C\u0000", email: "anna@example.org", country: "BE" });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(["name"]);
    expect(shownInEnglish(parsed.error?.issues[0]?.message ?? "")).toBe("Your name is required.");
  });

  it("cleans targets (a single-line name, a multi-line postal address), templates and cases", () => {
    const target = TargetSchema.parse({
      kind: "embassy",
      name: "Embassy of \u202EKazakhstan",
      postalAddress: "Rue 1\n\u202E1000 Brussels",
      languages: "fr",
      tags: "",
      country: "BE",
    });
    expect(target).toMatchObject({ name: "Embassy of Kazakhstan", postalAddress: "Rue 1\n1000 Brussels" });
    const template = TemplateSchema.parse({
      name: "En\u0000glish",
      language: "en",
      targetKind: "",
      subject: "About\n{{ case.title }}\u202E",
      body: "Dear friends,\n\u202EWe write about {{ case.title }}.",
    });
    expect(template).toMatchObject({
      name: "English",
      subject: "About {{ case.title }}",
      body: "Dear friends,\nWe write about {{ case.title }}.",
    });
    const c = CaseSchema.safeParse({
      title: "Red \u202EYurt",
      slug: "red-yurt",
      summary: "Three activists\nwere detained \u2066after a rally.",
      country: "KZ",
      status: "active",
      startedOn: "2021-01-01",
    });
    expect(c.success && c.data).toMatchObject({ title: "Red Yurt", summary: "Three activists\nwere detained after a rally." });
  });
});

describe("the printed hand-in list", () => {
  it("prints a name stored with an override (signed before the forms cleaned it) the right way round", () => {
    expect(signerLine("Anna \u202E", "Belgium")).toBe("Anna (Belgium)");
  });
});

describe("what a failed form sends back", () => {
  it("is bounded: at most 64 fields, names of 64 characters, values of 20,000; never a password", () => {
    const form = new FormData();
    form.append("password", "secret-password");
    form.append("body", "x".repeat(1_000_000));
    form.append("y".repeat(100), "long name");
    for (let i = 0; i < 200; i++) form.append(`field${i}`, "v");
    const values = formValues(form);
    expect(values.password).toBeUndefined();
    expect(values.body).toHaveLength(MAX_ECHOED_VALUE);
    expect(Object.keys(values)).toHaveLength(MAX_ECHOED_FIELDS);
    expect(Object.keys(values).every((key) => key.length <= 64)).toBe(true);
  });

  it("keeps what was typed when it is within bounds, checkboxes joined", () => {
    const form = new FormData();
    form.append("name", "Anna");
    form.append("kinds", "embassy");
    form.append("kinds", "mep");
    expect(formValues(form)).toEqual({ name: "Anna", kinds: "embassy,mep" });
  });
});
