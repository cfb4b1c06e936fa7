/** The two forms of the portal — self-check and objection — and their answers (pure HTML). */
import type { Language } from "../i18n/index.ts";
import type { Published } from "./cache.ts";
import { formatCheckCode } from "./check-code.ts";
import { html, PUBLIC_PREFIX, publicHref, publicPage, type SafeHtml } from "./html.ts";
import { OBJECTION_REASONS } from "./objections.ts";
import type { PageContext } from "./pages.ts";
import { objectionPath, sectorLabel, villageListPath } from "./pages.ts";
import type { SelfCheckStatus } from "./self-check.ts";
import { formatDate, portalText } from "./text.ts";

export const SELF_CHECK_PATH = `${PUBLIC_PREFIX}/cek`;

function page(ctx: PageContext, title: string, path: string, body: SafeHtml): string {
  return publicPage({ language: ctx.language, title, regencyName: ctx.regencyName, body, path });
}

function action(path: string, language: Language): string {
  return publicHref(path, language);
}

export function renderSelfCheckForm(ctx: PageContext, message: SafeHtml | null = null): string {
  const t = portalText(ctx.language);
  const body = html`<h1>${t.checkTitle}</h1><p>${t.checkIntro}</p>${message ?? ""}<form method="post" action="${action(SELF_CHECK_PATH, ctx.language)}"><label for="nik">${t.nik}</label><input id="nik" name="nik" inputmode="numeric" autocomplete="off" maxlength="20" required><label for="kode">${t.checkCode}</label><input id="kode" name="kode" autocomplete="off" autocapitalize="characters" maxlength="12" required><button type="submit">${t.check}</button></form>`;
  return page(ctx, t.checkTitle, SELF_CHECK_PATH, body);
}

export function renderSelfCheckResult(
  ctx: PageContext,
  statuses: readonly SelfCheckStatus[],
  extra: readonly SafeHtml[],
): string {
  const t = portalText(ctx.language);
  const rows = statuses.map(
    (s) =>
      html`<tr><td>${s.programName}</td><td>${s.periodName}</td><td><strong>${t.publicStatus[s.status]}</strong></td><td>${formatDate(s.since, ctx.language)}</td></tr>`,
  );
  const body = html`<h1>${t.checkResult}</h1>${
    statuses.length === 0
      ? html`<p>${t.checkNoApplications}</p>`
      : html`<div class="scroll" tabindex="0"><table><thead><tr><th scope="col">${t.program}</th><th scope="col">${t.period}</th><th scope="col">${t.status}</th><th scope="col">${t.since}</th></tr></thead><tbody>${rows}</tbody></table></div>`
  }${extra}<p><a href="${publicHref(SELF_CHECK_PATH, ctx.language)}">${t.checkTitle}</a></p>`;
  return page(ctx, t.checkResult, SELF_CHECK_PATH, body);
}

export function renderObjectionForm(
  ctx: PageContext,
  p: Published,
  ref: string,
  problems: readonly string[] = [],
  values: { reasonCode?: string; reason?: string } = {},
): string | null {
  const t = portalText(ctx.language);
  const entry = p.snapshot.entries.find((e) => e.ref === ref);
  if (!entry) return null;
  const village = p.snapshot.districts.flatMap((d) => d.villages).find((v) => v.code === entry.villageCode);
  const invalid = (field: string) => problems.includes(field);
  const body = html`<h1>${t.objectTitle}</h1><p class="card"><strong>${entry.name}</strong>, RT/RW ${entry.rt ?? "—"}/${entry.rw ?? "—"}, ${village?.name ?? ""} · ${sectorLabel(entry.business, ctx.language)}<br>${p.snapshot.program.name} — ${p.snapshot.period.name}</p><p>${t.objectIntro}</p>${
    problems.length > 0 ? html`<p class="error" role="alert">${t.badRequest}</p>` : ""
  }<form method="post" action="${action(objectionPath(p.id, ref), ctx.language)}"><label for="alasan">${t.reasonCode}</label><select id="alasan" name="alasan" required${invalid("reasonCode") ? html` aria-invalid="true"` : ""}>${OBJECTION_REASONS.map(
    (code) =>
      html`<option value="${code}"${values.reasonCode === code ? " selected" : ""}>${t.objectionReasons[code]}</option>`,
  )}</select><label for="penjelasan">${t.reasonText}</label><textarea id="penjelasan" name="penjelasan" rows="4" minlength="10" maxlength="2000" required${invalid("reason") ? html` aria-invalid="true"` : ""}>${values.reason ?? ""}</textarea><label for="kontak">${t.contact}</label><input id="kontak" name="kontak" maxlength="200" autocomplete="off"><button type="submit">${t.send}</button></form><p><a href="${publicHref(villageListPath(p.id, entry.villageCode), ctx.language)}">${t.listOf} ${village?.name ?? ""}</a></p>`;
  return page(ctx, t.objectTitle, objectionPath(p.id, ref), body);
}

export function renderObjectionFiled(ctx: PageContext, p: Published, ref: string, id: string): string {
  const t = portalText(ctx.language);
  const entry = p.snapshot.entries.find((e) => e.ref === ref);
  const body = html`<h1>${t.objectionReceived}</h1><p class="ok" role="status">${t.objectionReceivedText} <strong>${id.slice(0, 8).toUpperCase()}</strong></p>${
    entry
      ? html`<p><a href="${publicHref(villageListPath(p.id, entry.villageCode), ctx.language)}">${t.listOf}</a></p>`
      : ""
  }`;
  return page(ctx, t.objectionReceived, objectionPath(p.id, ref), body);
}

export { formatCheckCode };
