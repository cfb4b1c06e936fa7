/**
 * The portal's pages rendered from published snapshots (pure: a snapshot in, HTML out). Nothing here reads
 * the database, so a page costs the same on announcement day as on any other.
 */
import type { Language } from "../i18n/index.ts";
import type { Published } from "./cache.ts";
import { barChart } from "./chart.ts";
import { html, PUBLIC_PREFIX, publicHref, publicPage, type SafeHtml } from "./html.ts";
import type { DistrictFigures, PublicationSnapshot, StageFigures, VillageFigures } from "./snapshot.ts";
import { STAGES } from "./snapshot.ts";
import { formatCount, formatDate, formatRupiah, type PortalText, portalText } from "./text.ts";

export interface PageContext {
  language: Language;
  regencyName: string;
}

const SECTORS: Record<string, { id: string; en: string }> = {
  food: { id: "Makanan/minuman", en: "Food and drink" },
  retail: { id: "Perdagangan", en: "Retail" },
  agriculture: { id: "Pertanian", en: "Agriculture" },
  fishery: { id: "Perikanan", en: "Fishery" },
  craft: { id: "Kerajinan", en: "Craft" },
  service: { id: "Jasa", en: "Services" },
  other: { id: "Lainnya", en: "Other" },
};

export function sectorLabel(code: string | null, language: Language): string {
  if (!code) return "—";
  return SECTORS[code]?.[language] ?? code;
}

export const programPath = (code: string) => `${PUBLIC_PREFIX}/program/${encodeURIComponent(code)}`;
export const publicationPath = (id: string) => `${PUBLIC_PREFIX}/publikasi/${id}`;
export const villageListPath = (id: string, village: string) =>
  `${PUBLIC_PREFIX}/publikasi/${id}/desa/${village}`;
export const objectionPath = (id: string, ref: string) => `${PUBLIC_PREFIX}/sanggah/${id}/${ref}`;

function count(cell: { count: number | null }, language: Language): string {
  return cell.count === null ? "<5" : formatCount(cell.count, language);
}

function page(ctx: PageContext, title: string, path: string, body: SafeHtml): string {
  return publicPage({ language: ctx.language, title, regencyName: ctx.regencyName, body, path });
}

function stageHeader(t: PortalText): SafeHtml {
  return html`${STAGES.map((s) => html`<th class="n" scope="col">${t.stages[s]}</th>`)}`;
}

function stageCells(figures: StageFigures, language: Language): SafeHtml {
  return html`${STAGES.map((s) => html`<td class="n">${count(figures[s], language)}</td>`)}`;
}

function programFacts(s: PublicationSnapshot, ctx: PageContext, t: PortalText): SafeHtml {
  const realised = s.totals.paid.amount;
  return html`<dl class="card"><dt>${t.agency}</dt><dd>${s.program.agency}</dd><dt>${t.budget}</dt><dd>${formatRupiah(s.program.budget, ctx.language)}</dd><dt>${t.quota}</dt><dd>${formatCount(s.program.quota, ctx.language)} ${t.persons}</dd><dt>${t.amountPerRecipient}</dt><dd>${formatRupiah(s.program.amountPerRecipient, ctx.language)}</dd><dt>${t.realised}</dt><dd>${realised === null ? "<5" : formatRupiah(realised, ctx.language)}</dd></dl>`;
}

