import {
  type CSSVariablesResolver,
  createTheme,
  DEFAULT_THEME,
  type MantineColorsTuple,
  Pagination,
  TableScrollContainer,
} from "@mantine/core";
import { activeLanguage } from "../i18n/language.tsx";

/** Names for the arrow buttons of every pagination, read out by screen readers (axe: button-name). */
const PAGINATION_CONTROLS = {
  id: {
    first: "Halaman pertama",
    previous: "Halaman sebelumnya",
    next: "Halaman berikutnya",
    last: "Halaman terakhir",
  },
  en: { first: "First page", previous: "Previous page", next: "Next page", last: "Last page" },
} as const;

/** A palette with its darkest shades replaced, so text in them (c="orange.9") reads on white and on shade 0. */
function darkened(name: "orange" | "yellow" | "green", dark: readonly string[]): MantineColorsTuple {
  const base = DEFAULT_THEME.colors[name];
  return [...base.slice(0, 10 - dark.length), ...dark] as unknown as MantineColorsTuple;
}

/**
 * Mantine's orange 9 is 4.3:1 on white, yellow 9 3.0:1, green 9 4.4:1 (axe: color-contrast, under 4.5:1);
 * these reach 4.5:1 or more on white and on the palette's own shade 0.
 */
const COLORS = {
  orange: darkened("orange", ["#c2410c", "#b5400b", "#a63c06"]),
  yellow: darkened("yellow", ["#9c6500", "#8a5a00", "#6b4c00"]),
  green: darkened("green", ["#237a38", "#1f6b30"]),
};

/**
 * Colours chosen for WCAG AA contrast on a bright phone screen outdoors: the primary is cyan 9 (5.6:1 on
 * white), secondary text gray 7 and error text red 9 instead of Mantine's lighter defaults (3.3:1).
 */
export const theme = createTheme({
  primaryColor: "cyan",
  colors: COLORS,
  primaryShade: { light: 9, dark: 5 },
  defaultRadius: "md",
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif',
  headings: { fontWeight: "700" },
  cursorType: "pointer",
  focusRing: "auto",
  autoContrast: true,
  components: {
    Pagination: Pagination.extend({
      defaultProps: {
        getControlProps: (control) => ({ "aria-label": PAGINATION_CONTROLS[activeLanguage()][control] }),
      },
    }),
    // A table wider than a phone scrolls sideways: the region takes focus so a keyboard can scroll it.
    TableScrollContainer: TableScrollContainer.extend({
      defaultProps: { scrollAreaProps: { viewportProps: { tabIndex: 0 } } },
    }),
  },
});

/**
 * Text of light badges and alerts: Mantine's shade 6 on its own 10 % tint is about 3:1; these reach 4.5:1
 * (orange, yellow, lime and green need darker than their shade 9).
 */
const LIGHT_TEXT: Record<string, string> = {
  teal: "#06604a",
  green: "#1f6b30",
  cyan: "var(--mantine-color-cyan-9)",
  blue: "var(--mantine-color-blue-9)",
  indigo: "var(--mantine-color-indigo-9)",
  violet: "var(--mantine-color-violet-9)",
  grape: "var(--mantine-color-grape-9)",
  pink: "var(--mantine-color-pink-9)",
  red: "var(--mantine-color-red-9)",
  orange: "#8a3405",
  yellow: "#6b4c00",
  lime: "#3b5c0a",
  gray: "var(--mantine-color-gray-8)",
  dark: "var(--mantine-color-dark-8)",
};

export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    "--mantine-color-dimmed": "var(--mantine-color-gray-7)",
    "--mantine-color-error": "var(--mantine-color-red-9)",
    // Gray 6 is 3.3:1; an empty file input shows its placeholder as text (axe: color-contrast). 4.9:1, still lighter
    // than a value.
    "--mantine-color-placeholder": "#6a7178",
    // A field fixed by the officer's area is disabled but must stay readable.
    "--mantine-color-disabled-color": "var(--mantine-color-gray-7)",
    ...Object.fromEntries(
      Object.entries(LIGHT_TEXT).map(([color, text]) => [`--mantine-color-${color}-light-color`, text]),
    ),
  },
  dark: {},
});
