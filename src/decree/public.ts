/**
 * The public verification page (/publik/sk): a decree by number or by the QR's id, with its count, total,
 * annex hash, Merkle root, checkpoint and status. Decided decrees are immutable but for their status, so the
 * page is served from memory: loaded once, refreshed when this process decides a decree and at most once a
 * minute otherwise. A visitor can drop the PDF or the annex CSV on the page: a small inline script hashes it in
 * the browser (the file never leaves the device) and says match / no match / cannot tell, and why.
 */
import { readFileSync } from "node:fs";
import type { FastifyInstance } from "fastify";
import type { Executor } from "../db/index.ts";
import { formatRupiahFigure, rupiahInWords } from "../money/words.ts";
import { html, PUBLIC_PREFIX, publicHref, publicLanguage, publicPage } from "../portal/html.ts";
import { indonesianDate } from "./pdf.ts";
import * as store from "./store.ts";

export interface PublicDecree {
  id: string;
  number: string;
  decreedOn: string;
  programName: string;
  lineCount: number;
  totalAmount: number;
  annexSha256: string;
  merkleRoot: string;
  checkpointId: number;
  checkpointRoot: string;
  status: "approved" | "amended" | "revoked";
  supersededByNumber: string | null;
  revokedReason: string | null;
  pdfSha256: string | null;
  signedPdfSha256: string | null;
}

export interface DecreePublicCache {
  find(key: string): Promise<PublicDecree | null>;
  refresh(): Promise<void>;
}

const STALE_MS = 60_000;
const PROOF_SCRIPT = readFileSync(new URL("../../scripts/verify-decree-proof.mjs", import.meta.url));

export function createDecreePublicCache(db: Executor, clock: () => number = Date.now): DecreePublicCache {
  let byKey = new Map<string, PublicDecree>();
  let loadedAt = -Infinity;
  let loading: Promise<void> | null = null;
  async function load() {
    const rows = await store.publishedDecrees(db);
    const programs = await store.programNames(db);
    const numbers = new Map(rows.map((r) => [r.id, r.number]));
    const next = new Map<string, PublicDecree>();
    for (const row of rows) {
      if (!row.number || !row.decreedOn) continue;
      const decree: PublicDecree = {
        id: row.id,
        number: row.number,
        decreedOn: row.decreedOn,
        programName: programs.get(row.programId) ?? "",
        lineCount: row.lineCount,
        totalAmount: row.totalAmount,
        annexSha256: row.annexSha256,
        merkleRoot: row.merkleRoot,
        checkpointId: row.checkpointId,
        checkpointRoot: row.checkpointRoot,
        status: row.status as PublicDecree["status"],
        supersededByNumber: row.supersededById ? (numbers.get(row.supersededById) ?? null) : null,
        revokedReason: row.revokedReason,
        pdfSha256: row.pdfSha256,
        signedPdfSha256: row.signedPdfSha256,
      };
      next.set(row.id, decree);
      next.set(row.number, decree);
    }
    byKey = next;
    loadedAt = clock();
  }
  let queued: Promise<void> | null = null;
  /**
   * A load already running may have read before the change that asks for this refresh, so the caller waits for
   * one that starts after it (shared by every refresh asked for meanwhile).
   */
  function refresh(): Promise<void> {
    if (!loading) {
      loading = load().finally(() => {
        loading = null;
      });
      return loading;
    }
    queued ??= loading
      .catch(() => {})
      .then(() => {
        queued = null;
        return refresh();
      });
    return queued;
  }
  return {
    refresh,
    async find(key) {
      if (clock() - loadedAt > STALE_MS) await refresh();
      return byKey.get(key) ?? null;
    },
  };
}

const TEXT = {
  id: {
    title: "Cek keaslian SK",
    lookup: "Nomor SK",
    search: "Cari",
    notFound: "SK dengan nomor itu tidak ditemukan di antara SK yang telah ditetapkan.",
    number: "Nomor",
    date: "Tanggal",
    program: "Program",
    count: "Jumlah penerima",
    total: "Jumlah bantuan",
    annex: "SHA-256 lampiran (CSV)",
    root: "Akar Merkle",
    checkpoint: "Checkpoint audit",
    pdf: "SHA-256 PDF (belum ditandatangani)",
    signed: "SHA-256 PDF bertanda tangan",
    none: "belum dilampirkan",
    status: "Status",
    inForce: "Berlaku",
    amended: "Diubah dengan SK",
    revoked: "Dicabut",
    drop: "Periksa berkas Anda",
    dropHelp:
      "Pilih PDF SK atau CSV lampiran. Berkas dihitung sidik jarinya (SHA-256) di perangkat Anda dan tidak dikirim ke mana pun.",
    noScript:
      "Pemeriksaan berkas memerlukan JavaScript; sidik jari di atas dapat dibandingkan dengan sha256sum.",
    proof:
      "Penerima dapat memeriksa bukti keikutsertaannya secara luring dengan skrip verify-decree-proof.mjs.",
  },
  en: {
    title: "Verify a decree",
    lookup: "Decree number",
    search: "Search",
    notFound: "No decided decree has that number.",
    number: "Number",
    date: "Date",
    program: "Program",
    count: "Recipients",
    total: "Total aid",
    annex: "Annex SHA-256 (CSV)",
    root: "Merkle root",
    checkpoint: "Audit checkpoint",
    pdf: "PDF SHA-256 (unsigned)",
    signed: "Signed PDF SHA-256",
    none: "not attached yet",
    status: "Status",
    inForce: "In force",
    amended: "Amended by decree",
    revoked: "Revoked",
    drop: "Check your file",
    dropHelp:
      "Choose the decree's PDF or the annex CSV. Its fingerprint (SHA-256) is computed on your device; the file is not sent anywhere.",
    noScript: "Checking a file needs JavaScript; the fingerprints above can be compared with sha256sum.",
    proof: "A recipient can check their inclusion proof offline with the verify-decree-proof.mjs script.",
  },
} as const;

