/** Layout helpers shared by every printed document (decrees, report packs): measuring and fitting text. */
import type PDFDocument from "pdfkit";

type Doc = InstanceType<typeof PDFDocument>;

/**
 * Text width as the sum of each character's advance, measured once per character: shaping every cell of a
 * 10,000-line annex with fontkit only to measure it doubled the render time. Kerning is ignored, which moves a
 * right-aligned figure by a fraction of a point at most.
 */
export function createMeasure(doc: Doc) {
  const advance = new Map<string, number>();
  return (text: string): number => {
    let width = 0;
    for (const ch of text) {
      let w = advance.get(ch);
      if (w === undefined) {
        w = doc.widthOfString(ch);
        advance.set(ch, w);
      }
      width += w;
    }
    return width;
  };
}

export function truncateToWidth(measure: (text: string) => number, text: string, width: number): string {
  if (measure(text) <= width) return text;
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (measure(`${text.slice(0, mid)}…`) <= width) lo = mid;
    else hi = mid - 1;
  }
  return `${text.slice(0, lo)}…`;
}
