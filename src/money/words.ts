/**
 * Amounts in words, as decrees, cover letters and receipts print them beside the figures ("terbilang"): a
 * figure can be altered with one stroke, the words cannot. Pure; rupiah are whole numbers.
 */
import type { Language } from "../i18n/index.ts";

const ID_UNITS = [
  "",
  "satu",
  "dua",
  "tiga",
  "empat",
  "lima",
  "enam",
  "tujuh",
  "delapan",
  "sembilan",
  "sepuluh",
  "sebelas",
];
const ID_SCALES = ["", "ribu", "juta", "miliar", "triliun"];

function indonesianBelowThousand(n: number): string {
  if (n < 12) return ID_UNITS[n] ?? "";
  if (n < 20) return `${ID_UNITS[n - 10]} belas`;
  if (n < 100) {
    const rest = n % 10;
    return `${ID_UNITS[Math.floor(n / 10)]} puluh${rest ? ` ${ID_UNITS[rest]}` : ""}`;
  }
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  const head = hundreds === 1 ? "seratus" : `${ID_UNITS[hundreds]} ratus`;
  return rest ? `${head} ${indonesianBelowThousand(rest)}` : head;
}

const EN_UNITS = [
  "",
  "one",
  "two",
  "three",
  "four",
  "five",
  "six",
  "seven",
  "eight",
  "nine",
  "ten",
  "eleven",
  "twelve",
  "thirteen",
  "fourteen",
  "fifteen",
  "sixteen",
  "seventeen",
  "eighteen",
  "nineteen",
];
const EN_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];
const EN_SCALES = ["", "thousand", "million", "billion", "trillion"];

function englishBelowThousand(n: number): string {
  if (n < 20) return EN_UNITS[n] ?? "";
  if (n < 100) {
    const rest = n % 10;
    return `${EN_TENS[Math.floor(n / 10)]}${rest ? `-${EN_UNITS[rest]}` : ""}`;
  }
  const rest = n % 100;
  const head = `${EN_UNITS[Math.floor(n / 100)]} hundred`;
  return rest ? `${head} ${englishBelowThousand(rest)}` : head;
}

/** Splits into groups of three digits, lowest first. */
function thousands(n: number): number[] {
  const groups: number[] = [];
  for (let rest = n; rest > 0; rest = Math.floor(rest / 1000)) groups.push(rest % 1000);
  return groups;
}

/** "dua juta empat ratus ribu rupiah" / "two million four hundred thousand rupiah". */
export function rupiahInWords(amount: number, language: Language = "id"): string {
  if (!Number.isSafeInteger(amount) || amount < 0 || amount >= 1e15)
    throw new RangeError(`rupiahInWords: ${amount} is not a whole rupiah amount below one quadrillion`);
  if (amount === 0) return language === "id" ? "nol rupiah" : "zero rupiah";
  const words = thousands(amount)
    .map((group, scale) => {
      if (group === 0) return "";
      if (language === "id") {
        // Indonesian says "seribu", never "satu ribu"; higher scales keep "satu juta".
        if (scale === 1 && group === 1) return "seribu";
        return [indonesianBelowThousand(group), ID_SCALES[scale]].filter(Boolean).join(" ");
      }
      return [englishBelowThousand(group), EN_SCALES[scale]].filter(Boolean).join(" ");
    })
    .filter(Boolean)
    .reverse()
    .join(" ");
  return `${words} rupiah`;
}

/** "Rp2.400.000" — the figure as Indonesian documents print it (dot thousands separator, no decimals). */
export function formatRupiahFigure(amount: number): string {
  const sign = amount < 0 ? "-" : "";
  return `${sign}Rp${Math.abs(amount)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ".")}`;
}
