/** The public complaint pages (pure HTML, no script): the form, the code page, the status page, statistics. */
import type { Language } from "../i18n/index.ts";
import { html, PUBLIC_PREFIX, publicHref, publicPage, type SafeHtml } from "../portal/html.ts";
import { CATEGORY_LABELS, COMPLAINT_CATEGORIES, type ComplaintStage, STAGE_LABELS } from "./codes.ts";
import { formatTrackingCode } from "./tracking-code.ts";

export const COMPLAINT_PATH = `${PUBLIC_PREFIX}/pengaduan`;
export const statusPath = (code: string) => `${COMPLAINT_PATH}/${code}`;

export interface PageContext {
  language: Language;
  regencyName: string;
  /** Kecamatan with their desa, for the desa list. */
  districts: readonly { name: string; villages: readonly { code: string; name: string }[] }[];
}

const TEXT = {
  id: {
    title: "Pengaduan",
    intro:
      "Sampaikan pengaduan tentang bantuan sosial. Tidak perlu akun. Anda akan mendapat kode untuk memantau penanganannya. Pengaduan tentang potongan atau perilaku petugas langsung ke Inspektorat, bukan ke desa atau kecamatan.",
    category: "Jenis pengaduan",
    village: "Desa",
    villageHint: "Wajib, kecuali pengaduan potongan/pungutan atau perilaku petugas.",
    chooseVillage: "— pilih desa —",
    description: "Isi pengaduan",
    descriptionHint: "Ceritakan apa yang terjadi, kapan dan di mana (paling sedikit 10 huruf).",
    reference: "Nomor SK, pembayaran atau nama program (jika ada)",
    lapor: "Nomor SP4N-LAPOR! (jika sudah melapor di sana)",
    photos: "Foto (paling banyak 3, JPEG/PNG, masing-masing ≤ 4 MB)",
    anonymous: "Kirim tanpa nama",
    name: "Nama",
    phone: "Nomor telepon/WhatsApp",
    contactHint: "Nama dan nomor hanya dibuka oleh unit yang menangani; setiap pembukaan dicatat.",
    consent: "Saya setuju nama dan nomor saya dilihat petugas yang menangani",
    send: "Kirim pengaduan",
    received: "Pengaduan diterima",
    duplicate: "Pengaduan yang sama sudah kami terima hari ini. Ini kodenya:",
    yourCode: "Kode pengaduan Anda:",
    keepCode: "Catat atau foto kode ini. Dengan kode ini Anda dapat melihat perkembangan pengaduan.",
    viewStatus: "Lihat status",
    checkTitle: "Cek status pengaduan",
    code: "Kode pengaduan",
    check: "Cek",
    status: "Status pengaduan",
    stage: "Tahap sekarang",
    receivedAt: "Diterima",
    history: "Perkembangan",
    fromYou: "Jawaban Anda",
    reply: "Balasan petugas",
    answerTitle: "Petugas menunggu jawaban Anda",
    answer: "Jawaban",
    sendAnswer: "Kirim jawaban",
    fixErrors: "Periksa kembali isian berikut:",
    statistics: "Statistik pengaduan",
    publishedOn: "Diterbitkan",
    notPublished: "Statistik pengaduan belum diterbitkan. Petugas menerbitkannya secara berkala.",
    suppressed: "Jumlah di bawah 5 tidak ditampilkan (< 5) agar tidak menunjuk orang tertentu.",
    total: "Jumlah",
    perCategory: "Menurut jenis",
    perStage: "Menurut tahap",
    perArea: "Menurut kecamatan",
    perSla: "Menurut ketepatan waktu",
  },
  en: {
    title: "Complaints",
    intro:
      "Send a complaint about social assistance. No account needed. You will get a code to follow how it is handled. Complaints about deductions or staff conduct go straight to the Inspektorat, not to the desa or kecamatan.",
    category: "Kind of complaint",
    village: "Desa",
    villageHint: "Required, except for complaints about deductions/levies or staff conduct.",
    chooseVillage: "— choose a desa —",
    description: "Your complaint",
    descriptionHint: "Say what happened, when and where (at least 10 letters).",
    reference: "Decree or payment number, or program name (if any)",
    lapor: "SP4N-LAPOR! number (if you reported there)",
    photos: "Photos (at most 3, JPEG/PNG, each ≤ 4 MB)",
    anonymous: "Send without my name",
    name: "Name",
    phone: "Phone/WhatsApp number",
    contactHint: "Only the handling unit opens your name and number; every opening is recorded.",
    consent: "I agree that the handling officials see my name and number",
    send: "Send complaint",
    received: "Complaint received",
    duplicate: "We already received the same complaint today. Its code is:",
    yourCode: "Your tracking code:",
    keepCode: "Write down or photograph this code. With it you can follow your complaint.",
    viewStatus: "View status",
    checkTitle: "Check a complaint",
    code: "Tracking code",
    check: "Check",
    status: "Complaint status",
    stage: "Current stage",
    receivedAt: "Received",
    history: "Progress",
    fromYou: "Your answer",
    reply: "Reply from the officials",
    answerTitle: "The officials are waiting for your answer",
    answer: "Answer",
    sendAnswer: "Send answer",
    fixErrors: "Please check the following:",
    statistics: "Complaint statistics",
    publishedOn: "Published",
    notPublished: "No complaint statistics have been published yet. Officials publish them regularly.",
    suppressed: "Counts under 5 are not shown (< 5) so that they cannot point at a person.",
    total: "Total",
    perCategory: "By kind",
    perStage: "By stage",
    perArea: "By kecamatan",
    perSla: "By timeliness",
  },
} as const;

