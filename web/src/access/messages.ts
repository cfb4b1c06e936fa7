import type { Role } from "../../../src/access/roles.ts";
import type { MessageCatalog, MessageTemplate } from "../../../src/i18n/index.ts";

const ROLE_LABELS: Record<Role, MessageTemplate> = {
  admin: { id: "Admin", en: "Admin" },
  enumerator: { id: "Pendata", en: "Enumerator" },
  rt: { id: "Ketua RT/RW", en: "RT/RW head" },
  village_operator: { id: "Operator desa", en: "Village operator" },
  kecamatan_officer: { id: "Petugas kecamatan", en: "Kecamatan officer" },
  program_manager: { id: "Pengelola program (Dinas)", en: "Program manager (agency)" },
  coordinator: { id: "Koordinator", en: "Coordinator" },
  approver: { id: "Pengesah (Bupati/Sekda)", en: "Approver (Bupati/Sekda)" },
  bank_operator: { id: "Operator bank", en: "Bank operator" },
  auditor: { id: "Pemeriksa (Inspektorat/DPRD)", en: "Auditor (Inspektorat/DPRD)" },
};

const roleCatalog = Object.fromEntries(
  Object.entries(ROLE_LABELS).map(([role, label]) => [`ROLE_${role}`, label]),
) as Record<`ROLE_${Role}`, MessageTemplate>;

export const ACCESS_UI_MESSAGES = {
  ...roleCatalog,
  LOGIN_TITLE: { id: "Masuk ke Salur", en: "Sign in to Salur" },
  LOGIN_INTRO: {
    id: "Pendataan, verifikasi, dan penyaluran bantuan sosial. Masuk dengan akun yang diberikan admin.",
    en: "Registration, verification and payment of social assistance. Sign in with the account your admin gave you.",
  },
  USERNAME: { id: "Nama pengguna", en: "Username" },
  PASSWORD: { id: "Kata sandi", en: "Password" },
  LOGIN: { id: "Masuk", en: "Sign in" },
  LOGGING_IN: { id: "Sedang masuk…", en: "Signing in…" },
  LOGOUT: { id: "Keluar", en: "Sign out" },
  LOGIN_FAILED: { id: "Gagal masuk", en: "Sign-in failed" },
  DEMO_BANNER_TITLE: { id: "Mode demo", en: "Demo mode" },
  DEMO_BANNER: {
    id: "Ada {count} akun demo dengan kata sandi yang dipublikasikan. Jangan masukkan data penduduk sungguhan; nonaktifkan akun demo sebelum dipakai sungguhan.",
    en: "{count} demo accounts with a published password exist. Do not enter real residents' data; deactivate the demo accounts before real use.",
  },
  SESSION_EXPIRED: {
    id: "Sesi Anda berakhir. Silakan masuk lagi.",
    en: "Your session ended. Please sign in again.",
  },
  OPEN_MODE: {
    id: "Server ini belum mengaktifkan login: semua menu terbuka.",
    en: "This server has no sign-in enabled yet: every menu is open.",
  },
  SIGNED_IN_AS: { id: "Masuk sebagai {name}", en: "Signed in as {name}" },
  AREA_REGENCY: { id: "Seluruh kabupaten", en: "Whole regency" },
  // Users administration
  USERS_TITLE: { id: "Pengguna", en: "Users" },
  USER_ADD: { id: "Tambah pengguna", en: "Add user" },
  USER_EDIT: { id: "Ubah pengguna {username}", en: "Edit user {username}" },
  USER_NAME: { id: "Nama lengkap", en: "Full name" },
  USER_ROLE: { id: "Peran", en: "Role" },
  USER_AREA: { id: "Wilayah kerja", en: "Area" },
  USER_AGENCY: { id: "Dinas", en: "Agency" },
  USER_AGENCY_HINT: {
    id: "Wajib untuk pengelola program: ia hanya melihat program dinasnya.",
    en: "Required for program managers: they see only their agency's programs.",
  },
  USER_AREA_HINT: {
    id: "Kosongkan kecamatan untuk seluruh kabupaten. Pengguna hanya melihat data di wilayah ini.",
    en: "Leave the kecamatan empty for the whole regency. The user sees only data inside this area.",
  },
  USER_ACTIVE: { id: "Aktif", en: "Active" },
  USER_INACTIVE: { id: "Nonaktif", en: "Inactive" },
  USER_STATUS: { id: "Status", en: "Status" },
  USER_PASSWORD_NEW: { id: "Kata sandi awal", en: "Initial password" },
  USER_PASSWORD_HINT: {
    id: "Minimal 10 karakter dan tidak mudah ditebak; berikan langsung kepada pengguna.",
    en: "At least 10 characters and hard to guess; hand it to the user in person.",
  },
  USER_PASSWORD_RESET: { id: "Kata sandi baru (opsional)", en: "New password (optional)" },
  USER_SAVED: { id: "Pengguna {username} tersimpan.", en: "User {username} saved." },
  USERS_EMPTY: { id: "Belum ada pengguna", en: "No users yet" },
  USERS_UNAVAILABLE: {
    id: "Pengelolaan pengguna belum tersedia di server ini.",
    en: "User administration is not available on this server yet.",
  },
} satisfies MessageCatalog;
