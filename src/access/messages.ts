import type { MessageCatalog } from "../i18n/index.ts";

export const ACCESS_MESSAGES: MessageCatalog = {
  AUTH_REQUIRED: { id: "Silakan masuk terlebih dahulu.", en: "Please sign in first." },
  AUTH_INVALID: { id: "Nama pengguna atau kata sandi salah.", en: "Wrong username or password." },
  AUTH_THROTTLED: {
    id: "Terlalu banyak percobaan masuk yang gagal. Coba lagi dalam {retryAfterSeconds} detik.",
    en: "Too many failed sign-in attempts. Try again in {retryAfterSeconds} seconds.",
  },
  CSRF_INVALID: {
    id: "Permintaan ditolak: token keamanan (CSRF) tidak ada atau salah. Muat ulang halaman lalu ulangi.",
    en: "Request refused: the security (CSRF) token is missing or wrong. Reload the page and try again.",
  },
  FORBIDDEN: { id: "Peran Anda tidak berwenang melakukan ini.", en: "Your role is not allowed to do this." },
  AREA_FORBIDDEN: {
    id: "Wilayah {area} berada di luar wilayah kerja Anda.",
    en: "Area {area} is outside your working area.",
  },
  MAKER_CHECKER_CONFLICT: {
    id: "Anda sudah melakukan tugas '{performed}' pada data ini; tugas '{duty}' harus dilakukan petugas lain.",
    en: "You already performed '{performed}' on this record; '{duty}' must be done by another officer.",
  },
  PASSWORD_TOO_WEAK: {
    id: "Kata sandi terlalu mudah ditebak (skor {score} dari 4, minimal {minimum}). Pakai beberapa kata yang tidak umum, tanpa nama sendiri atau nama daerah.",
    en: "The password is too easy to guess (score {score} of 4, at least {minimum}). Use several uncommon words, not your own name or a place name.",
  },
  PASSWORD_BLOCKED: {
    id: "Kata sandi ini ada di daftar larangan: sandi demo, kata program (bansos, salur) atau nama daerah dengan angka (paser2026). Pakai beberapa kata yang tidak umum.",
    en: "This password is on the blocklist: the demo password, program words (bansos, salur) or a place name with digits (paser2026). Use several uncommon words.",
  },
  AUTH_DEMO_PASSWORD_REFUSED: {
    id: "Kata sandi demo hanya berlaku saat Salur dijalankan dengan --demo.",
    en: "The demo password only works when Salur runs with --demo.",
  },
  PASSWORD_WRONG: { id: "Kata sandi lama salah.", en: "The current password is wrong." },
  USERNAME_EXISTS: {
    id: "Nama pengguna '{username}' sudah dipakai.",
    en: "Username '{username}' is already taken.",
  },
  USER_NOT_FOUND: { id: "Pengguna {id} tidak ditemukan.", en: "User {id} was not found." },
  USER_SELF_LOCKOUT: {
    id: "Anda tidak dapat menonaktifkan atau menurunkan peran akun Anda sendiri.",
    en: "You cannot deactivate or demote your own account.",
  },
  AREA_INVALID: {
    id: "Wilayah {code} tidak dikenal atau di luar kabupaten ini.",
    en: "Area {code} is unknown or outside this regency.",
  },
  AREA_ROLE_MISMATCH: {
    id: "Peran {role} harus berwilayah {level}.",
    en: "Role {role} must be scoped to a {level}.",
  },
  AGENCY_REQUIRED: {
    id: "Pengelola program harus terikat pada satu dinas.",
    en: "A program manager must belong to an agency.",
  },
  AGENCY_NOT_ALLOWED: {
    id: "Hanya pengelola program yang terikat pada dinas.",
    en: "Only program managers belong to an agency.",
  },
  TOKEN_SCOPE_INVALID: {
    id: "Cakupan token '{scope}' tidak diizinkan untuk peran {role}.",
    en: "Token scope '{scope}' is not allowed for role {role}.",
  },
  TOKEN_OWNER_ONLY: {
    id: "Token API hanya dapat dibuat oleh pemilik akunnya sendiri; token atas nama pejabat lain ditolak dan dicatat.",
    en: "An API token can only be made by its own account holder; a token in another official's name is refused and logged.",
  },
  TOKEN_NEEDS_SESSION: {
    id: "Token API dibuat dari sesi masuk, bukan dengan token lain.",
    en: "API tokens are made from a signed-in session, not with another token.",
  },
  TOKEN_NOT_FOUND: { id: "Token {id} tidak ditemukan.", en: "Token {id} was not found." },
  REASON_REQUIRED: {
    id: "Alasan wajib diisi untuk perubahan ini.",
    en: "A reason is required for this change.",
  },
  ROUTE_NOT_IN_PERMISSION_TABLE: {
    id: "Alamat ini belum terdaftar di tabel hak akses.",
    en: "This route has no entry in the permission table.",
  },
};
