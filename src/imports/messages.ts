import type { MessageCatalog } from "../i18n/index.ts";
import { JOB_MESSAGES } from "../jobs/messages.ts";

const TEXT_ID = "Simpan ulang dari Excel sebagai .xlsx atau CSV (UTF-8).";
const TEXT_EN = "Save it again from Excel as .xlsx or CSV (UTF-8).";

/**
 * Indonesian and English text of every import, reconciliation and job code. `{row}` and `{column}` are 1-based,
 * as a spreadsheet shows them.
 */
export const IMPORT_MESSAGES: MessageCatalog = {
  ...JOB_MESSAGES,

  // The file as a whole
  FILE_EMPTY: { id: "Berkas kosong.", en: "The file is empty." },
  FILE_TOO_LARGE: {
    id: "Berkas terlalu besar ({bytes} byte; paling besar {limit} byte). Bagi daftar menjadi beberapa berkas.",
    en: "The file is too large ({bytes} bytes; at most {limit}). Split the list into several files.",
  },
  FILE_XLS_UNSUPPORTED: {
    id: `Berkas ini format Excel lama (.xls) atau dilindungi kata sandi. ${TEXT_ID}`,
    en: `This is an old Excel file (.xls) or a password-protected one. ${TEXT_EN}`,
  },
  FILE_NOT_SPREADSHEET: {
    id: `Berkas ini bukan daftar (terbaca sebagai {kind}). ${TEXT_ID}`,
    en: `This file is not a list (it reads as {kind}). ${TEXT_EN}`,
  },
  FILE_TOO_MANY_ROWS: {
    id: "Berkas melebihi {limit} baris (berhenti di baris {row}). Bagi daftar menjadi beberapa berkas.",
    en: "The file has more than {limit} rows (stopped at row {row}). Split the list into several files.",
  },
  FILE_NO_DATA_ROWS: {
    id: "Tidak ada baris data di bawah judul kolom (baris {row}).",
    en: "There are no data rows under the header (row {row}).",
  },
  ROW_TOO_MANY_COLUMNS: {
    id: "Baris {row} punya lebih dari {limit} kolom.",
    en: "Row {row} has more than {limit} columns.",
  },
  CELL_TOO_LONG: {
    id: "Sel di baris {row}, kolom {column} terlalu panjang (lebih dari {limit} karakter).",
    en: "The cell at row {row}, column {column} is too long (over {limit} characters).",
  },
  CSV_MALFORMED: {
    id: "Berkas CSV rusak di baris {row}, kolom {column} (tanda kutip tidak ditutup atau karakter setelah kutip penutup). Buka di Excel lalu simpan ulang sebagai CSV.",
    en: "The CSV is broken at row {row}, column {column} (an unclosed quote or text after a closing quote). Open it in Excel and save it again as CSV.",
  },
  CSV_ENCODING_UNSUPPORTED: {
    id: `Penyandian teks {encoding} tidak didukung. ${TEXT_ID}`,
    en: `Text encoding {encoding} is not supported. ${TEXT_EN}`,
  },
  XLSX_CORRUPT: {
    id: `Berkas XLSX rusak ({detail}). ${TEXT_ID}`,
    en: `The XLSX file is damaged ({detail}). ${TEXT_EN}`,
  },
  XLSX_UNREADABLE: {
    id: `Isi berkas XLSX tidak dapat dibaca mulai baris {row} ({detail}). ${TEXT_ID}`,
    en: `The XLSX content cannot be read from row {row} on ({detail}). ${TEXT_EN}`,
  },
  XLSX_STALLED: {
    id: `Pembacaan berkas XLSX macet di baris {row} (tidak ada kemajuan selama {seconds} detik); berkas kemungkinan rusak. ${TEXT_ID}`,
    en: `Reading the XLSX file stalled at row {row} (no progress for {seconds} seconds); the file is probably damaged. ${TEXT_EN}`,
  },
  XLSX_ENCRYPTED: {
    id: "Berkas XLSX ini terenkripsi. Buka kuncinya di Excel lalu simpan ulang.",
    en: "This XLSX file is encrypted. Remove the protection in Excel and save it again.",
  },
  XLSX_TOO_LARGE_UNZIPPED: {
    id: "Isi berkas XLSX terlalu besar setelah dibuka ({part}); berkas ditolak demi keamanan server. Bagi daftar menjadi beberapa berkas.",
    en: "The XLSX content is too large once unpacked ({part}); it was refused to protect the server. Split the list into several files.",
  },
  XLSX_TOO_MANY_PARTS: {
    id: "Berkas XLSX berisi terlalu banyak bagian ({count}; paling banyak {limit}).",
    en: "The XLSX file has too many parts ({count}; at most {limit}).",
  },
  XLSX_NO_WORKSHEET: { id: "Berkas XLSX tidak berisi lembar kerja.", en: "The XLSX file has no worksheet." },
  XLSX_SHEET_NOT_FOUND: {
    id: "Lembar kerja '{sheet}' tidak ada di berkas ini.",
    en: "There is no worksheet '{sheet}' in this file.",
  },
  HEADER_NOT_FOUND: {
    id: "Judul kolom tidak ditemukan di {rows} baris pertama. Harus ada kolom NAMA dan paling sedikit satu kolom lain yang dikenal (NIK, NO KK, TGL LAHIR, DESA/KELURAHAN …), atau pilih pemetaan kolom.",
    en: "No header found in the first {rows} rows. There must be a NAMA column and at least one other known column (NIK, NO KK, TGL LAHIR, DESA/KELURAHAN …), or choose a column mapping.",
  },
  HEADER_ROW_EMPTY: { id: "Baris judul {row} kosong.", en: "Header row {row} is empty." },
  COLUMN_MISSING_NAME: {
    id: "Tidak ada kolom nama (NAMA) di baris judul {row}.",
    en: "There is no name column (NAMA) in header row {row}.",
  },
  COLUMN_MISSING_VILLAGE: {
    id: "Tidak ada kolom desa/kelurahan (nama DESA/KELURAHAN atau KODE DESA) di baris judul {row}. Setiap penerima harus jelas desanya.",
    en: "There is no desa/kelurahan column (DESA/KELURAHAN name or KODE DESA) in header row {row}. Every recipient's desa must be known.",
  },
  NIK_COLUMN_ZEROED: {
    id: "{endingInZero} dari {checked} NIK di kolom {column} berakhiran 0: kolom ini pernah disimpan sebagai angka di Excel dan digit ke-16 hilang. Ketik ulang NIK dari KTP dengan format kolom Teks.",
    en: "{endingInZero} of {checked} NIKs in column {column} end in 0: the column was once stored as numbers in Excel and the 16th digit was lost. Retype the NIKs from the KTP with the column formatted as Text.",
  },

  // Rows
  NAME_MISSING: { id: "Nama kosong.", en: "The name is empty." },
  TEXT_TOO_LONG: {
    id: "Isian terlalu panjang (paling banyak {limit} karakter).",
    en: "Too long (at most {limit} characters).",
  },
  ID_STORED_AS_NUMBER: {
    id: "Sel ini disimpan sebagai angka, bukan teks: Excel hanya menyimpan 15 digit, jadi digit terakhir bisa hilang. Format kolom sebagai Teks.",
    en: "This cell is stored as a number, not text: Excel keeps only 15 digits, so the last digit may be lost. Format the column as Text.",
  },
  DATE_UNRECOGNISED: {
    id: "Tanggal '{value}' tidak dikenali. Tulis seperti 12-05-1980, 12/05/1980, 1980-05-12 atau 12 Mei 1980.",
    en: "Date '{value}' is not recognised. Write it as 12-05-1980, 12/05/1980, 1980-05-12 or 12 Mei 1980.",
  },
  DATE_INVALID: { id: "Tanggal '{value}' tidak ada di kalender.", en: "Date '{value}' does not exist." },
  DATE_IN_FUTURE: {
    id: "Tanggal lahir '{value}' ({date}) belum terjadi.",
    en: "Birth date '{value}' ({date}) is in the future.",
  },
  DATE_TOO_OLD: {
    id: "Tahun lahir {year} tidak masuk akal; periksa pengetikan.",
    en: "Birth year {year} is implausible; check the typing.",
  },
  DATE_MONTH_FIRST: {
    id: "Tanggal '{value}' dibaca bulan-dulu ({date}) karena tanggal-dulu tidak mungkin. Periksa.",
    en: "Date '{value}' was read month first ({date}) because day first is impossible. Check it.",
  },
  DATE_TWO_DIGIT_YEAR: {
    id: "Tahun dua digit: '{value}' dibaca {date}.",
    en: "Two-digit year: '{value}' was read as {date}.",
  },
  DATE_EXCEL_SERIAL: {
    id: "Angka {value} dibaca sebagai tanggal Excel {date}; format kolom sebagai tanggal.",
    en: "Number {value} was read as Excel date {date}; format the column as a date.",
  },
  SEX_UNRECOGNISED: {
    id: "Jenis kelamin '{value}' tidak dikenali; isi L atau P.",
    en: "Sex '{value}' is not recognised; write L or P.",
  },
  SEX_MISSING: {
    id: "Jenis kelamin kosong dan tidak dapat dibaca dari NIK; isi L atau P.",
    en: "Sex is empty and cannot be read from the NIK; write L or P.",
  },
  SEX_FROM_NIK: { id: "Jenis kelamin diambil dari NIK ({sex}).", en: "Sex taken from the NIK ({sex})." },
  RT_INVALID: {
    id: "RT '{value}' tidak valid; isi 1 sampai 3 angka.",
    en: "RT '{value}' is invalid; write 1 to 3 digits.",
  },
  RW_INVALID: {
    id: "RW '{value}' tidak valid; isi 1 sampai 3 angka.",
    en: "RW '{value}' is invalid; write 1 to 3 digits.",
  },
  RT_RW_INVALID: {
    id: "RT/RW '{value}' tidak dikenali; tulis seperti 003/002.",
    en: "RT/RW '{value}' is not recognised; write it as 003/002.",
  },
  PHONE_INVALID: {
    id: "Nomor HP '{value}' tidak valid (8–15 angka).",
    en: "Phone number '{value}' is invalid (8–15 digits).",
  },
  PHONE_SCIENTIFIC_NOTATION: {
    id: "Nomor HP '{value}' diubah Excel menjadi notasi ilmiah dan digitnya hilang; ketik ulang dengan format kolom Teks.",
    en: "Phone number '{value}' was turned into scientific notation by Excel and its digits are lost; retype it with the column formatted as Text.",
  },
  AMOUNT_INVALID: {
    id: "Jumlah '{value}' tidak dapat dibaca sebagai rupiah.",
    en: "Amount '{value}' cannot be read as rupiah.",
  },
  VILLAGE_MISSING: { id: "Desa/kelurahan kosong.", en: "The desa/kelurahan is empty." },
  VILLAGE_CODE_UNKNOWN: {
    id: "Kode desa '{value}' tidak ada dalam daftar wilayah Kemendagri.",
    en: "Desa code '{value}' is not in the Kemendagri region list.",
  },
  VILLAGE_OUTSIDE_REGENCY: {
    id: "Desa {village} ('{value}') berada di luar kabupaten {regency}.",
    en: "Desa {village} ('{value}') lies outside regency {regency}.",
  },
  VILLAGE_NAME_UNKNOWN: {
    id: "Desa/kelurahan '{value}' tidak dikenal di {scope}.",
    en: "Desa/kelurahan '{value}' is not known in {scope}.",
  },
  VILLAGE_NAME_UNKNOWN_SUGGEST: {
    id: "Desa/kelurahan '{value}' tidak dikenal di {scope}. Mungkin maksudnya: {suggestions}?",
    en: "Desa/kelurahan '{value}' is not known in {scope}. Did you mean: {suggestions}?",
  },
  VILLAGE_NAME_AMBIGUOUS: {
    id: "Ada desa bernama '{value}' di lebih dari satu kecamatan ({districts}); isi kolom KECAMATAN.",
    en: "There is a desa named '{value}' in more than one kecamatan ({districts}); fill in the KECAMATAN column.",
  },
  VILLAGE_NAME_CODE_MISMATCH: {
    id: "Nama desa '{name}' tidak sama dengan kode {code} ({village}); kode yang dipakai.",
    en: "Desa name '{name}' does not match code {code} ({village}); the code was used.",
  },
  DISTRICT_UNKNOWN: {
    id: "Kecamatan '{value}' tidak dikenal. Mungkin maksudnya: {suggestions}?",
    en: "Kecamatan '{value}' is not known. Did you mean: {suggestions}?",
  },
  IMPORT_AREA_FORBIDDEN: {
    id: "Desa {village} di luar wilayah kerja Anda; baris ini tidak dapat Anda impor.",
    en: "Desa {village} is outside your area; you cannot import this row.",
  },
  DUPLICATE_IN_FILE: {
    id: "NIK ini sudah ada di baris {row} berkas yang sama.",
    en: "This NIK already appears in row {row} of the same file.",
  },
  REGISTRY_PERSON_EXISTS: {
    id: "NIK ini sudah terdaftar atas {name}; data penduduk yang ada dipakai, tidak dibuat baru.",
    en: "This NIK is already registered to {name}; the existing person is used, none is created.",
  },
  REGISTRY_NIK_OTHER_NAME: {
    id: "NIK ini terdaftar atas nama lain ({name}). Periksa apakah NIK salah ketik atau orangnya berbeda.",
    en: "This NIK is registered under another name ({name}). Check for a mistyped NIK or a different person.",
  },
  ENROLLMENT_EXISTS: {
    id: "{name} sudah terdaftar di tahap program ini; tidak ada yang diubah.",
    en: "{name} is already enrolled in this program period; nothing was changed.",
  },
  POSSIBLE_REGISTRY_DUPLICATE: {
    id: "Kemungkinan orang yang sama dengan {name} yang sudah terdaftar (peluang {probability}%). Periksa di antrean tumpang tindih.",
    en: "Possibly the same person as {name}, already registered ({probability}% likely). Check the overlap review queue.",
  },
  POSSIBLE_DUPLICATE_IN_FILE: {
    id: "Kemungkinan orang yang sama dengan baris {row} (peluang {probability}%).",
    en: "Possibly the same person as row {row} ({probability}% likely).",
  },

  // Import as a whole
  IMPORT_NOT_FOUND: { id: "Impor {id} tidak ditemukan.", en: "Import {id} was not found." },
  IMPORT_NOT_CHECKED: {
    id: "Impor {id} belum selesai diperiksa tanpa galat (status {state}); tidak dapat diterapkan.",
    en: "Import {id} has not been checked without errors (state {state}); it cannot be applied.",
  },
  IMPORT_TEMPLATE_NOT_FOUND: {
    id: "Templat pemetaan {id} tidak ditemukan.",
    en: "Mapping template {id} was not found.",
  },
  IMPORT_CONFLICT: {
    id: "Data berubah selama impor (NIK yang sama baru saja didaftarkan); tidak ada yang disimpan. Jalankan ulang.",
    en: "The data changed during the import (the same NIK was just registered); nothing was saved. Run it again.",
  },
  IMPORT_TOO_LARGE_FOR_MEMORY: {
    id: "Berkas ini terlalu besar untuk diproses dengan memori yang tersedia ({heapMb} MB). Simpan sebagai CSV atau bagi menjadi beberapa berkas.",
    en: "This file is too large to process in the memory available ({heapMb} MB). Save it as CSV or split it into several files.",
  },
  IMPORT_REPORT_UNAVAILABLE: {
    id: "Laporan impor ini tidak tersedia (berkas asli sudah dihapus atau impor belum selesai).",
    en: "This import's report is not available (the original file was removed or the import has not finished).",
  },
  IMPORT_UPLOAD_GONE: {
    id: "Berkas impor {id} sudah dihapus (dibuang atau melewati batas simpan); unggah berkasnya lagi.",
    en: "The file of import {id} was deleted (discarded or past the retention limit); upload it again.",
  },
  IMPORT_ALREADY_APPLIED: {
    id: "Berkas yang sama persis sudah diimpor untuk tahap ini ({id}); tidak ada yang diubah.",
    en: "Exactly this file was already imported for this period ({id}); nothing was changed.",
  },

  CLI_PROGRAM_AND_PERIOD: {
    id: "Sebutkan --program dan --period bersama-sama (atau tidak keduanya untuk daftar penduduk saja).",
    en: "Give --program and --period together (or neither, for a list of persons only).",
  },

  // Reconciliation
  RECONCILIATION_NOT_FOUND: {
    id: "Rekonsiliasi {id} tidak ditemukan.",
    en: "Reconciliation {id} was not found.",
  },
  RECONCILIATION_LINE_NOT_FOUND: {
    id: "Baris rekonsiliasi {id} tidak ditemukan.",
    en: "Reconciliation line {id} was not found.",
  },
  RECONCILIATION_NOT_DONE: {
    id: "Rekonsiliasi {id} belum selesai.",
    en: "Reconciliation {id} has not finished.",
  },
  RECONCILIATION_DECISION_NOT_ALLOWED: {
    id: "Keputusan '{decision}' tidak berlaku untuk baris {category}; pilih salah satu: {allowed}.",
    en: "Decision '{decision}' does not apply to a {category} line; choose one of: {allowed}.",
  },
  RECONCILIATION_REASON_REQUIRED: {
    id: "Keputusan '{decision}' harus disertai alasan.",
    en: "Decision '{decision}' needs a reason.",
  },

  // Report and export labels
  IMPORT_REPORT_COLUMN: { id: "KETERANGAN IMPOR", en: "IMPORT NOTES" },
  IMPORT_REPORT_OK: { id: "OK", en: "OK" },
  IMPORT_REPORT_ERROR: { id: "GALAT", en: "ERROR" },
  IMPORT_REPORT_WARNING: { id: "PERINGATAN", en: "WARNING" },
  IMPORT_REPORT_FILE: { id: "BERKAS", en: "FILE" },

  // Job stages (the web app shows them beside the progress bar)
  JOB_STAGE_READ: { id: "Membaca berkas", en: "Reading the file" },
  JOB_STAGE_LOAD: { id: "Memeriksa dan memuat baris", en: "Checking and loading rows" },
  JOB_STAGE_COMMIT: { id: "Menyimpan", en: "Saving" },
  JOB_STAGE_SCREEN: { id: "Mencari tumpang tindih", en: "Looking for overlaps" },
  JOB_STAGE_MATCH: { id: "Mencocokkan daftar", en: "Matching the lists" },
  JOB_STAGE_STORE: { id: "Menyimpan hasil", en: "Storing the results" },
};
