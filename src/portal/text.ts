/** The portal's page texts in Bahasa Indonesia and English (pure). Coded error texts live in messages.ts. */
import type { Language } from "../i18n/index.ts";

const ID = {
  homeTitle: "Program bantuan sosial",
  homeIntro:
    "Anggaran, kuota, realisasi dan daftar penerima yang diumumkan. Semua angka berasal dari publikasi resmi yang ditandatangani dengan sidik SHA-256.",
  noPublications: "Belum ada publikasi.",
  program: "Program",
  agency: "Dinas",
  period: "Tahap",
  budget: "Anggaran",
  quota: "Kuota",
  amountPerRecipient: "Nilai per penerima",
  realised: "Realisasi (sudah disalurkan)",
  stages: {
    registered: "Terdaftar",
    verified: "Terverifikasi",
    proposed: "Diusulkan",
    approved: "Ditetapkan (SK)",
    paid: "Disalurkan",
  },
  kinds: { statistics: "Statistik", sanggah: "Daftar usulan (masa sanggah)", decree: "Daftar penerima (SK)" },
  timeline: "Tahapan",
  objections: "Sanggahan masyarakat",
  receipts: "Yang sampai di tangan penerima",
  receiptsOutcome:
    "{confirmed} penerima menjawab berapa yang mereka terima di tangan; {leakage} dari uang yang dibayar bank kepada mereka tidak sampai.",
  receiptsWithheld: "Kurang dari 5 penerima menjawab: angkanya tidak ditampilkan.",
  receiptsConfirmed: "Penerima yang menjawab",
  receiptsLeakage: "Tidak sampai di tangan",
  objectionsOutcome:
    "{upheld} diterima (nama dikeluarkan dari daftar), {dismissed} ditolak, {open} masih diperiksa.",
  periodRuns: "Masa tahap",
  publishedOn: "Diumumkan",
  objectionUntil: "Sanggahan dapat diajukan sampai",
  perDistrict: "Per kecamatan",
  perVillage: "Per desa",
  district: "Kecamatan",
  village: "Desa/Kelurahan",
  persons: "orang",
  suppressed: "<5",
  suppressedNote: "“<5”: angka di bawah 5 orang disembunyikan agar tidak ada orang yang dapat dikenali.",
  publication: "Publikasi",
  fingerprint: "Sidik SHA-256",
  downloadSnapshot: "Unduh publikasi (JSON kanonik)",
  superseded: "Publikasi ini sudah digantikan oleh publikasi yang lebih baru",
  current: "Publikasi terbaru",
  earlier: "Publikasi sebelumnya",
  lists: "Daftar per desa",
  listOf: "Daftar",
  name: "Nama",
  rtRw: "RT/RW",
  business: "Usaha",
  object: "Sanggah",
  objectLink: "Ajukan sanggahan",
  listEmpty: "Tidak ada nama dalam daftar desa ini.",
  namePolicyNote:
    "Nama ditulis dengan nama depan dan inisial. Nama lengkap hanya dicetak pada pengumuman di balai desa.",
  objectTitle: "Ajukan sanggahan",
  objectIntro:
    "Anda mengenal orang ini dan menurut Anda ia tidak layak menerima bantuan? Tuliskan alasannya. Tidak perlu akun. Identitas Anda tidak diperlihatkan kepada desa. Sanggahan diperiksa petugas; nama tidak dihapus otomatis.",
  reasonCode: "Alasan",
  reasonText: "Penjelasan (wajib)",
  contact: "Kontak Anda (tidak wajib, hanya untuk petugas kabupaten)",
  send: "Kirim",
  objectionReceived: "Sanggahan diterima",
  objectionReceivedText: "Terima kasih. Sanggahan Anda masuk antrean verifikasi petugas. Nomor sanggahan:",
  objectionClosed: "Masa sanggah untuk daftar ini sudah berakhir.",
  objectionReasons: {
    not_poor: "Tidak termasuk keluarga miskin/rentan",
    not_resident: "Bukan warga desa ini",
    deceased: "Sudah meninggal",
    duplicate: "Terdaftar ganda",
    civil_servant: "ASN/TNI/Polri",
    already_assisted: "Sudah menerima bantuan lain",
    other: "Lainnya",
  },
  checkTitle: "Cek status",
  checkIntro:
    "Masukkan NIK Anda dan kode cek yang tercetak pada tanda terima pendaftaran (atau minta di balai desa dengan menunjukkan KTP).",
  nik: "NIK (16 angka)",
  checkCode: "Kode cek (8 karakter)",
  check: "Cek",
  checkNoMatch: "NIK dan kode cek tidak cocok dengan data kami.",
  checkThrottled:
    "Terlalu banyak percobaan. Coba lagi besok, atau datang ke balai desa dengan KTP untuk menanyakan status Anda.",
  checkNoApplications: "Belum ada pendaftaran program atas NIK ini.",
  checkResult: "Status Anda",
  status: "Status",
  since: "Sejak",
  publicStatus: {
    draft: "Belum diajukan",
    in_process: "Sedang diproses",
    proposed: "Diusulkan, masa sanggah",
    approved: "Ditetapkan sebagai penerima (SK)",
    paid: "Bantuan sudah disalurkan",
    received: "Bantuan sudah diterima",
    not_continued: "Tidak dilanjutkan",
    payment_problem: "Penyaluran bermasalah, hubungi dinas",
  },
  dataTitle: "Data terbuka",
  dataIntro:
    "Jumlah orang dan nilai bantuan per desa untuk setiap program dan tahap, dalam CSV dan JSON, dengan kamus data dan metadata DCAT/CKAN. Lisensi: CC BY 4.0.",
  dictionary: "Kamus data",
  catalog: "Katalog DCAT (JSON-LD)",
  dataset: "Dataset",
  field: "Kolom",
  type: "Jenis",
  meaning: "Arti",
  notFoundTitle: "Halaman tidak ditemukan",
  notFoundText: "Alamat ini tidak ada di portal.",
  back: "Kembali ke beranda portal",
  badRequest: "Isian belum benar",
  print: "Cetak",
} as const;

