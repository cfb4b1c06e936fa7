/**
 * The recipient's own report: after the portal's self-check (NIK and check code) each paid line asks "how much
 * did you receive in hand?". A plain HTML form, no account and no script; the form carries a short-lived token
 * bound by a server key to that line and that person, so a report can only be made by someone who just passed
 * the self-check. Nothing personal is shown: the amount the bank paid and its date, which the recipient knows.
 */
import rateLimit from "@fastify/rate-limit";
import type { FastifyInstance, FastifyReply } from "fastify";
import { DomainError } from "../i18n/domain-error.ts";
import { createTranslator, type Language } from "../i18n/index.ts";
import {
  addSelfCheckSection,
  html,
  PUBLIC_PREFIX,
  publicHref,
  publicLanguage,
  publicPage,
  type SelfCheckSection,
  type SelfCheckStatus,
} from "../portal/index.ts";
import type { Salur } from "../runtime.ts";
import { RECEIPT_MESSAGES } from "./messages.ts";
import { receiptsOf } from "./routes.ts";
import { recordConfirmation } from "./service.ts";
import * as store from "./store.ts";

export const RECEIPT_PATH = `${PUBLIC_PREFIX}/terima`;
const TOKEN_MINUTES = 30;
/** Like the complaint form: villages share addresses behind NAT, so the limit is generous per address. */
const PER_ADDRESS_PER_MINUTE = 60;

const translate = createTranslator(RECEIPT_MESSAGES);

const TEXT = {
  id: {
    title: "Berapa yang Anda terima di tangan?",
    intro:
      "Bank mencatat bantuan di bawah ini sudah dibayar. Jawaban Anda tidak diteruskan ke desa; bila ada kekurangan, Inspektorat yang menanganinya.",
    paid: "Dibayar bank",
    on: "tanggal",
    full: "Saya menerima seluruhnya",
    less: "Saya menerima kurang",
    none: "Saya tidak menerima",
    amount: "Jumlah yang diterima di tangan (Rp), bila kurang",
    askedBy: "Siapa yang meminta potongan (boleh dikosongkan)",
    askedWhy: "Alasan yang disebutkan (boleh dikosongkan)",
    send: "Kirim jawaban",
    thanks: "Terima kasih, jawaban Anda sudah dicatat.",
    complaint: "Kekurangan ini dicatat sebagai pengaduan untuk Inspektorat. Kode pelacakan Anda:",
    track: "Lihat status pengaduan",
    expired: "Formulir ini sudah kedaluwarsa. Periksa status Anda lagi, lalu isi ulang.",
    back: "Kembali ke cek status",
    answered: "Sudah dijawab",
  },
  en: {
    title: "How much did you receive in hand?",
    intro:
      "The bank records the assistance below as paid. Your answer is not passed to the desa; if anything is missing, the Inspektorat handles it.",
    paid: "Paid by the bank",
    on: "on",
    full: "I received all of it",
    less: "I received less",
    none: "I did not receive it",
    amount: "Amount received in hand (Rp), if less",
    askedBy: "Who asked for a cut (optional)",
    askedWhy: "The reason they gave (optional)",
    send: "Send answer",
    thanks: "Thank you, your answer has been recorded.",
    complaint: "The shortfall has been recorded as a complaint for the Inspektorat. Your tracking code:",
    track: "See the complaint's status",
    expired: "This form has expired. Check your status again, then fill it in again.",
    back: "Back to the status check",
    answered: "Already answered",
  },
} as const;

const rupiah = (amount: number) => `Rp${amount.toLocaleString("id-ID")}`;

function tokenFor(salur: Salur, lineId: string, personId: string, expires: number): string {
  const mac = salur.vault.commitment("receipt-form", `${lineId}.${personId}.${expires}`);
  return `${lineId}.${personId}.${expires}.${mac}`;
}

function readToken(salur: Salur, token: string, now: number): { lineId: string } | null {
  const [lineId, personId, expiresText, mac] = token.split(".");
  const expires = Number(expiresText);
  if (!lineId || !personId || !mac || !Number.isFinite(expires) || expires < now) return null;
  return tokenFor(salur, lineId, personId, expires) === token ? { lineId } : null;
}

const PAID_STATUSES: ReadonlySet<SelfCheckStatus["status"]> = new Set([
  "paid",
  "received",
  "payment_problem",
]);