export function renderHome(ctx: PageContext, latest: readonly Published[]): string {
  const t = portalText(ctx.language);
  const link = (p: string) => publicHref(p, ctx.language);
  const rows = latest.map((p) => {
    const s = p.snapshot;
    return html`<tr><th scope="row"><a href="${link(programPath(s.program.code))}">${s.program.name}</a></th><td>${s.period.name}</td><td class="n">${formatRupiah(s.program.budget, ctx.language)}</td><td class="n">${formatCount(s.program.quota, ctx.language)}</td><td class="n">${count(s.totals.approved, ctx.language)}</td><td class="n">${s.totals.paid.amount === null ? "<5" : formatRupiah(s.totals.paid.amount, ctx.language)}</td></tr>`;
  });
  const body = html`<h1>${t.homeTitle}</h1><p>${t.homeIntro}</p>${
    latest.length === 0
      ? html`<p>${t.noPublications}</p>`
      : html`<div class="scroll" tabindex="0"><table><caption class="note">${t.suppressedNote}</caption><thead><tr><th scope="col">${t.program}</th><th scope="col">${t.period}</th><th class="n" scope="col">${t.budget}</th><th class="n" scope="col">${t.quota}</th><th class="n" scope="col">${t.stages.approved}</th><th class="n" scope="col">${t.realised}</th></tr></thead><tbody>${rows}</tbody></table></div>`
  }`;
  return page(ctx, t.homeTitle, PUBLIC_PREFIX, body);
}

function timeline(ctx: PageContext, t: PortalText, publications: readonly Published[]): SafeHtml {
  const first = publications[0]?.snapshot;
  if (!first) return html``;
  const items = [
    html`<li>${t.periodRuns}: ${formatDate(first.period.startsOn, ctx.language)} – ${formatDate(first.period.endsOn, ctx.language)}</li>`,
    ...publications.map(
      (p) =>
        html`<li>${formatDate(p.publishedAt, ctx.language)}: <a href="${publicHref(publicationPath(p.id), ctx.language)}">${t.kinds[p.snapshot.kind]}</a>${
          p.objectionEndsOn ? html` — ${t.objectionUntil} ${formatDate(p.objectionEndsOn, ctx.language)}` : ""
        }</li>`,
    ),
  ];
  return html`<h3>${t.timeline}</h3><ol>${items}</ol>`;
}

function districtTable(ctx: PageContext, t: PortalText, districts: readonly DistrictFigures[]): SafeHtml {
  return html`<div class="scroll" tabindex="0"><table><caption class="note">${t.suppressedNote}</caption><thead><tr><th scope="col">${t.district}</th>${stageHeader(t)}</tr></thead><tbody>${districts.map(
    (d) => html`<tr><th scope="row">${d.name}</th>${stageCells(d.figures, ctx.language)}</tr>`,
  )}</tbody></table></div>`;
}

/** What came of the public's objections, as of the newest snapshot (nothing when none were ever filed). */
function objectionOutcome(ctx: PageContext, t: PortalText, s: PublicationSnapshot): SafeHtml | string {
  const o = s.objections;
  if (!o) return "";
  const figure = (n: number | null) => (n === null ? "<5" : formatCount(n, ctx.language));
  if (o.upheld === 0 && o.dismissed === 0 && o.open === 0) return "";
  const text = t.objectionsOutcome
    .replace("{upheld}", figure(o.upheld))
    .replace("{dismissed}", figure(o.dismissed))
    .replace("{open}", figure(o.open));
  return html`<h3>${t.objections}</h3><p data-objections>${text}</p>`;
}

/** What recipients said reached their hands, as of the newest snapshot (nothing before anyone answered). */
function receiptOutcome(ctx: PageContext, t: PortalText, s: PublicationSnapshot): SafeHtml | string {
  const r = s.receipts;
  if (!r) return "";
  const share = (x: number | null) =>
    x === null
      ? "<5"
      : new Intl.NumberFormat(ctx.language === "en" ? "en-US" : "id-ID", {
          style: "percent",
          maximumFractionDigits: 1,
        }).format(x);
  const count = (n: number | null) => (n === null ? "<5" : formatCount(n, ctx.language));
  const summary =
    r.confirmed === null
      ? t.receiptsWithheld
      : t.receiptsOutcome.replace("{confirmed}", count(r.confirmed)).replace("{leakage}", share(r.leakage));
  const rows = r.districts.filter((d) => d.confirmed !== 0);
  return html`<h3>${t.receipts}</h3><p data-receipts>${summary}</p>${
    rows.length > 0
      ? html`<div class="scroll" tabindex="0"><table><caption class="note">${t.suppressedNote}</caption><thead><tr><th scope="col">${t.district}</th><th scope="col">${t.receiptsConfirmed}</th><th scope="col">${t.receiptsLeakage}</th></tr></thead><tbody>${rows.map(
          (d) =>
            html`<tr><th scope="row">${d.name}</th><td>${count(d.confirmed)}</td><td>${d.confirmed === null ? "<5" : share(d.leakage)}</td></tr>`,
        )}</tbody></table></div>`
      : ""
  }`;
}