/**
 * The browser side: WebCrypto SHA-256 of the chosen file against the fingerprints on the page. The verdict on the
 * file chosen before is cleared at once, so it is never read as the verdict on the file being checked.
 */
const CHECK_SCRIPT = `(function(){var f=document.getElementById('berkas');if(!f)return;var o=document.getElementById('hasil'),d=document.getElementById('sk').dataset,L=d.lang==='en';
function hex(b){return Array.prototype.map.call(new Uint8Array(b),function(x){return('0'+x.toString(16)).slice(-2)}).join('')}
function say(c,t){o.className=c;o.textContent=t}
if(!window.crypto||!crypto.subtle){f.addEventListener('change',function(){say('note',L?'Cannot tell: this browser cannot compute SHA-256 on this connection (it needs https). Compare the fingerprints above with sha256sum.':'Tidak dapat dipastikan: peramban ini tidak dapat menghitung SHA-256 pada sambungan ini (perlu https). Bandingkan sidik jari di atas dengan sha256sum.')});return}
f.addEventListener('change',function(){var file=f.files&&f.files[0];if(!file)return;say('note',L?'Checking…':'Memeriksa…');file.arrayBuffer().then(function(buf){var head=new TextDecoder().decode(new Uint8Array(buf.slice(0,64)));return crypto.subtle.digest('SHA-256',buf).then(function(h){h=hex(h);var pdf=head.indexOf('%PDF-')===0;
if(pdf){if(h===d.pdf||h===d.signed){say('ok',L?'Match: this PDF is the decree as approved'+(h===d.signed?' and signed.':'.'):'Cocok: PDF ini adalah SK sebagaimana disetujui'+(h===d.signed?' dan ditandatangani.':'.'));return}
if(!d.signed){say('note',L?'Cannot tell: a PDF signed or re-saved after approval has other bytes and no signed copy is recorded yet. Check the annex CSV instead.':'Tidak dapat dipastikan: PDF yang ditandatangani atau disimpan ulang setelah disetujui berbeda isinya dan salinan bertanda tangan belum dicatat. Periksa CSV lampiran.');return}
say('error',L?'No match: this PDF is neither the approved nor the signed decree.':'Tidak cocok: PDF ini bukan SK yang disetujui maupun yang ditandatangani.');return}
var text=new TextDecoder().decode(new Uint8Array(buf));if(text.indexOf('no,nama,nik,')!==0){say('note',L?'Cannot tell: this is neither a PDF nor the annex CSV.':'Tidak dapat dipastikan: berkas ini bukan PDF maupun CSV lampiran.');return}
if(h===d.annex){say('ok',L?'Match: this annex is exactly the decreed list.':'Cocok: lampiran ini persis daftar yang ditetapkan.');return}
var n=text.split('\\n').filter(function(x){return x.length>0}).length-1;say('error',(L?'No match: the annex differs from the decreed list':'Tidak cocok: lampiran berbeda dari daftar yang ditetapkan')+(n!==Number(d.count)?(L?' ('+n+' lines, the decree has '+d.count+').':' ('+n+' baris, SK memuat '+d.count+').'):(L?' (a line was changed, swapped or replaced).':' (ada baris yang diubah, ditukar atau diganti).')))})}).catch(function(){say('error','?')})})})();`;

export interface DecreePublicDeps {
  db: Executor;
  regencyName: string;
  cache?: DecreePublicCache;
}

