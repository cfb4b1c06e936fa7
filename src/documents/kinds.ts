/**
 * The papers an application is checked against (seed 000: missing KTP, KK or SKU stalled the BLT UMKM desks),
 * plus the photos enumerators take in the field. Codes are stable; labels live in the message catalog.
 */
export const DOCUMENT_KINDS = [
  "ktp", // identity card
  "kk", // family card
  "sku", // Surat Keterangan Usaha (or NIB) for UMKM programs
  "applicant_photo",
  "house_photo",
  "other",
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export function isDocumentKind(value: string): value is DocumentKind {
  return (DOCUMENT_KINDS as readonly string[]).includes(value);
}
