/**
 * The one i18n mechanism of Salur: every user-facing text is a message code with an Indonesian and an English
 * template. Capabilities declare their own catalog beside their code; the HTTP layer (src/http/errors.ts) and
 * the web app merge the catalogs they need.
 * Templates use `{name}` placeholders filled from the error's parameters.
 */
export type Language = "id" | "en";
export const LANGUAGES: readonly Language[] = ["id", "en"];
export const DEFAULT_LANGUAGE: Language = "id";

export type MessageTemplate = { id: string; en: string };
export type MessageCatalog = Record<string, MessageTemplate>;
export type MessageParams = Record<string, string | number | boolean | null | undefined>;

/** Parameters that are identifiers, not quantities: a year or a row number reads without a separator. */
const PLAIN_NUMBER_PARAMS = /^(year|row|line|column|version|rt|rw|code|port|pid)$|Year$|Row$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const LOCALES: Record<Language, string> = { id: "id-ID", en: "en-GB" };

/**
 * The one way a message shows a parameter: quantities with the language's thousands separator (1.304 in
 * Indonesian, 1,304 in English) and calendar dates spelled out ("5 Februari 2026"), whatever the device.
 */
export function formatParam(name: string, value: string | number | boolean, language: Language): string {
  if (typeof value === "number" && Number.isFinite(value) && !PLAIN_NUMBER_PARAMS.test(name))
    return new Intl.NumberFormat(LOCALES[language], { maximumFractionDigits: 3 }).format(value);
  if (typeof value === "string" && ISO_DATE.test(value)) {
    const date = new Date(`${value}T00:00:00Z`);
    if (!Number.isNaN(date.getTime()))
      return new Intl.DateTimeFormat(LOCALES[language], {
        day: "numeric",
        month: "long",
        year: "numeric",
        timeZone: "UTC",
      }).format(date);
  }
  return String(value);
}

export function formatTemplate(
  template: string,
  params: MessageParams = {},
  language: Language = DEFAULT_LANGUAGE,
): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined || value === null ? whole : formatParam(name, value, language);
  });
}

/** Builds a translator over a set of catalogs; an unknown code falls back to the code itself so nothing is lost. */
export function createTranslator(...catalogs: MessageCatalog[]) {
  const merged: MessageCatalog = Object.assign({}, ...catalogs);
  return function translate(code: string, params: MessageParams = {}, language: Language = DEFAULT_LANGUAGE) {
    const template = merged[code];
    return template ? formatTemplate(template[language], params, language) : code;
  };
}

/** Picks id or en from an Accept-Language header (q-values honoured); Indonesian when nothing matches. */
export function languageFromHeader(header: string | undefined | null): Language {
  if (!header) return DEFAULT_LANGUAGE;
  const ranked = header
    .split(",")
    .map((part) => {
      const [tag = "", ...rest] = part.trim().split(";");
      const q = rest.map((r) => r.trim()).find((r) => r.startsWith("q="));
      return { tag: tag.toLowerCase(), q: q ? Number(q.slice(2)) : 1 };
    })
    .filter((r) => r.tag && !Number.isNaN(r.q))
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    const primary = tag.split("-")[0];
    if (primary === "id" || primary === "in") return "id";
    if (primary === "en") return "en";
  }
  return DEFAULT_LANGUAGE;
}