export function decreePage(decree: PublicDecree, language: "id" | "en") {
  const t = TEXT[language];
  const status =
    decree.status === "approved"
      ? html`<span class="ok">${t.inForce}</span>`
      : decree.status === "amended"
        ? html`<span class="error">${t.amended} ${decree.supersededByNumber ?? ""}</span>`
        : html`<span class="error">${t.revoked}</span> ${decree.revokedReason ?? ""}`;
  const row = (label: string, value: unknown) =>
    html`<tr><th scope="row">${label}</th><td>${value as string}</td></tr>`;
  const code = (v: string) => html`<code style="word-break:break-all">${v}</code>`;
  return html`<h1>${t.title}</h1><div id="sk" class="card" data-lang="${language}" data-annex="${decree.annexSha256}" data-pdf="${decree.pdfSha256 ?? ""}" data-signed="${decree.signedPdfSha256 ?? ""}" data-count="${decree.lineCount}"><table>
${row(t.status, status)}${row(t.number, decree.number)}${row(t.date, indonesianDate(decree.decreedOn))}${row(t.program, decree.programName)}
${row(t.count, decree.lineCount.toLocaleString("id-ID"))}${row(t.total, `${formatRupiahFigure(decree.totalAmount)} (${rupiahInWords(decree.totalAmount, language)})`)}
${row(t.annex, code(decree.annexSha256))}${row(t.root, code(decree.merkleRoot))}${row(t.checkpoint, html`#${decree.checkpointId} ${code(decree.checkpointRoot)}`)}
${row(t.pdf, code(decree.pdfSha256 ?? t.none))}${row(t.signed, decree.signedPdfSha256 ? code(decree.signedPdfSha256) : t.none)}</table></div>
<h2>${t.drop}</h2><p class="note">${t.dropHelp}</p><label for="berkas">${t.drop}</label><input type="file" id="berkas" accept=".pdf,.csv,application/pdf,text/csv"><p id="hasil" role="status" aria-live="polite"></p><noscript><p class="note">${t.noScript}</p></noscript><p class="note">${t.proof}</p><script src="${PUBLIC_PREFIX}/sk/periksa.js" defer></script>`;
}

function searchForm(language: "id" | "en", value: string, notFound: boolean) {
  const t = TEXT[language];
  return html`<h1>${t.title}</h1><form method="get" action="${PUBLIC_PREFIX}/sk">${language === "en" ? html`<input type="hidden" name="lang" value="en">` : ""}<label for="nomor">${t.lookup}</label><input id="nomor" name="nomor" value="${value}" placeholder="846/KEP-001/2026"><button type="submit">${t.search}</button></form>${notFound ? html`<p class="error" role="alert">${t.notFound}</p>` : ""}`;
}

/** Mounts /publik/sk and /publik/sk/:id; the public mode calls it with its own Fastify instance. */
export function registerDecreePublicRoutes(app: FastifyInstance, deps: DecreePublicDeps): DecreePublicCache {
  const cache = deps.cache ?? createDecreePublicCache(deps.db);
  const send = (reply: import("fastify").FastifyReply, status: number, page: string) =>
    reply
      .status(status)
      .header("content-type", "text/html; charset=utf-8")
      .header("cache-control", "public, max-age=60")
      .send(page);
  // The offline checker a recipient runs on their proof: published beside the page, plain Node, no dependencies.
  app.get(`${PUBLIC_PREFIX}/sk/verify-decree-proof.mjs`, async (_request, reply) =>
    reply
      .header("content-type", "text/javascript; charset=utf-8")
      .header("content-disposition", 'attachment; filename="verify-decree-proof.mjs"')
      .header("cache-control", "public, max-age=3600")
      .send(PROOF_SCRIPT),
  );
  // A file of its own, not inline: the content security policy lets scripts come from Salur's own address only.
  app.get(`${PUBLIC_PREFIX}/sk/periksa.js`, async (_request, reply) =>
    reply
      .header("content-type", "text/javascript; charset=utf-8")
      .header("cache-control", "public, max-age=3600")
      .send(CHECK_SCRIPT),
  );
  app.get(`${PUBLIC_PREFIX}/sk`, async (request, reply) => {
    const language = publicLanguage(request.query);
    const nomor = String((request.query as { nomor?: unknown }).nomor ?? "")
      .trim()
      .slice(0, 80);
    const decree = nomor ? await cache.find(nomor) : null;
    const path = `${PUBLIC_PREFIX}/sk`;
    if (decree) return reply.redirect(publicHref(`${PUBLIC_PREFIX}/sk/${decree.id}`, language), 303);
    const body = searchForm(language, nomor, nomor.length > 0);
    return send(
      reply,
      nomor ? 404 : 200,
      publicPage({ language, title: TEXT[language].title, regencyName: deps.regencyName, body, path }),
    );
  });
  app.get(`${PUBLIC_PREFIX}/sk/:id`, async (request, reply) => {
    const language = publicLanguage(request.query);
    const id = String((request.params as { id: string }).id).slice(0, 80);
    const decree = await cache.find(id);
    const path = `${PUBLIC_PREFIX}/sk/${id}`;
    const body = decree ? decreePage(decree, language) : searchForm(language, "", true);
    return send(
      reply,
      decree ? 200 : 404,
      publicPage({ language, title: TEXT[language].title, regencyName: deps.regencyName, body, path }),
    );
  });
  return cache;
}
