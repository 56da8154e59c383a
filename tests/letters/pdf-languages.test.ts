// Russian and Kazakh letters print as PDF with every letter of their alphabets intact, and with the
// closing and page numbers in the letter's language. The text is read back with unpdf (pdf.js).
import { describe, expect, it } from "vitest";
import { extractText, getDocumentProxy } from "unpdf";
import { renderLettersPdf, type PrintableLetter } from "~/letters/pdf.server";

async function textOf(pdf: Uint8Array): Promise<string> {
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true });
  return text.replace(/\s+/g, " ").trim();
}

const base = {
  senderName: "Анна Петрова",
  senderAddressLines: ["Алматы", "Казахстан"],
  date: "1 декабря 2026 г.",
  recipientAddress: "пр. Мангилик Ел, 8\n010000 Астана",
  signatories: ["Анна Петрова"],
  caseReference: "Дело: уголовное преследование сторонников ДВК — https://letters.example.org/cases/dck-supporters-2019",
} satisfies Partial<PrintableLetter>;

describe("a printed letter in Russian or Kazakh", () => {
  it("keeps the Cyrillic text, with a Russian closing and page number", async () => {
    const body = [
      "Ваше Превосходительство!",
      "Я обращаюсь к Вам по поводу людей, преследуемых по статье 405 Уголовного кодекса: Гульнара Жуаспаева, Ёлкин Щербаков.",
      "Прошу сообщить о мерах, которые будут приняты. Съезд, объём, подъезд — ещё раз.",
    ].join("\n\n");
    const pdf = await renderLettersPdf([
      {
        ...base,
        recipientName: "Генеральный прокурор Республики Казахстан",
        recipientBody: "Генеральная прокуратура",
        subject: "Просьба освободить людей, преследуемых по статье 405 УК",
        body,
        language: "ru",
      },
    ]);
    const text = await textOf(pdf);
    for (const part of [
      "Генеральный прокурор Республики Казахстан",
      "Просьба освободить людей, преследуемых по статье 405 УК",
      "Гульнара Жуаспаева, Ёлкин Щербаков",
      "Съезд, объём, подъезд — ещё раз.",
      "С уважением,",
      "Страница 1 из 1",
    ]) {
      expect(text).toContain(part);
    }
    expect(text).not.toContain("Yours sincerely");
  });

  it("keeps every Kazakh letter (ә ғ қ ң ө ұ ү һ і), with a Kazakh closing and page number", async () => {
    const kazakh = "Әділдік пен бостандық — әрбір адамның құқығы. Ғалым, Қайрат, Аңсар, Өмір, Ұлан, Үміт шаһардан көмек күтеді, іздейді.";
    const pdf = await renderLettersPdf([
      {
        ...base,
        recipientName: "Қазақстан Республикасының Бас прокуроры",
        recipientBody: null,
        subject: "Қамауға алынғандарды босатуды сұраймыз",
        body: `Құрметті мырза!\n\n${kazakh}`,
        language: "kk",
      },
    ]);
    const text = await textOf(pdf);
    expect(text).toContain(kazakh);
    expect(text).toContain("Қамауға алынғандарды босатуды сұраймыз");
    for (const letter of ["ә", "ғ", "қ", "ң", "ө", "ұ", "ү", "һ", "і", "Ә", "Ғ", "Қ", "Ө", "Ұ", "Ү"]) expect(text).toContain(letter);
    expect(text).toContain("Құрметпен,");
    expect(text).toContain("Бет 1 / 1");
  });
});