const SLA_TEXT = {
  id: {
    on_track: "Dalam batas waktu",
    at_risk: "Mendekati batas",
    breached: "Lewat batas",
    met: "Selesai tepat waktu",
  },
  en: { on_track: "On track", at_risk: "At risk", breached: "Breached", met: "Resolved in time" },
} as const;

export function complaintText(language: Language) {
  return TEXT[language];
}

function page(ctx: PageContext, title: string, path: string, body: SafeHtml): string {
  return publicPage({
    language: ctx.language,
    title,
    regencyName: ctx.regencyName,
    body,
    path,
    head: html`<meta name="robots" content="noindex">`,
  });
}

function formatDateTime(iso: string, language: Language): string {
  return new Intl.DateTimeFormat(language === "id" ? "id-ID" : "en-GB", {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: "Asia/Makassar",
  }).format(new Date(iso));
}

export type FormValues = Partial<Record<string, string>>;

export function renderComplaintForm(
  ctx: PageContext,
  values: FormValues = {},
  errors: readonly string[] = [],
): string {
  const t = TEXT[ctx.language];
  const selected = (a: string | undefined, b: string) => (a === b ? html` selected` : "");
  const checked = (v: string | undefined) => (v === "on" ? html` checked` : "");
  const body = html`<h1>${t.title}</h1><p>${t.intro}</p>${
    errors.length
      ? html`<div class="card error" role="alert"><p>${t.fixErrors}</p><ul>${errors.map((e) => html`<li>${e}</li>`)}</ul></div>`
      : ""
  }<form method="post" action="${publicHref(COMPLAINT_PATH, ctx.language)}" enctype="multipart/form-data"><label for="category">${t.category}</label><select id="category" name="category" required>${COMPLAINT_CATEGORIES.map(
    (cat) =>
      html`<option value="${cat}"${selected(values.category, cat)}>${CATEGORY_LABELS[cat][ctx.language]}</option>`,
  )}</select><label for="villageCode">${t.village}</label><select id="villageCode" name="villageCode" aria-describedby="village-hint"><option value="">${t.chooseVillage}</option>${ctx.districts.map(
    (d) =>
      html`<optgroup label="${d.name}">${d.villages.map((v) => html`<option value="${v.code}"${selected(values.villageCode, v.code)}>${v.name}</option>`)}</optgroup>`,
  )}</select><p class="note" id="village-hint">${t.villageHint}</p><label for="description">${t.description}</label><textarea id="description" name="description" rows="6" minlength="10" maxlength="4000" required aria-describedby="description-hint">${values.description ?? ""}</textarea><p class="note" id="description-hint">${t.descriptionHint}</p><label for="reference">${t.reference}</label><input id="reference" name="reference" maxlength="100" value="${values.reference ?? ""}"><label for="laporNumber">${t.lapor}</label><input id="laporNumber" name="laporNumber" maxlength="40" value="${values.laporNumber ?? ""}"><label for="photos">${t.photos}</label><input id="photos" name="photos" type="file" accept="image/jpeg,image/png" multiple><label><input type="checkbox" name="anonymous" value="on" style="width:auto"${checked(values.anonymous)}> ${t.anonymous}</label><label for="name">${t.name}</label><input id="name" name="name" maxlength="120" autocomplete="name" value="${values.name ?? ""}"><label for="phone">${t.phone}</label><input id="phone" name="phone" type="tel" inputmode="tel" maxlength="20" autocomplete="tel" value="${values.phone ?? ""}"><p class="note">${t.contactHint}</p><label><input type="checkbox" name="identityConsent" value="on" style="width:auto"${checked(values.identityConsent)}> ${t.consent}</label><button type="submit">${t.send}</button></form>${renderCheckForm(ctx)}`;
  return page(ctx, t.title, COMPLAINT_PATH, body);
}

function renderCheckForm(ctx: PageContext): SafeHtml {
  const t = TEXT[ctx.language];
  return html`<h2>${t.checkTitle}</h2><form method="get" action="${COMPLAINT_PATH}/status">${ctx.language === "en" ? html`<input type="hidden" name="lang" value="en">` : ""}<label for="kode">${t.code}</label><input id="kode" name="kode" autocomplete="off" autocapitalize="characters" maxlength="14" required><button type="submit">${t.check}</button></form>`;
}

