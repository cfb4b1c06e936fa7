/** Inline SVG bar charts (pure): a few hundred bytes, no script, readable without colour. */
import { escapeHtml, raw, type SafeHtml } from "./html.ts";

export interface Bar {
  label: string;
  /** null: withheld (k < 5), drawn as an empty bar labelled "<5". */
  value: number | null;
}

export function barChart(
  bars: readonly Bar[],
  options: { title: string; format: (n: number) => string },
): SafeHtml {
  const rowHeight = 24;
  const labelWidth = 135;
  const width = 420;
  const barSpace = width - labelWidth - 50;
  const max = Math.max(1, ...bars.map((b) => b.value ?? 0));
  const height = bars.length * rowHeight + 4;
  const rows = bars
    .map((b, i) => {
      const y = i * rowHeight + 2;
      const w = b.value === null ? 0 : Math.max(1, Math.round((b.value / max) * barSpace));
      const shown = b.value === null ? "<5" : options.format(b.value);
      return `<text x="${labelWidth - 6}" y="${y + 17}" text-anchor="end">${escapeHtml(b.label)}</text><rect x="${labelWidth}" y="${y + 3}" width="${w}" height="${rowHeight - 8}" fill="#0b5394"/><text x="${labelWidth + w + 6}" y="${y + 17}">${escapeHtml(shown)}</text>`;
    })
    .join("");
  return raw(
    `<svg role="img" aria-label="${escapeHtml(options.title)}" viewBox="0 0 ${width} ${height}" width="100%" style="max-width:${width}px;font-size:14px" xmlns="http://www.w3.org/2000/svg"><title>${escapeHtml(options.title)}</title>${rows}</svg>`,
  );
}
