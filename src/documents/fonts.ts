import { readFileSync } from "node:fs";

/**
 * The one typeface of every printed document (decrees, cover letters, reports): DejaVu Sans Condensed, embedded
 * in each PDF so a decree prints the same on any computer, with the glyphs Indonesian needs. Licence beside it.
 */
export const DOCUMENT_FONT = readFileSync(new URL("./fonts/DejaVuSansCondensed.ttf", import.meta.url));
export const DOCUMENT_FONT_BOLD = readFileSync(
  new URL("./fonts/DejaVuSansCondensed-Bold.ttf", import.meta.url),
);