export function renderReceived(ctx: PageContext, code: string, duplicate: boolean): string {
  const t = TEXT[ctx.language];
  const body = html`<h1>${t.received}</h1><p>${duplicate ? t.duplicate : t.yourCode}</p><p class="card" style="font-size:2rem;font-weight:700;letter-spacing:.1em" data-testid="tracking-code">${formatTrackingCode(code)}</p><p>${t.keepCode}</p><a class="button" href="${publicHref(statusPath(code), ctx.language)}">${t.viewStatus}</a>`;
  return page(ctx, t.received, COMPLAINT_PATH, body);
}

export interface PublicStatusView {
  code: string;
  stage: ComplaintStage;
  receivedAt: string;
  steps: readonly {
    stage: ComplaintStage;
    at: string;
    publicReply: string | null;
    fromComplainant: boolean;
  }[];
}

export function renderStatus(
  ctx: PageContext,
  view: PublicStatusView,
  errors: readonly string[] = [],
): string {
  const t = TEXT[ctx.language];
  const path = statusPath(view.code);
  const body = html`<h1>${t.status} ${formatTrackingCode(view.code)}</h1><p>${t.stage}: <strong data-testid="stage">${STAGE_LABELS[view.stage][ctx.language]}</strong></p><p>${t.receivedAt}: ${formatDateTime(view.receivedAt, ctx.language)}</p><h2>${t.history}</h2><ol data-testid="steps">${view.steps.map(
    (s) =>
      html`<li><strong>${STAGE_LABELS[s.stage][ctx.language]}</strong> · ${formatDateTime(s.at, ctx.language)}${
        s.publicReply
          ? html`<div class="card"><span class="note">${s.fromComplainant ? t.fromYou : t.reply}:</span> ${s.publicReply}</div>`
          : ""
      }</li>`,
  )}</ol>${
    view.stage === "waiting"
      ? html`<h2>${t.answerTitle}</h2>${errors.length ? html`<p class="error" role="alert">${errors.join(" ")}</p>` : ""}<form method="post" action="${publicHref(`${path}/jawab`, ctx.language)}" enctype="multipart/form-data"><label for="answer">${t.answer}</label><textarea id="answer" name="answer" rows="4" maxlength="2000" required></textarea><button type="submit">${t.sendAnswer}</button></form>`
      : ""
  }`;
  return page(ctx, t.status, path, body);
}

export function renderMessage(ctx: PageContext, status: number, message: string): string {
  const t = TEXT[ctx.language];
  return page(
    ctx,
    t.title,
    COMPLAINT_PATH,
    html`<h1>${t.title}</h1><p class="${status >= 400 ? "error" : "ok"}" role="alert">${message}</p>${renderCheckForm(ctx)}<p><a href="${publicHref(COMPLAINT_PATH, ctx.language)}">${t.send}</a></p>`,
  );
}

export interface PublicStatistics {
  total: number | null;
  byCategory: readonly { key: string; count: number | null }[];
  byStage: readonly { key: string; count: number | null }[];
  byArea: readonly { key: string; count: number | null }[];
  bySla: readonly { key: string; count: number | null }[];
}

export function renderStatistics(
  ctx: PageContext,
  published: { statistics: PublicStatistics; publishedAt: string; sha256: string } | null,
  areaName: (code: string) => string,
): string {
  const t = TEXT[ctx.language];
  if (!published)
    return page(
      ctx,
      t.statistics,
      `${COMPLAINT_PATH}/statistik`,
      html`<h1>${t.statistics}</h1><p>${t.notPublished}</p>`,
    );
  const stats = published.statistics;
  const on = new Date(published.publishedAt).toLocaleString(ctx.language === "id" ? "id-ID" : "en-GB", {
    dateStyle: "long",
    timeStyle: "short",
    timeZone: "Asia/Makassar",
  });
  const shown = (n: number | null) =>
    n === null ? "< 5" : n.toLocaleString(ctx.language === "id" ? "id-ID" : "en-GB");
  const table = (
    title: string,
    rows: readonly { key: string; count: number | null }[],
    label: (k: string) => string,
  ) =>
    html`<h2>${title}</h2><div class="scroll"><table><tbody>${rows.map((r) => html`<tr><td>${label(r.key)}</td><td class="n">${shown(r.count)}</td></tr>`)}</tbody></table></div>`;
  const body = html`<h1>${t.statistics}</h1><p>${t.publishedOn} ${on} WITA · SHA-256 <code style="word-break:break-all">${published.sha256}</code></p><p>${t.total}: <strong>${shown(stats.total)}</strong></p><p class="note">${t.suppressed}</p>${table(t.perCategory, stats.byCategory, (k) => CATEGORY_LABELS[k as keyof typeof CATEGORY_LABELS]?.[ctx.language] ?? k)}${table(t.perStage, stats.byStage, (k) => STAGE_LABELS[k as ComplaintStage]?.[ctx.language] ?? k)}${table(t.perArea, stats.byArea, areaName)}${table(t.perSla, stats.bySla, (k) => SLA_TEXT[ctx.language][k as keyof (typeof SLA_TEXT)["id"]] ?? k)}`;
  return page(ctx, t.statistics, `${COMPLAINT_PATH}/statistik`, body);
}
