/**
 * The public side's one way of writing HTML: server-rendered strings, escaped by default, in a page shell of a
 * few hundred bytes of CSS and no JavaScript, so a page works on a cheap phone with a weak signal and no
 * script at all (principle 2). Pure: no I/O. Every public page (portal, decree verification, complaint forms)
 * is written with `html` and wrapped in `publicPage`.
 */
import type { Language } from "../i18n/index.ts";

/** Markup that is already safe; only `html` and `raw` make one. */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

type Interpolation = SafeHtml | string | number | null | undefined | false | readonly Interpolation[];

function render(value: Interpolation): string {
  if (value === null || value === undefined || value === false) return "";
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join("");
  return escapeHtml(String(value));
}

/** Tagged template: every interpolated value is escaped unless it is SafeHtml; arrays are joined. */
export function html(strings: TemplateStringsArray, ...values: Interpolation[]): SafeHtml {
  let out = strings[0] ?? "";
  for (let i = 0; i < values.length; i++) out += render(values[i] as Interpolation) + (strings[i + 1] ?? "");
  return new SafeHtml(out);
}

/** Trusted markup written by the code itself (an inline SVG built from numbers), never user text. */
export function raw(markup: string): SafeHtml {
  return new SafeHtml(markup);
}

/**
 * The CSS every public page carries inline (one request per page): readable at 360 px, system fonts,
 * AA contrast, visible focus, tables that scroll inside themselves, print-friendly.
 */
export const PUBLIC_CSS = `*{box-sizing:border-box}body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1a1a1a;background:#fff}
header,main,footer{max-width:60rem;margin:0 auto;padding:.75rem 1rem}header{border-bottom:3px solid #0b5394}
header a{color:#0b5394;text-decoration:none;font-weight:700}nav a{margin-right:1rem}a{color:#0b5394}
a:focus,button:focus,input:focus,select:focus,textarea:focus{outline:3px solid #e69f00;outline-offset:2px}
h1{font-size:1.5rem;line-height:1.25}h2{font-size:1.2rem}table{border-collapse:collapse;width:100%}
th,td{text-align:left;padding:.35rem .5rem;border-bottom:1px solid #ccc;vertical-align:top}td.n,th.n{text-align:right}
.scroll{overflow-x:auto}label{display:block;font-weight:600;margin-top:.75rem}
input,select,textarea{font:inherit;width:100%;max-width:30rem;padding:.5rem;border:1px solid #555;border-radius:4px}
button,.button{font:inherit;background:#0b5394;color:#fff;border:0;border-radius:4px;padding:.6rem 1.2rem;margin-top:1rem;cursor:pointer;text-decoration:none;display:inline-block}
.note{color:#444;font-size:.9rem}.error{color:#a00000;font-weight:600}.ok{color:#0a6b2d;font-weight:600}
.card{border:1px solid #ccc;border-radius:6px;padding:.75rem 1rem;margin:.75rem 0}footer{color:#444;font-size:.85rem;border-top:1px solid #ccc}
@media print{header nav,footer,.noprint{display:none}body{font-size:12pt}}`;

export interface PublicPageOptions {
  language: Language;
  title: string;
  /** The regency's name, shown in the header ("Kabupaten Paser"). */
  regencyName: string;
  body: SafeHtml;
  /** Path of this page without query, for the language switch link. */
  path: string;
  /** Extra <head> markup (a canonical link, noindex). */
  head?: SafeHtml;
}

const SHELL_TEXT = {
  id: {
    portal: "Portal Transparansi Bansos",
    skip: "Langsung ke isi",
    programs: "Program",
    check: "Cek status",
    complaint: "Pengaduan",
    data: "Data terbuka",
    decree: "Cek SK",
    other: "English",
    footer:
      "Data pribadi dilindungi (UU 27/2022): tidak ada NIK, KK, tanggal lahir, alamat atau nomor telepon di portal ini.",
  },
  en: {
    portal: "Social Assistance Transparency Portal",
    skip: "Skip to content",
    programs: "Programs",
    check: "Check status",
    complaint: "Complaints",
    data: "Open data",
    decree: "Verify a decree",
    other: "Bahasa Indonesia",
    footer:
      "Personal data is protected (Law 27/2022): no NIK, KK, birth date, address or phone number appears on this portal.",
  },
} as const;

/** The public root; every public route lives under it so the public mode can serve it alone. */
export const PUBLIC_PREFIX = "/publik";

/** A link within the portal that keeps the visitor's language. */
export function publicHref(path: string, language: Language): string {
  if (language === "id") return path;
  return `${path}${path.includes("?") ? "&" : "?"}lang=en`;
}

export function publicPage(options: PublicPageOptions): string {
  const t = SHELL_TEXT[options.language];
  const otherLanguage: Language = options.language === "id" ? "en" : "id";
  const link = (path: string) => publicHref(path, options.language);
  return `<!doctype html>${html`<html lang="${options.language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${options.title} — ${t.portal}</title><style>${raw(PUBLIC_CSS)}</style>${options.head ?? ""}</head><body><a class="noprint" href="#isi">${t.skip}</a><header><a href="${link(PUBLIC_PREFIX)}">${t.portal} · ${options.regencyName}</a><nav aria-label="${t.portal}"><a href="${link(`${PUBLIC_PREFIX}`)}">${t.programs}</a><a href="${link(`${PUBLIC_PREFIX}/cek`)}">${t.check}</a><a href="${link(`${PUBLIC_PREFIX}/pengaduan`)}">${t.complaint}</a><a href="${link(`${PUBLIC_PREFIX}/sk`)}">${t.decree}</a><a href="${link(`${PUBLIC_PREFIX}/data`)}">${t.data}</a><a href="${publicHref(options.path, otherLanguage)}" hreflang="${otherLanguage}" lang="${otherLanguage}">${t.other}</a></nav></header><main id="isi">${options.body}</main><footer>${t.footer}</footer></body></html>`}`;
}

/** The visitor's language: `?lang=en`, else Indonesian; a shared link shows everyone the same page. */
export function publicLanguage(query: unknown): Language {
  const lang = (query as { lang?: unknown } | undefined)?.lang;
  return lang === "en" ? "en" : "id";
}