/** A program: its facts, and for each period the newest publication's figures, chart and timeline. */
export function renderProgram(ctx: PageContext, publications: readonly Published[]): string {
  const t = portalText(ctx.language);
  const latest = publications.at(-1) as Published;
  const s = latest.snapshot;
  const periods = new Map<string, Published[]>();
  for (const p of publications) periods.set(p.periodId, [...(periods.get(p.periodId) ?? []), p]);
  const sections = [...periods.values()].map((list) => {
    const current = list.at(-1) as Published;
    const cs = current.snapshot;
    const chart = barChart(
      cs.districts.map((d) => ({ label: d.name, value: d.figures.proposed.count })),
      { title: `${t.stages.proposed} — ${t.perDistrict}`, format: (n) => formatCount(n, ctx.language) },
    );
    return html`<section><h2>${cs.period.name}</h2><p><a href="${publicHref(publicationPath(current.id), ctx.language)}">${t.current}: ${t.kinds[cs.kind]}, ${formatDate(current.publishedAt, ctx.language)}</a></p><h3>${t.perDistrict}</h3>${chart}${districtTable(ctx, t, cs.districts)}${objectionOutcome(ctx, t, cs)}${receiptOutcome(ctx, t, cs)}${timeline(ctx, t, list)}</section>`;
  });
  const body = html`<h1>${s.program.name}</h1>${programFacts(s, ctx, t)}${sections}`;
  return page(ctx, s.program.name, programPath(s.program.code), body);
}

function villageRows(ctx: PageContext, p: Published, d: DistrictFigures): SafeHtml {
  const listKind = p.snapshot.kind !== "statistics";
  return html`${d.villages.map(
    (v: VillageFigures) =>
      html`<tr><th scope="row">${
        listKind && v.listed > 0
          ? html`<a href="${publicHref(villageListPath(p.id, v.code), ctx.language)}">${v.name}</a>`
          : v.name
      }</th><td>${d.name}</td>${stageCells(v.figures, ctx.language)}</tr>`,
  )}`;
}

/** One publication as it was published: date, fingerprint, supersession, figures per desa, links to the lists. */
export function renderPublication(
  ctx: PageContext,
  p: Published,
  supersededBy: Published | undefined,
): string {
  const t = portalText(ctx.language);
  const s = p.snapshot;
  const link = (path: string) => publicHref(path, ctx.language);
  const body = html`<h1>${s.program.name} — ${s.period.name}</h1><p><strong>${t.kinds[s.kind]}</strong>. ${t.publishedOn} ${formatDate(p.publishedAt, ctx.language)}.${
    p.objectionEndsOn ? html` ${t.objectionUntil} ${formatDate(p.objectionEndsOn, ctx.language)}.` : ""
  }</p>${
    supersededBy
      ? html`<p class="error">${t.superseded}: <a href="${link(publicationPath(supersededBy.id))}">${formatDate(supersededBy.publishedAt, ctx.language)}</a></p>`
      : ""
  }<p class="note">${t.fingerprint}: <code style="word-break:break-all">${p.sha256}</code> · <a href="${`${publicationPath(p.id)}/snapshot.json`}">${t.downloadSnapshot}</a></p><p><a href="${link(programPath(s.program.code))}">${s.program.name}</a></p><h2>${s.kind === "statistics" ? t.perVillage : t.lists}</h2><div class="scroll" tabindex="0"><table><caption class="note">${t.suppressedNote}</caption><thead><tr><th scope="col">${t.village}</th><th scope="col">${t.district}</th>${stageHeader(t)}</tr></thead><tbody>${s.districts.map((d) => villageRows(ctx, p, d))}</tbody></table></div>`;
  return page(ctx, `${s.program.name} — ${s.period.name}`, publicationPath(p.id), body);
}

