import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from "react";
import { DEFAULT_LANGUAGE, LANGUAGES, type Language, type MessageParams } from "../../../src/i18n/index.ts";
import { type MessageCode, translate } from "./catalog.ts";
import { formatNumber } from "./format.ts";

const STORAGE_KEY = "salur.language";

/** The language the API client sends as Accept-Language; kept outside React so fetches made anywhere agree. */
let currentLanguage: Language = readStoredLanguage();

export function activeLanguage(): Language {
  return currentLanguage;
}

function readStoredLanguage(): Language {
  try {
    const stored = globalThis.localStorage?.getItem(STORAGE_KEY);
    return LANGUAGES.includes(stored as Language) ? (stored as Language) : DEFAULT_LANGUAGE;
  } catch {
    // Private browsing on some phones throws on localStorage access; Indonesian is the safe default.
    return DEFAULT_LANGUAGE;
  }
}

interface LanguageState {
  language: Language;
  setLanguage(language: Language): void;
}

const LanguageContext = createContext<LanguageState | null>(null);

export function LanguageProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(currentLanguage);
  const setLanguage = useCallback((next: Language) => {
    currentLanguage = next;
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Not remembered across visits, but the switch still applies now.
    }
    setLanguageState(next);
  }, []);
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  const value = useMemo(() => ({ language, setLanguage }), [language, setLanguage]);
  return <LanguageContext.Provider value={value}>{children}</LanguageContext.Provider>;
}

export function useLanguage(): LanguageState {
  const state = useContext(LanguageContext);
  if (!state) throw new Error("useLanguage outside LanguageProvider");
  return state;
}

export type Translate = ((code: MessageCode, params?: MessageParams) => string) & {
  /** For codes that arrive at run time (server errors, enum values); unknown codes fall back to `fallback`. */
  code(code: string, params?: MessageParams, fallback?: string): string;
  language: Language;
};

/** Identifiers that are numbers but never written with separators (a year, a code, a version). */
const NOT_QUANTITIES = /year|tahun|code|id$|seq|sha|version|nik|kk|rt|rw|run/i;

/** Counts in a message get thousands separators ("1.304 pendaftar"), whoever built the parameters. */
function withSeparators(params: MessageParams | undefined, language: Language): MessageParams | undefined {
  if (!params) return params;
  let out: MessageParams | undefined;
  for (const [key, value] of Object.entries(params)) {
    if (typeof value !== "number" || !Number.isInteger(value) || Math.abs(value) < 1000) continue;
    if (NOT_QUANTITIES.test(key)) continue;
    out ??= { ...params };
    out[key] = formatNumber(value, language);
  }
  return out ?? params;
}

/** The translator for the chosen language: `t("PERSON_LIST_TITLE")`, `t.code(error.code, error.params)`. */
export function useT(): Translate {
  const { language } = useLanguage();
  return useMemo(() => {
    const t = ((code: MessageCode, params?: MessageParams) =>
      translate(code, withSeparators(params, language), language)) as Translate;
    t.code = (code, params, fallback) => {
      const text = translate(code, withSeparators(params, language), language);
      // An unknown code, or a template whose parameters did not arrive: the server's own sentence is better
      // than a raw code or a "{count}" on screen.
      return (text === code || /\{\w+\}/.test(text)) && fallback !== undefined ? fallback : text;
    };
    t.language = language;
    return t;
  }, [language]);
}
