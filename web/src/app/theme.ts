import { type CSSVariablesResolver, createTheme } from "@mantine/core";

/**
 * Colours chosen for WCAG AA contrast on a bright phone screen outdoors: the primary is cyan 9 (5.6:1 on
 * white), secondary text gray 7 and error text red 9 instead of Mantine's lighter defaults (3.3:1).
 */
export const theme = createTheme({
  primaryColor: "cyan",
  primaryShade: { light: 9, dark: 5 },
  defaultRadius: "md",
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif',
  headings: { fontWeight: "700" },
  cursorType: "pointer",
  focusRing: "auto",
  autoContrast: true,
});

export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    "--mantine-color-dimmed": "var(--mantine-color-gray-7)",
    "--mantine-color-error": "var(--mantine-color-red-9)",
    "--mantine-color-placeholder": "var(--mantine-color-gray-6)",
    // A field fixed by the officer's area is disabled but must stay readable.
    "--mantine-color-disabled-color": "var(--mantine-color-gray-7)",
  },
  dark: {},
});
