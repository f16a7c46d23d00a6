import { describe, expect, it } from "vitest";
import { DOCUMENTS, fileFilter, formatFor, suggestedFileName } from "./exportChoices";

describe("suggestedFileName", () => {
  it("names the event, the document and the format's extension", () => {
    expect(suggestedFileName("Regional Dialogue on Migrant Protection", "programme", "pdf")).toBe(
      "Regional Dialogue on Migrant Protection – Programme.pdf",
    );
    expect(suggestedFileName("MIEUX Round-table", "participants", "xlsx")).toBe(
      "MIEUX Round-table – List of participants.xlsx",
    );
  });

  it("replaces characters desktops refuse and trims trailing dots", () => {
    expect(suggestedFileName('Asia / Pacific: "MIEUX"?  2018...', "badges", "pdf")).toBe(
      "Asia Pacific MIEUX 2018 – Badges.pdf",
    );
  });

  it("shortens a very long title and copes with an empty one", () => {
    const name = suggestedFileName("x".repeat(300), "name_plates", "pdf");
    expect(name).toBe(`${"x".repeat(80)} – Name plates.pdf`);
    expect(suggestedFileName(" / ", "programme", "ics")).toBe("Programme.ics");
  });
});

describe("formats", () => {
  it("keeps the chosen format when the new document has it, else takes its first", () => {
    expect(formatFor("participants", "pdf")).toBe("pdf");
    expect(formatFor("participants", "docx")).toBe("pdf");
    expect(formatFor("programme", "ics")).toBe("ics");
    expect(formatFor("badges", "xlsx")).toBe("pdf");
  });

  it("gives every offered format a filter with its extension", () => {
    for (const doc of DOCUMENTS) {
      for (const choice of doc.formats) {
        expect(fileFilter(choice.format).extensions).toContain(choice.format);
      }
    }
  });
});
