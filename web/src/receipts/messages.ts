import type { MessageCatalog } from "../../../src/i18n/index.ts";

export const RECEIPT_UI_MESSAGES = {
  NAV_RECEIPTS: { id: "Penerimaan di tangan", en: "Receipt in hand" },
  RCPT_TITLE: { id: "Penerimaan di tangan penerima", en: "What reached the recipients' hands" },
  RCPT_INTRO: {
    id: "Jawaban penerima sendiri (portal publik dan sampel verifikasi dinas) tentang berapa yang sampai di tangan setelah bank membayar penuh.",
    en: "The recipients' own answers (public portal and the agency's verification sample) about how much reached their hand after the bank paid in full.",
  },
  RCPT_OPEN_SAMPLES: { id: "Sampel verifikasi", en: "Verification samples" },
  RCPT_OPEN_POINT: { id: "Catat di titik penyaluran", en: "Record at a distribution point" },

  RCPT_FLAGS_TITLE: { id: "Tanda pemotongan", en: "Skimming flags" },
  RCPT_FLAGS_HINT: {
    id: "Wilayah yang kekurangannya lebih banyak daripada kabupaten, atau yang potongan bulatnya sama berulang. Tanda hanya memuat hitungan dan jumlah uang, tidak pernah nama pelapor.",
    en: "Areas with more shortfalls than the regency, or the same round deduction again and again. A flag carries counts and amounts only, never a complainant's name.",
  },
  RCPT_FLAGS_EMPTY: { id: "Belum ada tanda pemotongan.", en: "No skimming flags." },
  RCPT_FLAGS_EMPTY_HINT: {
    id: "Detektor belum menemukan wilayah yang berbeda nyata dari kabupaten (paling sedikit 5 kekurangan, tingkat alarm palsu 1 %).",
    en: "The detector has found no area that differs clearly from the regency (at least 5 shortfalls, false-alarm rate 1 %).",
  },
  RCPT_LEVEL_desa: { id: "Desa", en: "Desa" },
  RCPT_LEVEL_rw: { id: "RW", en: "RW" },
  RCPT_LEVEL_rt: { id: "RT", en: "RT" },
  RCPT_LEVEL_point: { id: "Titik penyaluran", en: "Distribution point" },
  RCPT_LEVEL_officer: { id: "Petugas penyalur", en: "Distributing officer" },
  RCPT_TEST_binomial_shortfall_share: {
    id: "Uji binomial: porsi kekurangan di atas kabupaten",
    en: "Binomial test: shortfall share above the regency's",
  },
  RCPT_TEST_binomial_repeated_round_amount: {
    id: "Uji binomial: potongan bulat yang sama berulang",
    en: "Binomial test: the same round deduction repeated",
  },
  RCPT_EV_CONFIRMATIONS: {
    id: "Jawaban penerima (portal dan sampel)",
    en: "Recipients' answers (portal and sample)",
  },
  RCPT_EV_SHORTFALLS: { id: "Menerima kurang atau tidak menerima", en: "Received less or nothing" },
  RCPT_EV_SHORTFALLS_VALUE: {
    id: "{shortfalls} dari {confirmations} ({share}); tidak menerima sama sekali: {notReceived}",
    en: "{shortfalls} of {confirmations} ({share}); received nothing: {notReceived}",
  },
  RCPT_EV_EXPECTED: { id: "Yang diharapkan menurut kabupaten", en: "Expected from the regency" },
  RCPT_EV_EXPECTED_VALUE: {
    id: "{expected} kekurangan (porsi kabupaten di luar wilayah ini {baseline})",
    en: "{expected} shortfalls (the regency's share outside this area {baseline})",
  },
  RCPT_EV_DEDUCTION: { id: "Potongan yang paling sering", en: "Most frequent deduction" },
  RCPT_EV_DEDUCTION_VALUE: {
    id: "{amount} sebanyak {count} kali",
    en: "{amount}, {count} times",
  },
  RCPT_EV_DEDUCTION_BASELINE: {
    id: "di luar wilayah ini: {share} dari jawaban",
    en: "outside this area: {share} of answers",
  },
  RCPT_EV_MONEY: { id: "Dibayar bank / diterima di tangan", en: "Paid by the bank / received in hand" },
  RCPT_EV_MONEY_VALUE: {
    id: "{paid} / {received} (hilang {missing})",
    en: "{paid} / {received} ({missing} missing)",
  },
  RCPT_EV_REFUSED: { id: "Menolak menjawab", en: "Refused to answer" },
  RCPT_EV_OFFICER: {
    id: "Dicatat petugas di titik penyaluran (bukti lebih lemah, tidak diuji)",
    en: "Recorded by an officer at a distribution point (weaker evidence, not tested)",
  },
  RCPT_EV_OFFICER_VALUE: {
    id: "{count} jawaban, {shortfalls} kurang",
    en: "{count} answers, {shortfalls} short",
  },
  RCPT_EV_TEST: { id: "Uji", en: "Test" },
  RCPT_EV_P: { id: "Nilai p", en: "p-value" },
  RCPT_EV_Q: {
    id: "Nilai q (Benjamini–Hochberg, semua wilayah yang diuji)",
    en: "q-value (Benjamini–Hochberg over every area tested)",
  },

  RCPT_LEAKAGE_TITLE: { id: "Kebocoran", en: "Leakage" },
  RCPT_LEAKAGE_HINT: {
    id: "1 − Σ diterima / Σ dibayar atas jawaban penerima (portal dan sampel), dengan selang kepercayaan dari sampel. Jawaban di titik penyaluran tidak dihitung.",
    en: "1 − Σ received / Σ paid over the recipients' answers (portal and sample), with the sample's confidence interval. Answers at distribution points are not counted.",
  },
  RCPT_LEAKAGE_BY: { id: "Per", en: "By" },
  RCPT_LEAKAGE_LEVEL_kecamatan: { id: "Kecamatan", en: "Kecamatan" },
  RCPT_LEAKAGE_LEVEL_desa: { id: "Desa", en: "Desa" },
  RCPT_LEAKAGE_LEVEL_batch: { id: "Batch", en: "Batch" },
  RCPT_LEAKAGE_EMPTY: { id: "Belum ada jawaban penerima.", en: "No recipient has answered yet." },
  RCPT_AREA: { id: "Wilayah", en: "Area" },
  RCPT_ANSWERS: { id: "Jawaban / dibayar", en: "Answers / paid" },
  RCPT_PAID: { id: "Dibayar", en: "Paid" },
  RCPT_RECEIVED: { id: "Diterima", en: "Received" },
  RCPT_LEAKAGE: { id: "Kebocoran", en: "Leakage" },
  RCPT_INTERVAL: { id: "Selang {confidence}", en: "{confidence} interval" },
  RCPT_REFUSED: { id: "Menolak", en: "Refused" },
  RCPT_BATCH: { id: "Batch {number}", en: "Batch {number}" },

  RCPT_HOME_TITLE: { id: "Penerimaan di tangan penerima", en: "What reached the recipients' hands" },
  RCPT_HOME_FLAGS: { id: "Tanda pemotongan", en: "Skimming flags" },
  RCPT_HOME_LEAKAGE_EMPTY: {
    id: "Belum ada jawaban penerima tentang uang yang sampai di tangan.",
    en: "No recipient has yet said how much reached their hand.",
  },

  RCPT_SAMPLES_TITLE: { id: "Sampel verifikasi", en: "Verification samples" },
  RCPT_DRAW_TITLE: { id: "Tarik sampel dari satu batch", en: "Draw a sample from a batch" },
  RCPT_DRAW_HINT: {
    id: "Acak berlapis per desa, jadi tidak ada desa yang terlewat. Besar sampel dari tingkat kepercayaan dan batas galat; benih acak dicatat dan ditampilkan sehingga siapa pun dapat menarik ulang sampel yang sama.",
    en: "Stratified per desa, so no desa is skipped. The size follows from the confidence and the margin; the random seed is recorded and shown so anyone can draw the same sample again.",
  },
  RCPT_DRAW_BATCH: { id: "Batch pembayaran", en: "Payment batch" },
  RCPT_DRAW_CONFIDENCE: { id: "Tingkat kepercayaan", en: "Confidence" },
  RCPT_DRAW_MARGIN: { id: "Batas galat", en: "Margin of error" },
  RCPT_DRAW_SEED: { id: "Benih (kosongkan untuk tarikan baru)", en: "Seed (leave empty for a new draw)" },
  RCPT_DRAW: { id: "Tarik sampel", en: "Draw sample" },
  RCPT_NO_BATCH: {
    id: "Belum ada batch yang dikirim ke bank.",
    en: "No batch has been sent to the bank yet.",
  },
  RCPT_SAMPLES_EMPTY: { id: "Belum ada sampel yang ditarik.", en: "No sample drawn yet." },
  RCPT_SEED: { id: "Benih", en: "Seed" },
  RCPT_SAMPLE_SIZE: { id: "Baris sampel", en: "Sampled lines" },
  RCPT_SAMPLE_ANSWERED: { id: "Sudah dijawab", en: "Answered" },
  RCPT_DRAWN_AT: { id: "Ditarik", en: "Drawn" },
  RCPT_PRECISION: { id: "{confidence} ± {margin}", en: "{confidence} ± {margin}" },

  RCPT_SAMPLE_TITLE: {
    id: "Sampel verifikasi {program}, batch {number}",
    en: "Verification sample {program}, batch {number}",
  },
  RCPT_SAMPLE_SEED_NOTE: {
    id: "Benih {seed}, {confidence} ± {margin}. Menarik ulang batch ini dengan benih yang sama memberi baris yang sama persis.",
    en: "Seed {seed}, {confidence} ± {margin}. Drawing this batch again with the same seed gives exactly the same lines.",
  },
  RCPT_STRATA: { id: "Per desa", en: "Per desa" },
  RCPT_POPULATION: { id: "Dibayar", en: "Paid" },
  RCPT_SIZE: { id: "Disampel", en: "Sampled" },
  RCPT_LINES: { id: "Baris yang dihubungi atau dikunjungi", en: "Lines to call or visit" },
  RCPT_REFERENCE: { id: "Referensi pembayaran", en: "Payment reference" },
  RCPT_AMOUNT: { id: "Nominal", en: "Amount" },
  RCPT_ANSWER: { id: "Jawaban", en: "Answer" },
  RCPT_NOT_YET: { id: "Belum", en: "Not yet" },
  RCPT_RECORD: { id: "Catat jawaban", en: "Record answer" },
  RCPT_SAMPLE_NONE_HERE: {
    id: "Tidak ada baris sampel di wilayah Anda.",
    en: "No sampled line lies in your area.",
  },

  RCPT_ANSWER_received_full: { id: "Menerima penuh", en: "Received in full" },
  RCPT_ANSWER_received_less: { id: "Menerima kurang", en: "Received less" },
  RCPT_ANSWER_not_received: { id: "Tidak menerima", en: "Not received" },
  RCPT_ANSWER_refused: { id: "Menolak menjawab", en: "Refused to answer" },
  RCPT_FORM_TITLE: { id: "Jawaban untuk {reference}", en: "Answer for {reference}" },
  RCPT_FORM_CHANNEL_verification: {
    id: "Dicatat dari telepon atau kunjungan petugas dinas (sampel verifikasi).",
    en: "Recorded from the agency officer's call or visit (verification sample).",
  },
  RCPT_FORM_CHANNEL_officer: {
    id: "Dicatat di titik penyaluran dengan penerima hadir: bukti lebih lemah, karena yang menyalurkan ada di dekatnya. Ditampilkan di samping tanda, tidak diuji.",
    en: "Recorded at the distribution point with the recipient present: weaker evidence, because those handing out the money stand by. Shown beside the flags, not tested.",
  },
  RCPT_FORM_PAID: { id: "Dibayar bank: {amount}", en: "Paid by the bank: {amount}" },
  RCPT_FORM_ANSWER: { id: "Apa kata penerima?", en: "What did the recipient say?" },
  RCPT_FORM_AMOUNT: { id: "Jumlah yang diterima di tangan (Rp)", en: "Amount received in hand (Rp)" },
  RCPT_FORM_ASKED_BY: {
    id: "Siapa yang meminta potongan (tidak wajib)",
    en: "Who asked for a cut (optional)",
  },
  RCPT_FORM_ASKED_WHY: { id: "Alasan yang disebutkan (tidak wajib)", en: "The reason they gave (optional)" },
  RCPT_FORM_POINT: { id: "Titik penyaluran", en: "Distribution point" },
  RCPT_FORM_DISTRIBUTOR: { id: "Petugas yang menyalurkan", en: "Officer handing out" },
  RCPT_FORM_SAVE: { id: "Simpan jawaban", en: "Save answer" },
  RCPT_FORM_SAVED: { id: "Jawaban dicatat.", en: "Answer recorded." },
  RCPT_FORM_COMPLAINT: {
    id: "Kekurangan ini dibuka sebagai pengaduan sensitif untuk Inspektorat, tidak diteruskan ke desa. Kode: {code}",
    en: "The shortfall was opened as a sensitive complaint for the Inspektorat, not passed to the desa. Code: {code}",
  },
  RCPT_FORM_CANCEL: { id: "Tutup", en: "Close" },

  RCPT_POINT_TITLE: { id: "Catat di titik penyaluran", en: "Record at a distribution point" },
  RCPT_POINT_FIND: { id: "Cari", en: "Find" },
  RCPT_POINT_LINE: {
    id: "{village} · dibayar {amount} · status {status}",
    en: "{village} · paid {amount} · status {status}",
  },
  RCPT_POINT_ANSWERED: {
    id: "Sudah dicatat di titik penyaluran untuk pembayaran ini.",
    en: "Already recorded at a distribution point for this payment.",
  },
  RCPT_CHANNEL_portal: { id: "portal", en: "portal" },
  RCPT_CHANNEL_verification: { id: "sampel", en: "sample" },
  RCPT_CHANNEL_officer: { id: "titik penyaluran", en: "distribution point" },
  RCPT_POINT_OTHER_CHANNELS: {
    id: "Juga dijawab lewat: {channels}",
    en: "Also answered through: {channels}",
  },
} satisfies MessageCatalog;
