import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from "react";
import { DEFAULT_LANGUAGE, LANGUAGES, type Language, type MessageParams } from "../../../src/i18n/index.ts";
import { type MessageCode, translate } from "./catalog.ts";

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

/** The translator for the chosen language: `t("PERSON_LIST_TITLE")`, `t.code(error.code, error.params)`. */
export function useT(): Translate {
  const { language } = useLanguage();
  return useMemo(() => {
    const t = ((code: MessageCode, params?: MessageParams) => translate(code, params, language)) as Translate;
    t.code = (code, params, fallback) => {
      const text = translate(code, params, language);
      return text === code && fallback !== undefined ? fallback : text;
    };
    t.language = language;
    return t;
  }, [language]);
}
