import type { MessageCatalog } from "../../../src/i18n/index.ts";

/** The reconciliation screens' words: the central list (DTKS, the ministry's allocation) against the regency's. */
export const RECONCILIATION_UI_MESSAGES = {
  RECON_TITLE: { id: "Rekonsiliasi pusat–daerah", en: "Central–regional reconciliation" },
  RECON_INTRO: {
    id: "Bandingkan daftar dari pusat (DTKS atau alokasi kementerian) dengan data daerah untuk satu tahap program. Hasilnya empat kelompok: cocok, cocok tetapi datanya berbeda, hanya di daftar pusat, dan hanya di data daerah.",
    en: "Compare a list from the centre (DTKS or the ministry's allocation) with the regency's data for one program period. The result is four sets: matched, matched with differing data, central list only, and regional data only.",
  },

  // Upload
  RECON_UPLOAD_TITLE: { id: "Unggah daftar pusat", en: "Upload a central list" },
  RECON_PROGRAM: { id: "Program", en: "Program" },
  RECON_PERIOD: { id: "Tahap", en: "Period" },
  RECON_PERIOD_PICK_PROGRAM: { id: "Pilih program dahulu", en: "Choose a program first" },
  RECON_PERIOD_NONE: { id: "Program ini belum punya tahap.", en: "This program has no period yet." },
  RECON_SOURCE: { id: "Asal daftar", en: "Where the list comes from" },
  RECON_SOURCE_HINT: {
    id: "Nama yang dipakai di rapat, misalnya DTKS atau Kemensos tahap 2.",
    en: "The name used in meetings, e.g. DTKS or Kemensos tahap 2.",
  },
  RECON_SCOPE: { id: "Dibandingkan dengan", en: "Compare with" },
  RECON_SCOPE_period: { id: "Penerima pada tahap ini", en: "Recipients of this period" },
  RECON_SCOPE_period_HINT: {
    id: "Orang yang terdaftar sebagai penerima pada tahap yang dipilih. “Hanya di data daerah” berarti usulan daerah yang tidak ada di daftar pusat.",
    en: "The persons enrolled as recipients in the chosen period. “Regional data only” then means local proposals that are not in the central list.",
  },
  RECON_SCOPE_registry: { id: "Seluruh data penduduk daerah", en: "The whole regional registry" },
  RECON_SCOPE_registry_HINT: {
    id: "Semua penduduk di data daerah, terdaftar di program atau tidak. Berguna untuk menemukan orang di daftar pusat yang belum pernah didata; “hanya di data daerah” akan berisi hampir seluruh penduduk.",
    en: "Everyone in the regional registry, enrolled or not. Useful to find persons of the central list who were never registered; “regional data only” then holds almost the whole population.",
  },
  RECON_FILE: { id: "Berkas daftar (.csv atau .xlsx)", en: "List file (.csv or .xlsx)" },
  RECON_ADVANCED: {
    id: "Pengaturan berkas (bila judul kolom tidak dikenali)",
    en: "File settings (when the headers are not recognised)",
  },
  RECON_TEMPLATE: { id: "Templat kolom", en: "Column template" },
  RECON_TEMPLATE_HINT: {
    id: "Susunan kolom yang pernah disimpan di halaman impor.",
    en: "A column layout saved on the import page.",
  },
  RECON_TEMPLATE_AUTO: { id: "Kenali otomatis", en: "Recognise automatically" },
  RECON_HEADER_ROW: { id: "Baris judul kolom", en: "Header row" },
  RECON_HEADER_ROW_HINT: { id: "Kosongkan untuk dicari sendiri.", en: "Leave empty to find it." },
  RECON_SHEET: { id: "Nama sheet (XLSX)", en: "Sheet name (XLSX)" },
  RECON_SHEET_HINT: { id: "Kosongkan untuk sheet pertama.", en: "Leave empty for the first sheet." },
  RECON_MISSING_FIELDS: {
    id: "Pilih tahap dan berkas terlebih dahulu.",
    en: "Choose a period and a file first.",
  },
  RECON_START: { id: "Mulai rekonsiliasi", en: "Start the reconciliation" },
  RECON_RUNNING_TITLE: { id: "Rekonsiliasi berjalan", en: "Reconciliation running" },
  RECON_RUNNING_HINT: {
    id: "Halaman hasil terbuka sendiri setelah selesai. Anda boleh meninggalkan halaman ini; pekerjaan tetap berjalan.",
    en: "The results open by themselves when it finishes. You may leave this page; the job keeps running.",
  },
  RECON_UPLOAD_AGAIN: { id: "Unggah berkas lain", en: "Upload another file" },
  RECON_OPEN_RESULT: { id: "Buka hasil", en: "Open the results" },

  // List
  RECON_LIST_TITLE: { id: "Rekonsiliasi sebelumnya", en: "Earlier reconciliations" },
  RECON_LIST_EMPTY: { id: "Belum ada rekonsiliasi", en: "No reconciliation yet" },
  RECON_LIST_EMPTY_HINT: {
    id: "Unggah daftar pusat di atas untuk memulai yang pertama.",
    en: "Upload a central list above to start the first one.",
  },
  RECON_LIST_EMPTY_READONLY: {
    id: "Rekonsiliasi dijalankan oleh pengelola program atau koordinator.",
    en: "Reconciliations are run by a program manager or the coordinator.",
  },
  RECON_COL_SOURCE: { id: "Daftar", en: "List" },
  RECON_COL_PERIOD: { id: "Program / tahap", en: "Program / period" },
  RECON_COL_STATE: { id: "Status", en: "State" },
  RECON_COL_COUNTS: { id: "Cocok · beda · pusat · daerah", en: "Matched · differ · central · regional" },
  RECON_COL_BY: { id: "Oleh, waktu", en: "By, when" },
  RECON_COUNTS_SHORT: {
    id: "{matched} cocok · {conflict} beda · {central} hanya pusat · {regional} hanya daerah",
    en: "{matched} matched · {conflict} differ · {central} central only · {regional} regional only",
  },
  RECON_STATE_queued: { id: "Menunggu", en: "Waiting" },
  RECON_STATE_running: { id: "Berjalan", en: "Running" },
  RECON_STATE_done: { id: "Selesai", en: "Done" },
  RECON_STATE_failed: { id: "Gagal", en: "Failed" },
  RECON_STATE_cancelled: { id: "Dibatalkan", en: "Cancelled" },
  RECON_UNKNOWN_PERIOD: { id: "Tahap tidak dikenal", en: "Unknown period" },

  // One reconciliation
  RECON_DETAIL_TITLE: { id: "Rekonsiliasi {source}", en: "Reconciliation {source}" },
  RECON_DETAIL_META: {
    id: "{file} · {program} — {period} · {scope} · oleh {name}, {when}",
    en: "{file} · {program} — {period} · {scope} · by {name}, {when}",
  },
  RECON_DETAIL_ROWS: {
    id: "{central} baris daftar pusat, {regional} orang di data daerah",
    en: "{central} central list rows, {regional} persons in the regional data",
  },
  RECON_DETAIL_SKIPPED: {
    id: "{count} baris tanpa nama di daftar pusat tidak dibandingkan.",
    en: "{count} central list rows without a name were not compared.",
  },
  RECON_FAILED_TITLE: { id: "Rekonsiliasi gagal", en: "The reconciliation failed" },
  RECON_FAILED_AT: { id: "Baris {row}, kolom {column}", en: "Row {row}, column {column}" },
  RECON_NOT_DONE: {
    id: "Hasil muncul setelah pekerjaan selesai.",
    en: "The results appear once the job has finished.",
  },

  // The four sets
  RECON_SETS_LABEL: { id: "Empat kelompok hasil", en: "The four result sets" },
  RECON_SET_matched: { id: "Cocok", en: "Matched" },
  RECON_SET_conflict: { id: "Cocok, data berbeda", en: "Matched, data differ" },
  RECON_SET_central_only: { id: "Hanya di daftar pusat", en: "Central list only" },
  RECON_SET_regional_only: { id: "Hanya di data daerah", en: "Regional data only" },
  RECON_SET_matched_HINT: {
    id: "Ada di kedua daftar dengan data yang sama.",
    en: "In both lists, with the same data.",
  },
  RECON_SET_conflict_HINT: {
    id: "Orang yang sama, tetapi ada data yang berbeda.",
    en: "The same person, but some data differ.",
  },
  RECON_SET_central_only_HINT: {
    id: "Tidak ditemukan di data daerah: perlu cek lapangan (pindah, meninggal, salah desa?).",
    en: "Not found in the regional data: needs a field check (moved, died, wrong desa?).",
  },
  RECON_SET_regional_only_HINT: {
    id: "Diusulkan daerah, tidak ada di daftar pusat.",
    en: "Proposed locally, not in the central list.",
  },
  RECON_SET_ALL: { id: "Semua kelompok", en: "All sets" },
  RECON_SET_SHOWN: { id: "Ditampilkan", en: "Shown" },

  // Areas
  RECON_AREAS_TITLE: { id: "Per kecamatan", en: "Per kecamatan" },
  RECON_AREAS_HINT: {
    id: "Pilih kecamatan untuk melihat desanya dan menyaring baris.",
    en: "Choose a kecamatan to see its desa and filter the lines.",
  },
  RECON_AREA_DISTRICT: { id: "Kecamatan", en: "Kecamatan" },
  RECON_AREA_VILLAGE: { id: "Desa/kelurahan", en: "Desa" },
  RECON_AREA_DECIDED: { id: "Diputuskan", en: "Decided" },
  RECON_AREA_DECIDED_OF: { id: "{decided} dari {total}", en: "{decided} of {total}" },
  RECON_AREA_UNKNOWN: { id: "Desa tidak dikenali", en: "Desa not recognised" },
  RECON_AREA_EMPTY: { id: "Tidak ada baris di wilayah Anda.", en: "No lines in your area." },
  RECON_AREA_SHOW_DISTRICT: { id: "Tampilkan desa di {name}", en: "Show the desa of {name}" },
  RECON_AREA_FILTER_VILLAGE: { id: "Saring baris desa {name}", en: "Filter the lines of desa {name}" },
  RECON_AREA_VILLAGES_OF: { id: "Desa di Kecamatan {name}", en: "Desa of Kecamatan {name}" },

  // Filters
  RECON_FILTER_DISTRICT: { id: "Kecamatan: {name}", en: "Kecamatan: {name}" },
  RECON_FILTER_VILLAGE: { id: "Desa: {name}", en: "Desa: {name}" },
  RECON_FILTER_CLEAR_AREA: { id: "Hapus saringan wilayah", en: "Clear the area filter" },
  RECON_FILTER_DECIDED: { id: "Status keputusan", en: "Decision state" },
  RECON_FILTER_DECIDED_any: { id: "Semua", en: "All" },
  RECON_FILTER_DECIDED_false: { id: "Belum diputuskan", en: "Undecided" },
  RECON_FILTER_DECIDED_true: { id: "Sudah diputuskan", en: "Decided" },

  // Lines
  RECON_LINES_TITLE: { id: "Baris", en: "Lines" },
  RECON_LINES_COUNT: { id: "{total} baris", en: "{total} lines" },
  RECON_LINES_EMPTY: { id: "Tidak ada baris", en: "No lines" },
  RECON_LINES_EMPTY_HINT: {
    id: "Tidak ada baris untuk saringan ini. Ubah kelompok, wilayah atau status keputusan.",
    en: "No line matches these filters. Change the set, the area or the decision state.",
  },
  RECON_LINE_SELECT: { id: "Pilih baris {n}", en: "Select line {n}" },
  RECON_LINE_SELECT_PAGE: { id: "Pilih semua di halaman ini", en: "Select all on this page" },
  RECON_LINE_CENTRAL_ROW: { id: "Baris {row} daftar pusat", en: "Central list row {row}" },
  RECON_LINE_NO_CENTRAL: { id: "Tidak ada di daftar pusat", en: "Not in the central list" },
  RECON_LINE_NO_PERSON: { id: "Tidak ada di data daerah", en: "Not in the regional data" },
  RECON_SIDE_FIELD: { id: "Data", en: "Field" },
  RECON_SIDE_CENTRAL: { id: "Daftar pusat", en: "Central list" },
  RECON_SIDE_REGIONAL: { id: "Data daerah", en: "Regional data" },
  RECON_FIELD_name: { id: "Nama", en: "Name" },
  RECON_FIELD_nik: { id: "NIK", en: "NIK" },
  RECON_FIELD_kk: { id: "No. KK", en: "KK" },
  RECON_FIELD_birth_date: { id: "Tgl lahir", en: "Born" },
  RECON_FIELD_sex: { id: "Jenis kelamin", en: "Sex" },
  RECON_FIELD_village: { id: "Desa", en: "Desa" },
  RECON_FIELD_rt: { id: "RT", en: "RT" },
  RECON_FIELD_rw: { id: "RW", en: "RW" },
  RECON_FIELD_address: { id: "Alamat", en: "Address" },
  RECON_DIFFERS: { id: "Berbeda: {fields}", en: "Differs: {fields}" },
  RECON_DIFFERS_MARK: { id: "berbeda", en: "differs" },
  RECON_PROBABILITY: { id: "Peluang orang sama {probability}", en: "Same-person probability {probability}" },
  RECON_EVIDENCE_TITLE: { id: "Mengapa dianggap orang yang sama", en: "Why they are taken as one person" },
  RECON_EVIDENCE_LINE: { id: "{field}: {level} — {effect}", en: "{field}: {level} — {effect}" },
  RECON_NEAREST: {
    id: "Kandidat terdekat di data daerah: {name} (peluang {probability}, di bawah ambang kecocokan). Periksa apakah ini orang yang sama dengan data yang ditulis berbeda.",
    en: "Nearest candidate in the regional data: {name} (probability {probability}, below the match threshold). Check whether this is the same person written differently.",
  },
  RECON_CHECK_TITLE: { id: "Yang perlu dicek di lapangan", en: "What the field check should look at" },
  RECON_CHECK_MOVED: {
    id: "Masih tinggal di {village}? Jika pindah, catat desa tujuan.",
    en: "Still living in {village}? If moved, note where to.",
  },
  RECON_CHECK_MOVED_NO_VILLAGE: {
    id: "Kode desa di daftar pusat tidak dikenali: cari desa tempat tinggalnya sekarang.",
    en: "The central list's desa code is not recognised: find the desa the person lives in now.",
  },
  RECON_CHECK_DIED: {
    id: "Masih hidup? Jika meninggal, minta akta atau surat keterangan kematian.",
    en: "Still alive? If deceased, ask for the death certificate or letter.",
  },
  RECON_CHECK_IDENTITY: {
    id: "Cocokkan NIK dan KK dengan KTP/KK asli: mungkin salah ketik di salah satu daftar.",
    en: "Compare NIK and KK with the original KTP/KK: one of the lists may have a typing slip.",
  },
  RECON_CHECK_NOT_REGISTERED: {
    id: "Belum terdata di daerah? Jika tinggal di sini dan layak, daftarkan.",
    en: "Never registered locally? If living here and eligible, register the person.",
  },
  RECON_REGIONAL_NOTE: {
    id: "Usulan daerah yang tidak ada di daftar pusat: tetap diusulkan ke pusat, atau dikeluarkan bila tidak layak.",
    en: "A local proposal missing from the central list: keep proposing it to the centre, or remove it if not eligible.",
  },
  RECON_DECIDED_BY: {
    id: "{decision} — oleh {name}, {when}",
    en: "{decision} — by {name}, {when}",
  },
  RECON_DECIDED_REASON: { id: "Alasan: {reason}", en: "Reason: {reason}" },
  RECON_UNDECIDED: { id: "Belum diputuskan", en: "Undecided" },
  RECON_OPEN_PERSON: { id: "Buka data penduduk", en: "Open the person" },

  // Decisions
  RECON_DECISION_confirmed: { id: "Dikonfirmasi", en: "Confirmed" },
  RECON_DECISION_not_same_person: { id: "Bukan orang yang sama", en: "Not the same person" },
  RECON_DECISION_use_central: { id: "Pakai data pusat", en: "Use the central data" },
  RECON_DECISION_keep_regional: { id: "Pertahankan data daerah", en: "Keep the regional data" },
  RECON_DECISION_field_check: { id: "Perlu cek lapangan", en: "Field check needed" },
  RECON_DECISION_add_to_registry: { id: "Daftarkan di daerah", en: "Register locally" },
  RECON_DECISION_not_eligible: { id: "Tidak layak", en: "Not eligible" },
  RECON_DECISION_keep_proposed: { id: "Tetap diusulkan", en: "Keep proposed" },
  RECON_DECISION_remove_from_list: { id: "Keluarkan dari daftar", en: "Remove from the list" },
  RECON_DECIDE_TITLE: { id: "Keputusan untuk baris terpilih", en: "Decision for the selected lines" },
  RECON_DECIDE_SELECTED: { id: "{count} baris dipilih", en: "{count} lines selected" },
  RECON_DECIDE_NONE_SELECTED: {
    id: "Centang satu atau beberapa baris untuk mencatat keputusan.",
    en: "Tick one or more lines to record a decision.",
  },
  RECON_DECIDE_MIXED: {
    id: "Baris terpilih dari kelompok yang berbeda dan tidak punya keputusan yang sama. Pilih baris dari satu kelompok.",
    en: "The selected lines come from different sets with no decision in common. Select lines of one set.",
  },
  RECON_DECISION: { id: "Keputusan", en: "Decision" },
  RECON_REASON: { id: "Alasan", en: "Reason" },
  RECON_REASON_REQUIRED_HINT: { id: "Wajib untuk keputusan ini.", en: "Required for this decision." },
  RECON_REASON_OPTIONAL_HINT: {
    id: "Boleh dikosongkan; tercatat di log audit bersama keputusan.",
    en: "May be left empty; recorded in the audit log with the decision.",
  },
  RECON_REASON_MISSING: { id: "Tuliskan alasannya.", en: "Write the reason." },
  RECON_DECIDE_SAVE: { id: "Simpan keputusan", en: "Save the decision" },
  RECON_DECIDE_CLEAR: { id: "Batalkan pilihan", en: "Clear the selection" },
  RECON_DECIDE_SAVED: {
    id: "Keputusan tersimpan untuk {count} baris.",
    en: "Decision saved for {count} lines.",
  },
  RECON_DECIDE_READONLY: {
    id: "Anda dapat melihat hasil ini, tetapi tidak mencatat keputusan.",
    en: "You can view these results but not record decisions.",
  },

  // Export
  RECON_EXPORT_TITLE: { id: "Unduh", en: "Download" },
  RECON_EXPORT_HINT: {
    id: "Berkas berisi kedua sisi tiap baris, data yang berbeda, bukti pencocokan dan keputusan. Wilayah: {area}.",
    en: "The file holds both sides of each line, the differing fields, the match evidence and the decision. Area: {area}.",
  },
  RECON_EXPORT_AREA_ALL: { id: "semua wilayah Anda", en: "all of your area" },
  RECON_EXPORT_FULL_ID: {
    id: "NIK dan KK lengkap (tercatat di log audit)",
    en: "Full NIK and KK (recorded in the audit log)",
  },
  RECON_EXPORT_OF: { id: "untuk {set}", en: "for {set}" },
} satisfies MessageCatalog;
