/** The open-data index and the data dictionary as pages (pure). */
import type { PublicationCache, Published } from "./cache.ts";
import { html, publicHref, publicPage } from "./html.ts";
import { DATA_PREFIX, DICTIONARY } from "./open-data.ts";
import type { PageContext } from "./pages.ts";
import { publicationPath } from "./pages.ts";
import { formatDate, portalText } from "./text.ts";

export function renderDataIndex(
  ctx: PageContext,
  all: readonly Published[],
  cache: PublicationCache,
): string {
  const t = portalText(ctx.language);
  const rows = [...all].reverse().map((p) => {
    const superseded = cache.supersededBy(p);
    return html`<tr><td><a href="${publicHref(publicationPath(p.id), ctx.language)}">${p.snapshot.program.name} — ${p.snapshot.period.name}</a>${
      superseded ? html` <span class="note">(${t.superseded.toLowerCase()})</span>` : ""
    }</td><td>${t.kinds[p.snapshot.kind]}</td><td>${formatDate(p.publishedAt, ctx.language)}</td><td><a href="${`${DATA_PREFIX}/${p.id}/data.csv`}">CSV<span class="note"> ${p.snapshot.program.code}</span></a> · <a href="${`${DATA_PREFIX}/${p.id}/data.json`}">JSON<span class="note"> ${p.snapshot.program.code}</span></a></td></tr>`;
  });
  const body = html`<h1>${t.dataTitle}</h1><p>${t.dataIntro}</p><p><a href="${publicHref(`${DATA_PREFIX}/kamus`, ctx.language)}">${t.dictionary}</a> · <a href="${`${DATA_PREFIX}/catalog.jsonld`}">${t.catalog}</a> · <a href="${`${DATA_PREFIX}/api/3/action/package_list`}">CKAN API</a></p>${
    rows.length === 0
      ? html`<p>${t.noPublications}</p>`
      : html`<div class="scroll" tabindex="0"><table><thead><tr><th scope="col">${t.dataset}</th><th scope="col">${t.publication}</th><th scope="col">${t.publishedOn}</th><th scope="col">CSV / JSON</th></tr></thead><tbody>${rows}</tbody></table></div>`
  }`;
  return publicPage({
    language: ctx.language,
    title: t.dataTitle,
    regencyName: ctx.regencyName,
    body,
    path: DATA_PREFIX,
  });
}

export function renderDictionary(ctx: PageContext): string {
  const t = portalText(ctx.language);
  const body = html`<h1>${t.dictionary}</h1><p><a href="${`${DATA_PREFIX}/kamus.json`}">JSON</a></p><div class="scroll" tabindex="0"><table><thead><tr><th scope="col">${t.field}</th><th scope="col">${t.type}</th><th scope="col">${t.meaning}</th></tr></thead><tbody>${DICTIONARY.map(
    (f) => html`<tr><td><code>${f.name}</code></td><td>${f.type}</td><td>${f[ctx.language]}</td></tr>`,
  )}</tbody></table></div><p class="note">${t.suppressedNote}</p>`;
  return publicPage({
    language: ctx.language,
    title: t.dictionary,
    regencyName: ctx.regencyName,
    body,
    path: `${DATA_PREFIX}/kamus`,
  });
}
