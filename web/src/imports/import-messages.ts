import type { MessageCatalog, MessageTemplate } from "../../../src/i18n/index.ts";
import type { ImportState, InvalidRowPolicy } from "../../../src/imports/codes.ts";
import type { ImportField } from "../../../src/imports/headers.ts";

/** Labels of enum codes built as `<PREFIX>_<code>`, so each value set stays exhaustive. */
function labels<P extends string, K extends string>(prefix: P, table: Record<K, MessageTemplate>) {
  return Object.fromEntries(
    Object.entries(table).map(([key, label]) => [`${prefix}_${key}`, label]),
  ) as Record<`${P}_${K}`, MessageTemplate>;
}

/** The import screens' words: written for a district official who knows Excel, not the importer's insides. */
export const IMPORT_UI_MESSAGES = {
  IMPORTS_TITLE: { id: "Impor daftar", en: "List imports" },
  IMPORT_TITLE: { id: "Impor", en: "Import" },

  // The upload form
  IMPORT_FORM_TITLE: { id: "Unggah daftar", en: "Upload a list" },
  IMPORT_FORM_INTRO: {
    id: "Daftar penduduk atau penerima dari Excel (.xlsx) atau CSV. Judul kolom yang biasa (NIK, NO KK, NAMA, TGL LAHIR, DESA/KELURAHAN atau KODE DESA …) dikenali sendiri. Berkas disimpan utuh atau tidak sama sekali.",
    en: "A list of residents or recipients from Excel (.xlsx) or CSV. The usual column headers (NIK, NO KK, NAMA, TGL LAHIR, DESA/KELURAHAN or KODE DESA …) are recognised by themselves. A file is saved in full or not at all.",
  },
  IMPORT_PROGRAM: { id: "Program", en: "Program" },
  IMPORT_PROGRAM_HINT: {
    id: "Penerima didaftarkan ke tahap program ini.",
    en: "Recipients are enrolled in this program's period.",
  },
  IMPORT_NO_PROGRAM: {
    id: "Tanpa program — hanya data penduduk",
    en: "No program — residents only",
  },
  IMPORT_PERIOD: { id: "Tahap", en: "Period" },
  IMPORT_PERIOD_HINT: { id: "Tahap penyaluran yang dituju.", en: "The distribution period it is for." },
  IMPORT_PERIOD_NONE: {
    id: "Tidak perlu: orang dicatat di data penduduk saja.",
    en: "Not needed: people are recorded in the registry only.",
  },
  IMPORT_PERIOD_REQUIRED: { id: "Pilih tahap program.", en: "Choose the program period." },
  IMPORT_FILE: { id: "Berkas daftar", en: "List file" },
  IMPORT_FILE_HINT: {
    id: "Excel (.xlsx) atau CSV, paling besar {limit}.",
    en: "Excel (.xlsx) or CSV, at most {limit}.",
  },
  IMPORT_FILE_PLACEHOLDER: { id: "Pilih berkas…", en: "Choose a file…" },
  IMPORT_FILE_CHOSEN: { id: "Dipilih: {name} ({size})", en: "Chosen: {name} ({size})" },
  IMPORT_FILE_REQUIRED: { id: "Pilih berkas daftar.", en: "Choose the list file." },
  IMPORT_FILE_OLD_EXCEL: {
    id: "{name} adalah format Excel lama (.xls). Buka di Excel, lalu Simpan Sebagai .xlsx atau CSV (UTF-8).",
    en: "{name} is an old Excel file (.xls). Open it in Excel and Save As .xlsx or CSV (UTF-8).",
  },
  IMPORT_FILE_TYPE: {
    id: "{name} bukan berkas .xlsx atau .csv. Simpan daftar dari Excel sebagai .xlsx atau CSV.",
    en: "{name} is not an .xlsx or .csv file. Save the list from Excel as .xlsx or CSV.",
  },
  IMPORT_FILE_EMPTY: { id: "{name} kosong.", en: "{name} is empty." },
  IMPORT_FILE_TOO_LARGE: {
    id: "Berkas ini {size}; paling besar {limit}. Bagi daftar menjadi beberapa berkas.",
    en: "This file is {size}; the limit is {limit}. Split the list into several files.",
  },
  IMPORT_TEMPLATE: { id: "Cara membaca kolom", en: "How to read the columns" },
  IMPORT_TEMPLATE_HINT: {
    id: "Pilih templat tersimpan bila judul kolom daftar Anda tidak biasa.",
    en: "Choose a saved template when your list's column headers are unusual.",
  },
  IMPORT_TEMPLATE_AUTO: { id: "Kenali judul kolom otomatis", en: "Recognise headers automatically" },
  IMPORT_TEMPLATE_SHARED: { id: "{name} (untuk semua dinas)", en: "{name} (for all agencies)" },
  IMPORT_MODE: { id: "Yang dilakukan", en: "What to do" },
  IMPORT_MODE_check: { id: "Periksa dulu, belum disimpan", en: "Check first, save nothing yet" },
  IMPORT_MODE_check_HINT: {
    id: "Disarankan. Anda melihat temuan per baris dan laporannya, lalu memutuskan menyimpan.",
    en: "Recommended. You see the findings by row and the report, then decide to save.",
  },
  IMPORT_MODE_apply: { id: "Periksa lalu langsung simpan", en: "Check and save straight away" },
  IMPORT_MODE_apply_HINT: {
    id: "Berkas disimpan bila lolos pemeriksaan sesuai pilihan di bawah.",
    en: "The file is saved if it passes the check under the choice below.",
  },
  ...labels<"IMPORT_MODE_SHORT", "check" | "apply">("IMPORT_MODE_SHORT", {
    check: { id: "Pemeriksaan", en: "Check" },
    apply: { id: "Penyimpanan", en: "Save" },
  }),
  IMPORT_INVALID_ROWS: { id: "Bila ada baris yang salah", en: "If some rows are wrong" },
  ...labels<"IMPORT_POLICY", InvalidRowPolicy>("IMPORT_POLICY", {
    reject_file: { id: "Tolak seluruh berkas", en: "Refuse the whole file" },
    skip_rows: { id: "Lewati baris yang salah saja", en: "Skip only the wrong rows" },
  }),
  IMPORT_POLICY_reject_file_HINT: {
    id: "Tidak ada yang disimpan sampai semua baris benar. Perbaiki baris di laporan, lalu unggah lagi.",
    en: "Nothing is saved until every row is right. Fix the rows in the report, then upload again.",
  },
  IMPORT_POLICY_skip_rows_HINT: {
    id: "Baris yang benar disimpan; baris yang salah tidak, dan tercantum di laporan untuk diperbaiki.",
    en: "Correct rows are saved; wrong rows are not, and are listed in the report to fix.",
  },
  IMPORT_SUBMIT_check: { id: "Periksa berkas", en: "Check the file" },
  IMPORT_SUBMIT_apply: { id: "Periksa dan simpan", en: "Check and save" },
  IMPORT_UPLOADING: { id: "Mengunggah {file}…", en: "Uploading {file}…" },
  IMPORT_SEND_FAILED: { id: "Berkas tidak terkirim", en: "The file was not sent" },
  IMPORT_PROGRESS_TITLE: { id: "Memproses {file}", en: "Processing {file}" },
  IMPORT_PROGRESS_NOTE: {
    id: "Halaman hasil terbuka sendiri setelah selesai. Anda boleh meninggalkan halaman ini; pekerjaan tetap berjalan.",
    en: "The result page opens by itself when it is done. You may leave this page; the work carries on.",
  },
  IMPORT_ALREADY_APPLIED_TITLE: { id: "Berkas ini sudah pernah disimpan", en: "This file was already saved" },
  IMPORT_ALREADY_APPLIED_TEXT: {
    id: "Isi {file} sama persis dengan berkas yang sudah disimpan untuk tujuan yang sama. Tidak ada yang diubah.",
    en: "{file} is exactly the same as a file already saved for the same target. Nothing was changed.",
  },
  IMPORT_OPEN_APPLIED: { id: "Buka impor yang sudah disimpan", en: "Open the saved import" },
  IMPORT_OPEN_THIS_ATTEMPT: { id: "Catatan unggahan ini", en: "This upload's record" },

  // The list of imports
  IMPORT_LIST_TITLE: { id: "Impor terakhir", en: "Recent imports" },
  IMPORT_LIST_EMPTY: { id: "Belum ada impor", en: "No imports yet" },
  IMPORT_LIST_EMPTY_HINT: {
    id: "Daftar yang diunggah akan muncul di sini beserta hasilnya.",
    en: "Uploaded lists appear here with their outcome.",
  },
  IMPORT_COL_FILE: { id: "Berkas", en: "File" },
  IMPORT_COL_STATE: { id: "Status", en: "State" },
  IMPORT_COL_TARGET: { id: "Tujuan", en: "Target" },
  IMPORT_COL_BY: { id: "Oleh", en: "By" },
  IMPORT_COL_COUNTS: { id: "Baris", en: "Rows" },
  IMPORT_BY: { id: "oleh {name}", en: "by {name}" },
  IMPORT_COUNTS_SHORT: {
    id: "{rows} baris: {accepted} diterima, {rejected} ditolak",
    en: "{rows} rows: {accepted} accepted, {rejected} refused",
  },
  IMPORT_TARGET_PERSONS: { id: "Data penduduk saja", en: "Registry only" },
  IMPORT_TARGET_UNKNOWN: { id: "Tahap program", en: "Program period" },
  ...labels<"IMPORT_STATE", ImportState>("IMPORT_STATE", {
    queued: { id: "Menunggu", en: "Waiting" },
    running: { id: "Diproses", en: "Processing" },
    checked: { id: "Sudah diperiksa", en: "Checked" },
    applied: { id: "Tersimpan", en: "Saved" },
    rejected: { id: "Ditolak", en: "Refused" },
    duplicate: { id: "Sudah pernah disimpan", en: "Already saved" },
    failed: { id: "Gagal", en: "Failed" },
    cancelled: { id: "Dibatalkan", en: "Cancelled" },
  }),

  // One import
  IMPORT_STATUS_TITLE: { id: "Status impor", en: "Import status" },
  IMPORT_EXPLAIN_running: {
    id: "Berkas sedang diperiksa. Hasilnya muncul di sini setelah selesai.",
    en: "The file is being checked. The outcome appears here when it is done.",
  },
  IMPORT_EXPLAIN_checked: {
    id: "Diperiksa tanpa galat: {accepted} baris siap disimpan. Belum ada yang disimpan.",
    en: "Checked without errors: {accepted} rows ready to save. Nothing has been saved yet.",
  },
  IMPORT_EXPLAIN_checked_skipping: {
    id: "Diperiksa: {accepted} baris siap disimpan; {rejected} baris salah akan dilewati. Belum ada yang disimpan.",
    en: "Checked: {accepted} rows ready to save; {rejected} wrong rows will be skipped. Nothing has been saved yet.",
  },
  IMPORT_EXPLAIN_applied: {
    id: "Tersimpan utuh: {accepted} baris.",
    en: "Saved in full: {accepted} rows.",
  },
  IMPORT_EXPLAIN_applied_skipped: {
    id: "Tersimpan: {accepted} baris; {rejected} baris salah dilewati (lihat laporan).",
    en: "Saved: {accepted} rows; {rejected} wrong rows skipped (see the report).",
  },
  IMPORT_EXPLAIN_rejected_rows: {
    id: "Berkas ditolak karena {rejected} baris salah; tidak ada yang disimpan. Perbaiki baris itu (lihat laporan) lalu unggah lagi, atau pilih “Lewati baris yang salah saja”.",
    en: "The file was refused because {rejected} rows are wrong; nothing was saved. Fix those rows (see the report) and upload again, or choose “Skip only the wrong rows”.",
  },
  IMPORT_EXPLAIN_rejected_file: {
    id: "Berkas tidak dapat dibaca sebagai daftar; tidak ada yang disimpan.",
    en: "The file could not be read as a list; nothing was saved.",
  },
  IMPORT_EXPLAIN_duplicate: {
    id: "Isi berkas ini sama persis dengan berkas yang sudah disimpan untuk tujuan yang sama. Tidak ada yang diubah.",
    en: "This file is exactly the same as one already saved for the same target. Nothing was changed.",
  },
  IMPORT_EXPLAIN_failed: {
    id: "Impor terhenti karena kesalahan; tidak ada yang disimpan. Coba unggah lagi.",
    en: "The import stopped on an error; nothing was saved. Try uploading again.",
  },
  IMPORT_EXPLAIN_cancelled: {
    id: "Impor dibatalkan; tidak ada yang disimpan.",
    en: "The import was cancelled; nothing was saved.",
  },
  IMPORT_HASH: { id: "sidik {hash}", en: "fingerprint {hash}" },
  IMPORT_SENT_AT: { id: "Diunggah", en: "Uploaded" },
  IMPORT_FINISHED_AT: { id: "Selesai", en: "Finished" },
  IMPORT_REPORT: { id: "Laporan:", en: "Report:" },
  IMPORT_REPORT_XLSX: { id: "Unduh Excel", en: "Download Excel" },
  IMPORT_REPORT_CSV: { id: "Unduh CSV", en: "Download CSV" },
  IMPORT_REPORT_HINT: {
    id: "Berkas asli Anda dengan satu kolom tambahan berisi temuan tiap baris.",
    en: "Your original file with one more column holding each row's findings.",
  },
  IMPORT_PROBLEM_TITLE: { id: "Berkas ditolak", en: "File refused" },
  IMPORT_PROBLEM_AT: { id: "Baris {row}, kolom {column}", en: "Row {row}, column {column}" },
  IMPORT_APPLY: { id: "Simpan berkas ini", en: "Save this file" },
  IMPORT_APPLY_CONFIRM_TITLE: { id: "Simpan berkas yang sudah diperiksa?", en: "Save the checked file?" },
  IMPORT_APPLY_CONFIRM_TEXT: {
    id: "{file}: {persons} orang baru akan dicatat; {existing} orang sudah ada di data penduduk dan dipakai.",
    en: "{file}: {persons} new people will be recorded; {existing} are already in the registry and are used.",
  },
  IMPORT_APPLY_CONFIRM_ENROLL: {
    id: "{enrollments} orang didaftarkan ke tahap program ini.",
    en: "{enrollments} people are enrolled in this program period.",
  },
  IMPORT_APPLY_CONFIRM_SKIP: {
    id: "{rejected} baris salah dilewati dan tidak disimpan.",
    en: "{rejected} wrong rows are skipped and not saved.",
  },
  IMPORT_APPLY_CONFIRM_ALL_OR_NOTHING: {
    id: "Penyimpanan berjalan sebagai satu langkah: seluruhnya atau tidak sama sekali. Berkas yang sama tidak dapat tersimpan dua kali.",
    en: "Saving runs as one step: all of it or nothing. The same file cannot be saved twice.",
  },
  IMPORT_APPLY_CONFIRM: { id: "Ya, simpan", en: "Yes, save" },
  IMPORT_CHECK_APPLIED_ALREADY: {
    id: "Berkas ini sudah disimpan setelah diperiksa.",
    en: "This file has been saved since it was checked.",
  },

  // Summary
  IMPORT_SUMMARY_TITLE: { id: "Ringkasan", en: "Summary" },
  IMPORT_SUM_ROWS: { id: "baris dibaca", en: "rows read" },
  IMPORT_SUM_ACCEPTED: { id: "baris diterima", en: "rows accepted" },
  IMPORT_SUM_REJECTED: { id: "baris ditolak", en: "rows refused" },
  IMPORT_SUM_WITH_WARNINGS: { id: "baris dengan peringatan", en: "rows with warnings" },
  IMPORT_SUM_PERSONS_CREATED: { id: "orang baru dicatat", en: "new people recorded" },
  IMPORT_SUM_PERSONS_TO_CREATE: { id: "orang baru (akan dicatat)", en: "new people (to record)" },
  IMPORT_SUM_PERSONS_EXISTING: { id: "sudah ada di data penduduk", en: "already in the registry" },
  IMPORT_SUM_ENROLLMENTS_CREATED: { id: "didaftarkan ke tahap", en: "enrolled in the period" },
  IMPORT_SUM_ENROLLMENTS_TO_CREATE: { id: "akan didaftarkan ke tahap", en: "to enrol in the period" },
  IMPORT_SUM_ENROLLMENTS_EXISTING: { id: "sudah terdaftar di tahap", en: "already in the period" },
  IMPORT_SUM_DUPLICATES_IN_FILE: { id: "NIK ganda dalam berkas", en: "NIKs twice in the file" },
  IMPORT_SCREENING_TITLE: { id: "Pemeriksaan data ganda", en: "Duplicate screening" },
  IMPORT_SCREENING_RAN: {
    id: "Dibandingkan dengan {compared} orang di kecamatan yang sama: {registry} kemungkinan sama dengan orang yang sudah terdaftar, {file} kemungkinan ganda di dalam berkas. Periksa di antrean tumpang tindih.",
    en: "Compared with {compared} people in the same kecamatan: {registry} possibly the same as someone registered, {file} possibly twice in the file. Review them in the overlap queue.",
  },
  IMPORT_SCREENING_TOO_MANY: {
    id: "Tidak dijalankan: berkas lebih dari {limit} baris. Jalankan pencocokan di menu tumpang tindih.",
    en: "Not run: the file has more than {limit} rows. Run matching from the overlap menu.",
  },
  IMPORT_SCREENING_NO_ROWS: { id: "Tidak ada baris untuk dibandingkan.", en: "No rows to compare." },
  IMPORT_SCREENING_PENDING: { id: "Belum dijalankan.", en: "Not run yet." },
  IMPORT_FINDINGS_BY_KIND: { id: "Temuan menurut jenis", en: "Findings by kind" },
  ...labels<"IMPORT_SEVERITY", "error" | "warning">("IMPORT_SEVERITY", {
    error: { id: "Galat", en: "Error" },
    warning: { id: "Peringatan", en: "Warning" },
  }),

  // Findings
  IMPORT_ISSUES_TITLE: { id: "Temuan per baris", en: "Findings by row" },
  IMPORT_ISSUES_TOTAL: { id: "{count} temuan", en: "{count} findings" },
  IMPORT_ISSUES_EMPTY: { id: "Tidak ada temuan", en: "No findings" },
  IMPORT_ISSUES_EMPTY_HINT: {
    id: "Setiap baris terbaca dengan benar.",
    en: "Every row was read correctly.",
  },
  IMPORT_ISSUE_ROW: { id: "Baris", en: "Row" },
  IMPORT_ISSUE_COLUMN: { id: "Kolom", en: "Column" },
  IMPORT_ISSUE_FINDING: { id: "Temuan", en: "Finding" },
  IMPORT_ISSUE_WHOLE_ROW: { id: "seluruh baris", en: "whole row" },
  IMPORT_ISSUES_ROWS: { id: "Baris {from}–{to}", en: "Rows {from}–{to}" },
  IMPORT_ISSUES_PREVIOUS: { id: "Sebelumnya", en: "Previous" },
  IMPORT_ISSUES_NEXT: { id: "Berikutnya", en: "Next" },

  // Column layout and mapping
  IMPORT_MAPPING_TITLE: { id: "Susunan kolom", en: "Column layout" },
  IMPORT_MAPPING_NONE: {
    id: "Judul kolom tidak ditemukan di berkas ini. Isi nomor baris judul di bawah, lalu periksa ulang.",
    en: "No column headers were found in this file. Give the header row number below, then check again.",
  },
  IMPORT_MAPPING_UNREAD: {
    id: "Berkas tidak dapat dibaca, jadi susunan kolomnya tidak diketahui. Perbaiki berkas (lihat masalah di atas) lalu unggah lagi.",
    en: "The file could not be read, so its columns are not known. Fix the file (see the problem above) and upload it again.",
  },
  IMPORT_MAPPING_MANUAL_HINT: {
    id: "Judul kolom tidak dikenali. Tulis judul kolom persis seperti di berkas dan pilih isinya (paling sedikit nama dan desa/kelurahan); judul lain tetap dikenali seperti biasa. Lalu periksa ulang.",
    en: "The column headers were not recognised. Write a header exactly as it stands in the file and choose what it holds (at least the name and the desa/kelurahan); other headers are still recognised as usual. Then check again.",
  },
  IMPORT_MAPPING_ADD: { id: "Tambah kolom", en: "Add a column" },
  IMPORT_MAPPING_REMOVE: { id: "Hapus", en: "Remove" },
  IMPORT_MAPPING_HINT: {
    id: "Setiap judul kolom dibaca sebagai isian di sebelahnya. Ubah bila salah, lalu periksa ulang.",
    en: "Each column header is read as the field beside it. Change it if wrong, then check again.",
  },
  IMPORT_MAPPING_HINT_READONLY: {
    id: "Setiap judul kolom dibaca sebagai isian di sebelahnya.",
    en: "Each column header is read as the field beside it.",
  },
  IMPORT_MAPPING_COLUMN: { id: "Kolom", en: "Column" },
  IMPORT_MAPPING_HEADER: { id: "Judul di berkas", en: "Header in the file" },
  IMPORT_MAPPING_FIELD: { id: "Dibaca sebagai", en: "Read as" },
  IMPORT_MAPPING_FIELD_OF: { id: "Kolom {column} dibaca sebagai", en: "Column {column} read as" },
  IMPORT_MAPPING_BLANK_HEADER: { id: "(tanpa judul)", en: "(no header)" },
  IMPORT_MAPPING_MISSING: {
    id: "Belum ada kolom untuk: {fields}. Setiap baris memerlukannya.",
    en: "No column yet for: {fields}. Every row needs it.",
  },
  IMPORT_MAPPING_TWICE: {
    id: "Dua kolom dibaca sebagai isian yang sama ({fields}); hanya kolom pertama yang dipakai.",
    en: "Two columns are read as the same field ({fields}); only the first is used.",
  },
  ...labels<"IMPORT_FIELD", ImportField | "ignore" | "village">("IMPORT_FIELD", {
    nik: { id: "NIK", en: "NIK" },
    kk: { id: "Nomor KK", en: "Family card (KK) number" },
    name: { id: "Nama", en: "Name" },
    birthPlace: { id: "Tempat lahir", en: "Place of birth" },
    birthDate: { id: "Tanggal lahir", en: "Date of birth" },
    birthPlaceDate: { id: "Tempat, tanggal lahir (TTL)", en: "Place and date of birth (TTL)" },
    sex: { id: "Jenis kelamin (L/P)", en: "Sex (L/P)" },
    address: { id: "Alamat", en: "Address" },
    rt: { id: "RT", en: "RT" },
    rw: { id: "RW", en: "RW" },
    rtRw: { id: "RT/RW", en: "RT/RW" },
    villageCode: { id: "Kode desa/kelurahan", en: "Desa/kelurahan code" },
    villageName: { id: "Nama desa/kelurahan", en: "Desa/kelurahan name" },
    districtCode: { id: "Kode kecamatan", en: "Kecamatan code" },
    districtName: { id: "Nama kecamatan", en: "Kecamatan name" },
    phone: { id: "Nomor HP", en: "Phone number" },
    occupation: { id: "Pekerjaan", en: "Occupation" },
    monthlyIncome: { id: "Penghasilan per bulan", en: "Monthly income" },
    ignore: { id: "— tidak dipakai —", en: "— not used —" },
    village: { id: "desa/kelurahan (nama atau kode)", en: "desa/kelurahan (name or code)" },
  }),
  IMPORT_LAYOUT_CSV: { id: "Berkas CSV", en: "CSV file" },
  IMPORT_LAYOUT_XLSX: { id: "Berkas Excel (.xlsx)", en: "Excel file (.xlsx)" },
  IMPORT_LAYOUT_DELIMITER: { id: "pemisah “{delimiter}”", en: "separator “{delimiter}”" },
  ...labels<"IMPORT_LAYOUT_DELIMITER", "comma" | "semicolon" | "tab" | "pipe">("IMPORT_LAYOUT_DELIMITER", {
    comma: { id: "dipisah koma", en: "comma-separated" },
    semicolon: { id: "dipisah titik koma", en: "semicolon-separated" },
    tab: { id: "dipisah tab", en: "tab-separated" },
    pipe: { id: "dipisah garis tegak (|)", en: "pipe-separated (|)" },
  }),
  IMPORT_LAYOUT_HEADER_ROW: { id: "judul kolom di baris {row}", en: "headers on row {row}" },
  IMPORT_RECHECK_TITLE: { id: "Periksa ulang dengan susunan ini", en: "Check again with this layout" },
  IMPORT_RECHECK_HINT: {
    id: "Server tidak membaca ulang berkas yang sudah diunggah dengan susunan baru, jadi pilih lagi berkas yang sama dari komputer Anda. Pemeriksaan ulang tidak menyimpan apa pun.",
    en: "The server does not re-read an uploaded file with a new layout, so choose the same file again from your computer. Checking again saves nothing.",
  },
  IMPORT_RECHECK_CHANGED: {
    id: "Susunan kolom sudah Anda ubah; perubahan dipakai saat periksa ulang.",
    en: "You changed the column layout; the changes are used when checking again.",
  },
  IMPORT_RECHECK_FILE: { id: "Berkas yang sama", en: "The same file" },
  IMPORT_HEADER_ROW: { id: "Baris judul kolom", en: "Header row" },
  IMPORT_HEADER_ROW_HINT: { id: "Kosongkan untuk dicari sendiri.", en: "Leave empty to find it." },
  IMPORT_RECHECK_SUBMIT: { id: "Periksa ulang", en: "Check again" },
  IMPORT_RECHECK_OTHER_FILE: {
    id: "{file} bukan berkas yang diperiksa tadi (isinya berbeda). Periksa tetap dapat dijalankan sebagai berkas baru.",
    en: "{file} is not the file checked before (its content differs). It can still be checked as a new file.",
  },
  IMPORT_RECHECK_ANYWAY: { id: "Tetap periksa berkas ini", en: "Check this file anyway" },
  IMPORT_TEMPLATE_SAVE_TITLE: { id: "Simpan susunan sebagai templat", en: "Save the layout as a template" },
  IMPORT_TEMPLATE_SAVE_HINT_OWN: {
    id: "Untuk daftar berikutnya dari {agency}. Nama yang sama menggantikan templat lama.",
    en: "For the next lists of {agency}. The same name replaces the older template.",
  },
  IMPORT_TEMPLATE_SAVE_HINT: {
    id: "Untuk daftar berikutnya dari dinas yang dipilih. Nama yang sama menggantikan templat lama.",
    en: "For the next lists of the chosen agency. The same name replaces the older template.",
  },
  IMPORT_TEMPLATE_NAME: { id: "Nama templat", en: "Template name" },
  IMPORT_TEMPLATE_NAME_REQUIRED: { id: "Beri nama templat.", en: "Give the template a name." },
  IMPORT_TEMPLATE_AGENCY: { id: "Dinas", en: "Agency" },
  IMPORT_TEMPLATE_AGENCY_SHARED: { id: "Semua dinas", en: "All agencies" },
  IMPORT_TEMPLATE_SAVE: { id: "Simpan templat", en: "Save template" },
  IMPORT_TEMPLATE_SAVED: { id: "Templat “{name}” tersimpan.", en: "Template “{name}” saved." },
} satisfies MessageCatalog;