/** One section for every Salur in the process: it answers from the portal it is called with. */
const receiptSection: SelfCheckSection = async ({ portal, personId, statuses, language }) => {
  // A paid line exists only for an application the bank paid; the others have nothing to ask about.
  if (!statuses.some((s) => PAID_STATUSES.has(s.status))) return null;
  const salur = portal.salur;
  const lines = await store.paidLinesOfPerson(salur.database.db, personId);
  if (lines.length === 0) return null;
  const t = TEXT[language];
  const expires = Date.now() + TOKEN_MINUTES * 60_000;
  return html`<section class="card" data-section="receipt"><h2>${t.title}</h2><p class="note">${t.intro}</p>${lines.map(
    (line, i) =>
      html`<div class="card"><p>${t.paid}: <strong>${rupiah(line.amount)}</strong>${line.paidOn ? html` ${t.on} ${line.paidOn}` : ""}</p>${
        line.portalAnswered
          ? html`<p class="ok">${t.answered}</p>`
          : html`<form method="post" action="${publicHref(RECEIPT_PATH, language)}"><input type="hidden" name="token" value="${tokenFor(salur, line.id, personId, expires)}"><fieldset><legend>${t.title}</legend><label><input type="radio" name="jawaban" value="received_full" required> ${t.full}</label><br><label><input type="radio" name="jawaban" value="received_less"> ${t.less}</label><br><label><input type="radio" name="jawaban" value="not_received"> ${t.none}</label></fieldset><label for="jumlah-${i}">${t.amount}</label><input id="jumlah-${i}" name="jumlah" inputmode="numeric" autocomplete="off"><label for="peminta-${i}">${t.askedBy}</label><input id="peminta-${i}" name="peminta" maxlength="200" autocomplete="off"><label for="alasan-${i}">${t.askedWhy}</label><input id="alasan-${i}" name="alasan" maxlength="1000" autocomplete="off"><button type="submit">${t.send}</button></form>`
      }</div>`,
  )}</section>`;
};

function page(
  reply: FastifyReply,
  salur: Salur,
  language: Language,
  status: number,
  body: ReturnType<typeof html>,
) {
  const t = TEXT[language];
  return reply
    .status(status)
    .headers({
      "content-security-policy":
        "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
      "x-content-type-options": "nosniff",
      "referrer-policy": "no-referrer",
      "x-frame-options": "DENY",
      "cache-control": "no-store",
    })
    .type("text/html; charset=utf-8")
    .send(
      publicPage({
        language,
        title: t.title,
        regencyName: salur.regions.get(salur.config.regencyCode)?.name ?? salur.config.regencyCode,
        path: RECEIPT_PATH,
        body,
      }),
    );
}

/** Digits only: "550.000", "Rp 550.000" and "550000" all read 550000. */
function amountOf(text: string): number | null {
  const digits = text.replace(/\D/g, "");
  return digits.length > 0 && digits.length <= 12 ? Number(digits) : null;
}

export async function registerReceiptPublicRoutes(app: FastifyInstance, salur: Salur): Promise<void> {
  addSelfCheckSection(receiptSection);
  const r = receiptsOf(salur);
  await app.register(rateLimit, { global: false });
  app.addContentTypeParser(
    "application/x-www-form-urlencoded",
    { parseAs: "string", bodyLimit: 8_192 },
    (_req, body, done) => done(null, Object.fromEntries(new URLSearchParams(String(body)))),
  );
  app.post<{ Body: Record<string, string> | undefined }>(
    RECEIPT_PATH,
    { config: { rateLimit: { max: PER_ADDRESS_PER_MINUTE, timeWindow: 60_000 } } },
    async (request, reply) => {
      const language = publicLanguage(request.query);
      const t = TEXT[language];
      const form = request.body ?? {};
      const back = html`<p><a href="${publicHref(`${PUBLIC_PREFIX}/cek`, language)}">${t.back}</a></p>`;
      const token = readToken(salur, String(form.token ?? ""), Date.now());
      if (!token)
        return page(
          reply,
          salur,
          language,
          410,
          html`<h1>${t.title}</h1><p class="error" role="alert">${t.expired}</p>${back}`,
        );
      const answer = String(form.jawaban ?? "");
      if (answer !== "received_full" && answer !== "received_less" && answer !== "not_received")
        return page(
          reply,
          salur,
          language,
          422,
          html`<h1>${t.title}</h1><p class="error" role="alert">${t.expired}</p>${back}`,
        );
      try {
        const result = await salur.database.db.transaction((tx) =>
          recordConfirmation(r, tx, null, {
            lineId: token.lineId,
            channel: "portal",
            answer,
            receivedAmount: answer === "received_less" ? amountOf(String(form.jumlah ?? "")) : null,
            askedBy: String(form.peminta ?? "").slice(0, 200),
            askedWhy: String(form.alasan ?? "").slice(0, 1000),
          }),
        );
        const complaint = result.complaintCode
          ? html`<p>${t.complaint} <strong data-tracking-code>${result.complaintCode}</strong></p><p><a href="${publicHref(`${PUBLIC_PREFIX}/pengaduan/status?kode=${result.complaintCode}`, language)}">${t.track}</a></p>`
          : "";
        return page(
          reply,
          salur,
          language,
          201,
          html`<h1>${t.title}</h1><p class="ok" role="status" data-state="recorded">${t.thanks}</p>${complaint}${back}`,
        );
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        return page(
          reply,
          salur,
          language,
          error.status,
          html`<h1>${t.title}</h1><p class="error" role="alert">${translate(error.code, error.params, language)}</p>${back}`,
        );
      }
    },
  );
}