/** The list of one desa: first name and initials, RT/RW, business — and a link to object while the period runs. */
export function renderVillageList(
  ctx: PageContext,
  p: Published,
  villageCode: string,
  today: string,
): string | null {
  const t = portalText(ctx.language);
  const s = p.snapshot;
  const district = s.districts.find((d) => d.villages.some((v) => v.code === villageCode));
  const village = district?.villages.find((v) => v.code === villageCode);
  if (!district || !village || s.kind === "statistics") return null;
  const entries = s.entries.filter((e) => e.villageCode === villageCode);
  const open = s.kind === "sanggah" && p.objectionEndsOn !== null && today <= p.objectionEndsOn;
  const link = (path: string) => publicHref(path, ctx.language);
  const rows = entries.map(
    (e, i) =>
      html`<tr><td class="n">${i + 1}</td><td>${e.name}</td><td>${e.rt ?? "—"}/${e.rw ?? "—"}</td><td>${sectorLabel(e.business, ctx.language)}</td>${
        open
          ? html`<td><a href="${link(objectionPath(p.id, e.ref))}">${t.objectLink}<span class="note"> (${e.name})</span></a></td>`
          : ""
      }</tr>`,
  );
  const body = html`<h1>${t.listOf} ${village.name}</h1><p>${s.program.name} — ${s.period.name}. ${t.kinds[s.kind]}, ${t.publishedOn.toLowerCase()} ${formatDate(p.publishedAt, ctx.language)}.${
    open && p.objectionEndsOn
      ? html` <strong>${t.objectionUntil} ${formatDate(p.objectionEndsOn, ctx.language)}.</strong>`
      : ""
  }</p><p class="note">${t.namePolicyNote}</p>${
    entries.length === 0
      ? html`<p>${t.listEmpty}</p>`
      : html`<div class="scroll" tabindex="0"><table><thead><tr><th class="n" scope="col">No.</th><th scope="col">${t.name}</th><th scope="col">${t.rtRw}</th><th scope="col">${t.business}</th>${open ? html`<th scope="col">${t.object}</th>` : ""}</tr></thead><tbody>${rows}</tbody></table></div>`
  }<p><a href="${link(publicationPath(p.id))}">${t.publication}: ${s.program.name} — ${s.period.name}</a></p>`;
  return page(
    ctx,
    `${t.listOf} ${village.name} — ${s.program.name}`,
    villageListPath(p.id, villageCode),
    body,
  );
}

/** The visitor's address is never echoed: a mistyped link with a NIK in it must not come back in the page. */
export function renderNotFound(ctx: PageContext): string {
  const t = portalText(ctx.language);
  return page(
    ctx,
    t.notFoundTitle,
    PUBLIC_PREFIX,
    html`<h1>${t.notFoundTitle}</h1><p>${t.notFoundText}</p><p><a href="${publicHref(PUBLIC_PREFIX, ctx.language)}">${t.back}</a></p>`,
  );
}

export function renderMessage(
  ctx: PageContext,
  path: string,
  title: string,
  message: SafeHtml | string,
): string {
  return page(
    ctx,
    title,
    path,
    html`<h1>${title}</h1><p>${message}</p><p><a href="${publicHref(PUBLIC_PREFIX, ctx.language)}">${portalText(ctx.language).back}</a></p>`,
  );
}
