/**
 * The A4 notice a desa posts at the balai desa: the full names of its list (the only place they appear), RT/RW,
 * business, the objection deadline and a QR code to the desa's page on the portal. Served to officials only.
 */
import QRCode from "qrcode";
import type { Language } from "../i18n/index.ts";
import type { Published } from "./cache.ts";
import { html, PUBLIC_CSS, raw } from "./html.ts";
import { sectorLabel } from "./pages.ts";
import { formatDate, portalText } from "./text.ts";

const POSTER_CSS = `@page{size:A4;margin:15mm}body{max-width:180mm;margin:0 auto}h1{font-size:20pt}table{font-size:10.5pt}
.qr{float:right;width:35mm;margin:0 0 4mm 4mm;text-align:center;font-size:9pt}.qr svg{width:35mm;height:35mm}`;

export async function renderPoster(
  p: Published,
  villageCode: string,
  fullNames: ReadonlyMap<string, string>,
  pageUrl: string,
  language: Language,
): Promise<string | null> {
  const t = portalText(language);
  const s = p.snapshot;
  const village = s.districts
    .flatMap((d) => d.villages.map((v) => ({ ...v, district: d.name })))
    .find((v) => v.code === villageCode);
  if (!village) return null;
  const qr = await QRCode.toString(pageUrl, { type: "svg", margin: 1, errorCorrectionLevel: "M" });
  const entries = s.entries.filter((e) => e.villageCode === villageCode);
  const body = html`<div class="qr">${raw(qr)}<br>${pageUrl}</div><h1>${t.kinds[s.kind]}</h1><p><strong>${s.program.name} — ${s.period.name}</strong><br>${t.village} ${village.name}, ${t.district} ${village.district}, ${s.regency.name}</p>${
    p.objectionEndsOn
      ? html`<p><strong>${t.objectionUntil} ${formatDate(p.objectionEndsOn, language)}.</strong></p>`
      : ""
  }<table><thead><tr><th class="n">No.</th><th>${t.name}</th><th>${t.rtRw}</th><th>${t.business}</th></tr></thead><tbody>${entries.map(
    (e, i) =>
      html`<tr><td class="n">${i + 1}</td><td>${fullNames.get(e.ref) ?? e.name}</td><td>${e.rt ?? "—"}/${e.rw ?? "—"}</td><td>${sectorLabel(e.business, language)}</td></tr>`,
  )}</tbody></table><p class="note">${t.publishedOn} ${formatDate(p.publishedAt, language)} · ${t.fingerprint} ${p.sha256.slice(0, 16)}…</p>`;
  return `<!doctype html>${html`<html lang="${language}"><head><meta charset="utf-8"><title>${t.listOf} ${village.name}</title><style>${raw(PUBLIC_CSS)}${raw(POSTER_CSS)}</style></head><body><main>${body}</main></body></html>`}`;
}
