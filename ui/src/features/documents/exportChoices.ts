// What the export dialog offers: each document an organiser hands out, the
// formats it comes in (with who they are for), the name the save dialog
// suggests and the filter it shows. Pure, so the choices are tested without a
// window.

import type { FileFilter, ParticipantsFormat, ProgrammeFormat } from "../../lib/bindings";

export type DocumentKind = "programme" | "participants" | "badges" | "name_plates";
export type ExportFormat = ProgrammeFormat | ParticipantsFormat;

export interface FormatChoice {
  format: ExportFormat;
  label: string;
  /** Who the format is for, in a few words. */
  hint: string;
}

export interface DocumentChoice {
  kind: DocumentKind;
  label: string;
  hint: string;
  /** Used in the suggested file name. */
  fileLabel: string;
  formats: FormatChoice[];
}

const PDF: FormatChoice = { format: "pdf", label: "PDF", hint: "print-ready A4" };

export const DOCUMENTS: readonly DocumentChoice[] = [
  {
    kind: "programme",
    label: "Programme",
    hint: "Day by day, sessions with chairs and speakers, the funders' acknowledgement",
    fileLabel: "Programme",
    formats: [
      PDF,
      { format: "docx", label: "Word", hint: "to edit in Word or LibreOffice" },
      { format: "ics", label: "Calendar", hint: "one entry per session, for Outlook or Google Calendar" },
      { format: "html", label: "Web page", hint: "one file, for e-mail or an intranet" },
    ],
  },
  {
    kind: "participants",
    label: "List of participants",
    hint: "By delegation in protocol order, heads of delegation first",
    fileLabel: "List of participants",
    formats: [
      PDF,
      { format: "xlsx", label: "Excel", hint: "filters and a frozen header row" },
      { format: "csv", label: "CSV", hint: "for mail merge and other programs" },
    ],
  },
  {
    kind: "badges",
    label: "Badges",
    hint: "Name, delegation and role, eight to an A4 sheet",
    fileLabel: "Badges",
    formats: [PDF],
  },
  {
    kind: "name_plates",
    label: "Name plates",
    hint: "Folded table cards, one per participant",
    fileLabel: "Name plates",
    formats: [PDF],
  },
];

const FILTERS: Record<ExportFormat, FileFilter> = {
  pdf: { name: "PDF document", extensions: ["pdf"] },
  docx: { name: "Word document", extensions: ["docx"] },
  ics: { name: "Calendar (iCalendar)", extensions: ["ics"] },
  html: { name: "Web page", extensions: ["html"] },
  xlsx: { name: "Excel workbook", extensions: ["xlsx"] },
  csv: { name: "CSV (comma-separated values)", extensions: ["csv"] },
};

/** The participant lists the import reads. */
export const IMPORT_FILTER: FileFilter = { name: "Participant lists (CSV, Excel)", extensions: ["csv", "txt", "tsv", "xlsx"] };

export function documentChoice(kind: DocumentKind): DocumentChoice {
  const found = DOCUMENTS.find((d) => d.kind === kind);
  if (!found) throw new Error(`Unknown document ${kind}`);
  return found;
}

/** The format kept when the document changes, or the document's first. */
export function formatFor(kind: DocumentKind, wanted: ExportFormat): ExportFormat {
  const formats = documentChoice(kind).formats;
  return formats.some((f) => f.format === wanted) ? wanted : formats[0].format;
}

export function fileFilter(format: ExportFormat): FileFilter {
  return FILTERS[format];
}

/** Characters no desktop accepts in a file name, and control characters. */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\\/:*?"<>|\u0000-\u001f]+/g;
const MAX_TITLE = 80;

/** "Regional Dialogue on Migrant Protection – Programme.pdf": safe on every desktop. */
export function suggestedFileName(eventTitle: string, kind: DocumentKind, format: ExportFormat): string {
  let title = eventTitle.replace(UNSAFE, " ").replace(/\s+/g, " ").trim();
  if (title.length > MAX_TITLE) title = title.slice(0, MAX_TITLE).trimEnd();
  title = title.replace(/[.\s]+$/, "");
  const label = documentChoice(kind).fileLabel;
  return `${title ? `${title} – ` : ""}${label}.${FILTERS[format].extensions[0]}`;
}