type Text = typeof ID;
type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

const EN: Widen<Text> = {
  homeTitle: "Social assistance programs",
  homeIntro:
    "Budgets, quotas, realisation and the published lists of recipients. Every figure comes from an official publication fingerprinted with SHA-256.",
  noPublications: "Nothing has been published yet.",
  program: "Program",
  agency: "Agency",
  period: "Period",
  budget: "Budget",
  quota: "Quota",
  amountPerRecipient: "Amount per recipient",
  realised: "Realised (paid out)",
  stages: {
    registered: "Registered",
    verified: "Verified",
    proposed: "Proposed",
    approved: "Decreed",
    paid: "Paid",
  },
  kinds: {
    statistics: "Statistics",
    sanggah: "Proposed list (objection period)",
    decree: "Recipient list (decree)",
  },
  timeline: "Stages",
  objections: "Objections from the public",
  receipts: "What reached the recipients' hands",
  receiptsOutcome:
    "{confirmed} recipients told how much reached their hands; {leakage} of what the bank paid them did not.",
  receiptsWithheld: "Fewer than 5 recipients answered: the figure is not shown.",
  receiptsConfirmed: "Recipients who answered",
  receiptsLeakage: "Did not reach their hands",
  objectionsOutcome:
    "{upheld} upheld (the name left the list), {dismissed} dismissed, {open} still under review.",
  periodRuns: "Period runs",
  publishedOn: "Published",
  objectionUntil: "Objections may be filed until",
  perDistrict: "Per kecamatan (sub-district)",
  perVillage: "Per desa (village)",
  district: "Kecamatan",
  village: "Desa/Kelurahan",
  persons: "persons",
  suppressed: "<5",
  suppressedNote: "“<5”: figures below 5 persons are withheld so that nobody can be singled out.",
  publication: "Publication",
  fingerprint: "SHA-256 fingerprint",
  downloadSnapshot: "Download the publication (canonical JSON)",
  superseded: "This publication has been superseded by a newer one",
  current: "Latest publication",
  earlier: "Earlier publications",
  lists: "Lists per desa",
  listOf: "List",
  name: "Name",
  rtRw: "RT/RW",
  business: "Business",
  object: "Object",
  objectLink: "File an objection",
  listEmpty: "Nobody is listed in this desa.",
  namePolicyNote:
    "Names show the first name and initials. Full names are printed only on the notice at the village hall.",
  objectTitle: "File an objection",
  objectIntro:
    "You know this person and believe they should not receive aid? Say why. No account is needed. Your identity is not shown to the desa. Officials review each objection; nobody is removed automatically.",
  reasonCode: "Reason",
  reasonText: "Explanation (required)",
  contact: "Your contact (optional, for regency officials only)",
  send: "Send",
  objectionReceived: "Objection received",
  objectionReceivedText:
    "Thank you. Your objection is in the officials' verification queue. Objection number:",
  objectionClosed: "The objection period of this list has ended.",
  objectionReasons: {
    not_poor: "Not a poor or vulnerable household",
    not_resident: "Does not live in this desa",
    deceased: "Deceased",
    duplicate: "Registered twice",
    civil_servant: "Civil servant, army or police",
    already_assisted: "Already receives other aid",
    other: "Other",
  },
  checkTitle: "Check status",
  checkIntro:
    "Enter your NIK and the check code printed on your registration receipt (or ask for it at the village hall with your KTP).",
  nik: "NIK (16 digits)",
  checkCode: "Check code (8 characters)",
  check: "Check",
  checkNoMatch: "The NIK and check code do not match our records.",
  checkThrottled: "Too many tries. Try again tomorrow, or ask at the village hall with your KTP.",
  checkNoApplications: "No program applications under this NIK yet.",
  checkResult: "Your status",
  status: "Status",
  since: "Since",
  publicStatus: {
    draft: "Not submitted yet",
    in_process: "Being processed",
    proposed: "Proposed, objection period",
    approved: "Decreed as a recipient",
    paid: "Aid paid out",
    received: "Aid received",
    not_continued: "Not continued",
    payment_problem: "Payment problem, contact the agency",
  },
  dataTitle: "Open data",
  dataIntro:
    "Numbers of persons and amounts of aid per desa for every program and period, as CSV and JSON, with a data dictionary and DCAT/CKAN metadata. Licence: CC BY 4.0.",
  dictionary: "Data dictionary",
  catalog: "DCAT catalogue (JSON-LD)",
  dataset: "Dataset",
  field: "Field",
  type: "Type",
  meaning: "Meaning",
  notFoundTitle: "Page not found",
  notFoundText: "There is no such page on the portal.",
  back: "Back to the portal's home",
  badRequest: "Please correct the form",
  print: "Print",
};

export type PortalText = Widen<Text>;
export function portalText(language: Language): PortalText {
  return language === "en" ? EN : ID;
}

export function formatRupiah(amount: number, language: Language): string {
  return `Rp ${amount.toLocaleString(language === "en" ? "en-US" : "id-ID")}`;
}

export function formatCount(n: number, language: Language): string {
  return n.toLocaleString(language === "en" ? "en-US" : "id-ID");
}

/** One formatter per language: building an Intl.DateTimeFormat costs far more than formatting with it. */
const DATE_FORMATS = {
  id: new Intl.DateTimeFormat("id-ID", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "Asia/Jakarta",
  }),
  en: new Intl.DateTimeFormat("en-GB", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "Asia/Jakarta",
  }),
};

export function formatDate(iso: string, language: Language): string {
  return DATE_FORMATS[language === "en" ? "en" : "id"].format(
    new Date(iso.length === 10 ? `${iso}T12:00:00+07:00` : iso),
  );
}
