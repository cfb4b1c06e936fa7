import type { MessageCatalog, MessageTemplate } from "../../../src/i18n/index.ts";
import { RANKING_MESSAGES } from "../../../src/ranking/messages.ts";

/** Saaty's scale labels as the server words them (one text, two catalogs), typed for the page. */
const SCALE_CODES = [
  "AHP_SCALE_1",
  "AHP_SCALE_2",
  "AHP_SCALE_3",
  "AHP_SCALE_4",
  "AHP_SCALE_5",
  "AHP_SCALE_6",
  "AHP_SCALE_7",
  "AHP_SCALE_8",
  "AHP_SCALE_9",
  "SELECTION_TIE_BREAK",
  "SELECTION_LIMITED_BY_QUOTA",
  "SELECTION_LIMITED_BY_BUDGET",
  "SELECTION_LIMITED_BY_APPLICANTS",
] as const;
const fromServer = Object.fromEntries(
  SCALE_CODES.map((code) => [code, RANKING_MESSAGES[code] as MessageTemplate]),
) as Record<(typeof SCALE_CODES)[number], MessageTemplate>;

export const RANKING_UI_MESSAGES = {
  ...fromServer,
  NAV_RANKING: { id: "Peringkat & simulasi", en: "Ranking & simulation" },
  RANKING_TITLE: { id: "Simulasi peringkat penerima (AHP)", en: "Recipient ranking simulation (AHP)" },
  RANKING_INTRO: {
    id: "Ubah bobot atau perbandingan kriteria dan lihat langsung siapa yang masuk dan keluar dari daftar penerima. Simulasi tidak mengubah data sampai model disimpan dan seleksi dijalankan.",
    en: "Change the criteria weights or comparisons and see at once who enters and leaves the recipient list. Nothing changes until the model is saved and the selection is run.",
  },
  RANKING_PROGRAM: { id: "Program", en: "Program" },
  RANKING_PERIOD: { id: "Tahap", en: "Period" },
  RANKING_CHOOSE_PROGRAM: {
    id: "Pilih program dan tahap untuk memulai simulasi.",
    en: "Choose a program and a period to start the simulation.",
  },
  RANKING_NO_PERIODS: { id: "Program ini belum memiliki tahap.", en: "This program has no periods yet." },
  RANKING_PREPARING: { id: "Menyiapkan {count} pendaftar…", en: "Preparing {count} applicants…" },
  RANKING_SUMMARY: {
    id: "{applicants} pendaftar, {eligible} memenuhi syarat; kuota {quota}, pagu {budget}, {amount} per penerima.",
    en: "{applicants} applicants, {eligible} eligible; quota {quota}, budget {budget}, {amount} per recipient.",
  },
  RANKING_MODEL_VERSION: {
    id: "Model program: versi {version}",
    en: "Program model: version {version}",
  },
  RANKING_MODEL_DEFAULT: {
    id: "Model bawaan (8 kriteria Desa Sumberejo), belum disimpan untuk program ini",
    en: "Default model (the eight Desa Sumberejo criteria), not yet saved for this program",
  },
  RANKING_WEIGHTS: { id: "Bobot kriteria", en: "Criteria weights" },
  RANKING_WEIGHT_OF: { id: "Bobot {criterion}", en: "Weight of {criterion}" },
  RANKING_WEIGHTS_OVERRIDE: {
    id: "Bobot diatur langsung; perbandingan berpasangan tidak dipakai.",
    en: "Weights set directly; the pairwise comparisons are not used.",
  },
  RANKING_RESET: { id: "Kembali ke model program", en: "Back to the program model" },
  RANKING_JUDGMENTS: {
    id: "Perbandingan berpasangan (skala Saaty)",
    en: "Pairwise comparisons (Saaty's scale)",
  },
  RANKING_JUDGMENTS_HELP: {
    id: "Untuk setiap pasangan, pilih kriteria mana yang lebih penting dan seberapa penting.",
    en: "For each pair, choose which criterion matters more, and how much.",
  },
  RANKING_PAIR: { id: "{first} dibanding {second}", en: "{first} versus {second}" },
  RANKING_JUDGMENT_EQUAL: { id: "Sama penting (1)", en: "Equally important (1)" },
  RANKING_JUDGMENT_OPTION: { id: "{criterion} {label} ({value})", en: "{criterion}: {label} ({value})" },
  RANKING_JUDGMENT_CURRENT: {
    id: "Nilai gabungan saat ini: {criterion} {value} kali",
    en: "Current aggregate value: {criterion} {value} times",
  },
  RANKING_CR: {
    id: "Rasio konsistensi (CR) {cr}",
    en: "Consistency ratio (CR) {cr}",
  },
  RANKING_CR_OK: { id: "konsisten (≤ 0,10)", en: "consistent (≤ 0.10)" },
  RANKING_CR_HIGH: {
    id: "melebihi 0,10: tinjau perbandingan yang disarankan",
    en: "above 0.10: revise the suggested comparisons",
  },
  RANKING_LAMBDA: {
    id: "λmaks {lambda}, CI {ci}, RI {ri} ({table})",
    en: "λmax {lambda}, CI {ci}, RI {ri} ({table})",
  },
  RANKING_HINTS: { id: "Saran perbaikan konsistensi", en: "How to improve consistency" },
  RANKING_HINT: {
    id: "{pair}: ubah menjadi “{suggested}” — CR menjadi {cr}",
    en: "{pair}: change to “{suggested}” — CR becomes {cr}",
  },
  RANKING_APPLY: { id: "Terapkan", en: "Apply" },
  RANKING_IMPACT: { id: "Dampak terhadap daftar penerima", en: "Effect on the recipient list" },
  RANKING_ENTERING: { id: "{count} masuk", en: "{count} enter" },
  RANKING_LEAVING: { id: "{count} keluar", en: "{count} leave" },
  RANKING_UNCHANGED: { id: "Daftar penerima tidak berubah", en: "The recipient list is unchanged" },
  RANKING_CUTOFF: { id: "Skor batas: {score}", en: "Cut-off score: {score}" },
  RANKING_SELECTED_OF: {
    id: "{selected} terpilih dari {eligible} yang memenuhi syarat",
    en: "{selected} selected of {eligible} eligible",
  },
  RANKING_VIEW: { id: "Tampilkan", en: "Show" },
  RANKING_VIEW_ALL: { id: "Peringkat", en: "Ranking" },
  RANKING_VIEW_SELECTED: { id: "Terpilih", en: "Selected" },
  RANKING_VIEW_ENTERING: { id: "Masuk", en: "Entering" },
  RANKING_VIEW_LEAVING: { id: "Keluar", en: "Leaving" },
  RANKING_VIEW_NEAR: { id: "Dekat batas", en: "Near the cut-off" },
  RANKING_TABLE: { id: "Tabel peringkat", en: "Ranking table" },
  RANKING_COL_RANK: { id: "Peringkat", en: "Rank" },
  RANKING_COL_BEFORE: { id: "Peringkat menurut model program", en: "Rank under the program model" },
  RANKING_COL_NAME: { id: "Kepala keluarga / pendaftar", en: "Head of household / applicant" },
  RANKING_COL_VILLAGE: { id: "Desa/kelurahan", en: "Village" },
  RANKING_COL_SCORE: { id: "Skor", en: "Score" },
  RANKING_COL_GAP: { id: "Selisih dari batas", en: "Gap to cut-off" },
  RANKING_COL_STATUS: { id: "Hasil", en: "Outcome" },
  RANKING_OUTSIDE_AREA: { id: "di luar wilayah Anda", en: "outside your area" },
  RANKING_STATUS_SELECTED: { id: "Terpilih", en: "Selected" },
  RANKING_STATUS_NOT_SELECTED: { id: "Belum terpilih", en: "Not selected" },
  RANKING_STATUS_ENTERS: { id: "Masuk", en: "Enters" },
  RANKING_STATUS_LEAVES: { id: "Keluar", en: "Leaves" },
  RANKING_EMPTY: { id: "Tidak ada rumah tangga pada tampilan ini.", en: "No households in this view." },
  RANKING_ROWS: { id: "{from}–{to} dari {total}", en: "{from}–{to} of {total}" },
  RANKING_SENSITIVITY: { id: "Kepekaan per kriteria", en: "Sensitivity per criterion" },
  RANKING_SENSITIVITY_HELP: {
    id: "Rentang bobot (kriteria lain menyesuaikan sebanding) yang tidak mengubah siapa yang terpilih.",
    en: "The weight range (the others rescaled in proportion) within which the selected set does not change.",
  },
  RANKING_COL_CRITERION: { id: "Kriteria", en: "Criterion" },
  RANKING_COL_WEIGHT: { id: "Bobot", en: "Weight" },
  RANKING_COL_RANGE: { id: "Rentang aman", en: "Stable range" },
  RANKING_RANGE_NONE: { id: "tidak berlaku", en: "not applicable" },
  RANKING_NEAR: {
    id: "Terdekat dengan batas: verifikasi lapangan lebih dulu",
    en: "Nearest the cut-off: verify in the field first",
  },
  RANKING_NEAR_HELP: {
    id: "Kesalahan data kecil pada rumah tangga ini dapat mengubah hasilnya.",
    en: "A small data error in these households can change their outcome.",
  },
  RANKING_COMPUTING: { id: "Menghitung…", en: "Computing…" },
  RANKING_SAVE_MODEL: { id: "Simpan sebagai model program", en: "Save as the program's model" },
  RANKING_SAVE_REASON: {
    id: "Alasan perubahan (mis. hasil musyawarah desa)",
    en: "Reason for the change (e.g. village meeting)",
  },
  RANKING_SAVED: { id: "Model versi {version} tersimpan.", en: "Model version {version} saved." },
  RANKING_RUN: { id: "Jalankan seleksi", en: "Run the selection" },
  RANKING_RUN_HELP: {
    id: "Menetapkan daftar terpilih dengan model versi {version} dan mencatat hasilnya (dengan sidik SHA-256) untuk SK.",
    en: "Records the selected list with model version {version}, with its SHA-256 fingerprint, for the decree.",
  },
  RANKING_RUN_REASON: {
    id: "Keterangan (wajib bila ada yang keluar dari daftar)",
    en: "Note (required when anyone leaves the list)",
  },
  RANKING_RUN_DONE: {
    id: "Seleksi ke-{run} tercatat: {selected} terpilih. Sidik: {sha}",
    en: "Selection run {run} recorded: {selected} selected. Fingerprint: {sha}",
  },
  RANKING_UNSAVED: {
    id: "Ada perubahan yang belum disimpan: seleksi memakai model program yang tersimpan.",
    en: "There are unsaved changes: a selection uses the program's saved model.",
  },
  RANKING_SAVE_REASON_REQUIRED: {
    id: "Tuliskan alasan perubahan (minimal 3 huruf) sebelum menyimpan.",
    en: "Write the reason for the change (at least 3 characters) before saving.",
  },
  RANKING_JUSTIFY_CR: {
    id: "Rasio konsistensi {ratio} melebihi 0,10. Alasan mempertahankan perbandingan ini (wajib)",
    en: "Consistency ratio {ratio} exceeds 0.10. Why these comparisons are kept (required)",
  },
  RANKING_QUOTA_NOT_BINDING: {
    id: "Kuota dan pagu tidak membatasi: semua {eligible} pendaftar yang memenuhi syarat terpilih, jadi perubahan bobot tidak mengubah daftar penerima.",
    en: "Quota and budget do not bind: all {eligible} eligible applicants are selected, so no change of weights changes the recipient list.",
  },
  RANKING_CONFIRM_TITLE: {
    id: "Periksa sebelum menjalankan seleksi",
    en: "Review before running the selection",
  },
  RANKING_CONFIRM_SUMMARY: {
    id: "Dibandingkan status saat ini: {entering} masuk daftar, {leaving} keluar dari daftar, {staying} tetap terpilih. Total terpilih {selected} dari {eligible} yang memenuhi syarat.",
    en: "Against the current statuses: {entering} enter the list, {leaving} leave it, {staying} stay selected. {selected} selected of {eligible} eligible.",
  },
  RANKING_CONFIRM_ENTERING: { id: "Masuk daftar ({count})", en: "Entering the list ({count})" },
  RANKING_CONFIRM_LEAVING: { id: "Keluar dari daftar ({count})", en: "Leaving the list ({count})" },
  RANKING_CONFIRM_INELIGIBLE: {
    id: "Tidak diperingkat ({count}) dan alasannya",
    en: "Not ranked ({count}) and why",
  },
  RANKING_CONFIRM_MORE: { id: "…dan {count} lainnya", en: "…and {count} more" },
  RANKING_CONFIRM_NAME_HIDDEN: { id: "(di luar wilayah Anda)", en: "(outside your area)" },
  RANKING_CONFIRM_RANK: { id: "peringkat {rank}", en: "rank {rank}" },
  RANKING_CONFIRM_NEEDS_REASON: {
    id: "Ada yang keluar dari daftar: isi keterangan dulu.",
    en: "Someone leaves the list: write the note first.",
  },
  RANKING_CONFIRM_RUN: { id: "Konfirmasi dan jalankan seleksi", en: "Confirm and run the selection" },
  RANKING_CANCEL: { id: "Batal", en: "Cancel" },
  RANKING_APPLICANTS_LOADED: { id: "{count} pendaftar dimuat", en: "{count} applicants loaded" },
} satisfies MessageCatalog;
