import type { MessageCatalog, MessageTemplate } from "../../../src/i18n/index.ts";
import type {
  BusinessSector,
  EducationLevel,
  EmploymentStatus,
  HealthCondition,
  HouseCondition,
  HouseholdRole,
  MaritalStatus,
  Sex,
} from "../../../src/registry/attributes.ts";
import type {
  ENROLLMENT_STATUSES,
  NIK_STATUSES,
  PERIOD_STATUSES,
  PROGRAM_KINDS,
  PROGRAM_TARGETS,
} from "../../../src/registry/codes.ts";

/** Labels of enum codes live in catalogs too, built as `<PREFIX>_<code>` so each value set stays exhaustive. */
function labels<P extends string, K extends string>(prefix: P, table: Record<K, MessageTemplate>) {
  return Object.fromEntries(
    Object.entries(table).map(([key, label]) => [`${prefix}_${key}`, label]),
  ) as Record<`${P}_${K}`, MessageTemplate>;
}

type EnrollmentStatus = (typeof ENROLLMENT_STATUSES)[number];
type NikStatus = (typeof NIK_STATUSES)[number];
type ProgramKind = (typeof PROGRAM_KINDS)[number];
type ProgramTarget = (typeof PROGRAM_TARGETS)[number];
type PeriodStatus = (typeof PERIOD_STATUSES)[number];

export const REGISTRY_UI_MESSAGES = {
  ...labels<"SEX", Sex>("SEX", { L: { id: "Laki-laki", en: "Male" }, P: { id: "Perempuan", en: "Female" } }),
  ...labels<"EDUCATION", EducationLevel>("EDUCATION", {
    none: { id: "Tidak/belum sekolah", en: "No schooling" },
    sd: { id: "SD/sederajat", en: "Primary (SD)" },
    smp: { id: "SMP/sederajat", en: "Junior secondary (SMP)" },
    sma: { id: "SMA/SMK/sederajat", en: "Senior secondary (SMA/SMK)" },
    diploma: { id: "Diploma (D1–D3)", en: "Diploma (D1–D3)" },
    sarjana: { id: "Sarjana (S1 ke atas)", en: "Bachelor's or higher" },
  }),
  ...labels<"EMPLOYMENT", EmploymentStatus>("EMPLOYMENT", {
    unemployed: { id: "Tidak bekerja", en: "Not working" },
    daily_labourer: { id: "Buruh harian lepas", en: "Daily labourer" },
    farmer_fisher: { id: "Petani/nelayan", en: "Farmer/fisher" },
    informal_trader: { id: "Pedagang/usaha mikro", en: "Trader/micro business" },
    private_employee: { id: "Karyawan swasta", en: "Private employee" },
    civil_servant: { id: "PNS/TNI/Polri", en: "Civil servant/military/police" },
    retired: { id: "Pensiunan", en: "Retired" },
  }),
  ...labels<"MARITAL", MaritalStatus>("MARITAL", {
    single: { id: "Belum kawin", en: "Single" },
    married: { id: "Kawin", en: "Married" },
    divorced: { id: "Cerai hidup", en: "Divorced" },
    widowed: { id: "Cerai mati", en: "Widowed" },
  }),
  ...labels<"HOUSEHOLD_ROLE", HouseholdRole>("HOUSEHOLD_ROLE", {
    head: { id: "Kepala keluarga", en: "Head of household" },
    spouse: { id: "Istri/suami", en: "Spouse" },
    child: { id: "Anak", en: "Child" },
    parent: { id: "Orang tua", en: "Parent" },
    other: { id: "Lainnya", en: "Other" },
  }),
  ...labels<"HOUSE", HouseCondition>("HOUSE", {
    permanent: { id: "Permanen (tembok, lantai keramik)", en: "Permanent (brick, tiled floor)" },
    semi_permanent: { id: "Semi permanen (setengah tembok)", en: "Semi-permanent (half brick)" },
    non_permanent: {
      id: "Tidak permanen (kayu/bambu, lantai tanah)",
      en: "Non-permanent (wood/bamboo, earth floor)",
    },
    no_own_house: { id: "Menumpang/sewa", en: "Lodging/renting" },
  }),
  ...labels<"HEALTH", HealthCondition>("HEALTH", {
    healthy: { id: "Sehat", en: "Healthy" },
    chronic_illness: { id: "Sakit menahun", en: "Chronic illness" },
    disability: { id: "Disabilitas", en: "Disability" },
    elderly_dependent: { id: "Lansia bergantung", en: "Dependent elderly" },
  }),
  ...labels<"SECTOR", BusinessSector>("SECTOR", {
    food: { id: "Makanan/minuman", en: "Food and drink" },
    retail: { id: "Toko/dagang", en: "Retail" },
    agriculture: { id: "Pertanian", en: "Agriculture" },
    fishery: { id: "Perikanan", en: "Fishery" },
    craft: { id: "Kerajinan", en: "Craft" },
    service: { id: "Jasa", en: "Services" },
    other: { id: "Lainnya", en: "Other" },
  }),
  ...labels<"STATUS", EnrollmentStatus>("STATUS", {
    draft: { id: "Draf", en: "Draft" },
    submitted: { id: "Diajukan", en: "Submitted" },
    verified: { id: "Diverifikasi desa", en: "Verified (desa)" },
    validated: { id: "Tervalidasi", en: "Validated" },
    selected: { id: "Terpilih", en: "Selected" },
    published: { id: "Diumumkan (masa sanggah)", en: "Published (objection period)" },
    approved: { id: "Ditetapkan SK", en: "Approved by decree" },
    paid: { id: "Disalurkan", en: "Paid" },
    received: { id: "Diterima", en: "Received" },
    rejected: { id: "Ditolak", en: "Rejected" },
    withdrawn: { id: "Dibatalkan", en: "Withdrawn" },
    objection_upheld: { id: "Sanggahan diterima", en: "Objection upheld" },
    payment_failed: { id: "Gagal salur", en: "Payment failed" },
    payment_returned: { id: "Dana kembali", en: "Payment returned" },
  }),
  ...labels<"NIK_STATUS", NikStatus>("NIK_STATUS", {
    valid: { id: "NIK sah", en: "NIK valid" },
    warning: { id: "NIK perlu dicek", en: "NIK to check" },
    invalid: { id: "NIK tidak sah", en: "NIK invalid" },
    missing: { id: "Tanpa NIK", en: "No NIK" },
  }),
  ...labels<"PROGRAM_KIND", ProgramKind>("PROGRAM_KIND", {
    cash: { id: "Uang tunai", en: "Cash" },
    in_kind: { id: "Barang", en: "In kind" },
  }),
  ...labels<"PROGRAM_TARGET", ProgramTarget>("PROGRAM_TARGET", {
    person: { id: "Perorangan", en: "Person" },
    household: { id: "Keluarga (KK)", en: "Household (KK)" },
    business: { id: "Usaha (UMKM)", en: "Business (UMKM)" },
  }),
  ...labels<"PERIOD_STATUS", PeriodStatus>("PERIOD_STATUS", {
    planned: { id: "Direncanakan", en: "Planned" },
    open: { id: "Dibuka", en: "Open" },
    closed: { id: "Ditutup", en: "Closed" },
  }),

  // Fields of a person
  FIELD_nik: { id: "NIK", en: "NIK" },
  FIELD_kk: { id: "Nomor KK", en: "KK number" },
  FIELD_phone: { id: "Nomor HP", en: "Phone number" },
  FIELD_name: { id: "Nama lengkap (sesuai KTP)", en: "Full name (as on the KTP)" },
  FIELD_sex: { id: "Jenis kelamin", en: "Sex" },
  FIELD_birthPlace: { id: "Tempat lahir", en: "Place of birth" },
  FIELD_birthDate: { id: "Tanggal lahir", en: "Date of birth" },
  FIELD_address: { id: "Alamat", en: "Address" },
  FIELD_villageCode: { id: "Desa/Kelurahan", en: "Desa (village)" },
  FIELD_rt: { id: "RT", en: "RT" },
  FIELD_rw: { id: "RW", en: "RW" },
  FIELD_householdRole: { id: "Hubungan dalam keluarga", en: "Relationship in the household" },
  FIELD_occupation: { id: "Pekerjaan (sesuai KTP)", en: "Occupation (as on the KTP)" },
  FIELD_education: { id: "Pendidikan terakhir", en: "Education" },
  FIELD_employment: { id: "Status pekerjaan", en: "Employment" },
  FIELD_monthlyIncome: { id: "Penghasilan per bulan", en: "Monthly income" },
  FIELD_maritalStatus: { id: "Status perkawinan", en: "Marital status" },
  FIELD_houseCondition: { id: "Kondisi rumah", en: "House condition" },
  FIELD_health: { id: "Kondisi kesehatan", en: "Health" },
  FIELD_dependants: { id: "Jumlah tanggungan", en: "Dependants" },
  FIELD_children: { id: "Jumlah anak", en: "Children" },
  FIELD_reason: { id: "Alasan perubahan", en: "Reason for the change" },

  // Person list
  PERSONS_TITLE: { id: "Data penduduk", en: "Registry" },
  PERSON_ADD: { id: "Daftarkan penduduk", en: "Register a person" },
  SEARCH_LABEL: { id: "Cari nama atau NIK", en: "Search by name or NIK" },
  SEARCH_PLACEHOLDER: { id: "mis. Siti Aminah atau 6401…", en: "e.g. Siti Aminah or 6401…" },
  FILTERS: { id: "Saring", en: "Filters" },
  FILTER_PROGRAM: { id: "Program", en: "Program" },
  FILTER_PERIOD: { id: "Tahap", en: "Period" },
  FILTER_STATUS: { id: "Status kepesertaan", en: "Enrollment status" },
  FILTER_NIK_STATUS: { id: "Status NIK", en: "NIK status" },
  FILTERS_RESET: { id: "Hapus saringan", en: "Clear filters" },
  PERSONS_EMPTY: { id: "Tidak ada penduduk yang cocok", en: "No one matches" },
  PERSONS_EMPTY_HINT: {
    id: "Ubah kata kunci atau saringan, atau daftarkan penduduk baru.",
    en: "Change the search or filters, or register a new person.",
  },
  PERSONS_COUNT: { id: "{total} penduduk", en: "{total} people" },
  PERSONS_COUNT_CAPPED: {
    id: "Lebih dari {total} penduduk cocok. Persempit pencarian dengan kecamatan, desa atau nama yang lebih lengkap.",
    en: "More than {total} people match. Narrow the search by kecamatan, desa or a fuller name.",
  },
  COL_NAME: { id: "Nama", en: "Name" },
  COL_NIK: { id: "NIK", en: "NIK" },
  COL_BIRTH: { id: "Tanggal lahir", en: "Born" },
  COL_AREA: { id: "Desa, kecamatan", en: "Village, kecamatan" },
  COL_RT_RW: { id: "RT/RW", en: "RT/RW" },
  COL_NIK_STATUS: { id: "Status NIK", en: "NIK status" },
  PAGINATION_LABEL: { id: "Halaman daftar", en: "List pages" },

  // Person detail
  PERSON_IDENTITY: { id: "Identitas", en: "Identity" },
  PERSON_ADDRESS: { id: "Tempat tinggal", en: "Residence" },
  PERSON_WELFARE: { id: "Keadaan sosial-ekonomi", en: "Socio-economic situation" },
  PERSON_HOUSEHOLD: { id: "Keluarga (KK)", en: "Household (KK)" },
  PERSON_BUSINESSES: { id: "Usaha", en: "Businesses" },
  PERSON_ENROLLMENTS: { id: "Kepesertaan program", en: "Program enrollments" },
  PERSON_HISTORY: { id: "Riwayat perubahan", en: "History" },
  PERSON_NO_HOUSEHOLD: { id: "Belum dikaitkan ke KK.", en: "Not linked to a household (KK) yet." },
  PERSON_NO_BUSINESSES: { id: "Belum ada usaha terdaftar.", en: "No business registered." },
  PERSON_NO_ENROLLMENTS: { id: "Belum terdaftar di program apa pun.", en: "Not enrolled in any program." },
  PERSON_SAVED: { id: "Data {name} tersimpan.", en: "{name} saved." },
  PERSON_SAVED_WITH_WARNINGS: {
    id: "Data tersimpan, tetapi ada yang perlu dicek:",
    en: "Saved, but some things need a look:",
  },
  PERSON_EDIT_TITLE: { id: "Ubah data {name}", en: "Edit {name}" },
  PERSON_NEW_TITLE: { id: "Daftarkan penduduk", en: "Register a person" },
  PERSON_AGE: { id: "{age} tahun", en: "{age} years" },
  MEMBERS: { id: "Anggota keluarga", en: "Members" },
  OPEN_HOUSEHOLD: { id: "Buka KK", en: "Open household" },
  HOUSEHOLD_ADD_MEMBER: { id: "Tambah anggota", en: "Add a member" },

  IDENTITY_SHOW: { id: "Lihat nomor lengkap", en: "Show full numbers" },
  IDENTITY_TITLE: { id: "NIK, KK dan nomor HP lengkap", en: "Full NIK, KK and phone" },
  IDENTITY_INTRO: {
    id: "Nomor lengkap adalah data pribadi (UU 27/2022). Setiap pembukaan dicatat atas nama Anda di jejak audit.",
    en: "Full numbers are personal data (UU 27/2022). Every reading is recorded under your name in the audit trail.",
  },
  IDENTITY_REASON: { id: "Keperluan (mis. pencocokan KTP)", en: "Purpose (e.g. checking the KTP)" },
  IDENTITY_LOGGED: {
    id: "Pembukaan ini sudah tercatat di jejak audit.",
    en: "This reading has been recorded in the audit trail.",
  },

  // Person form
  FORM_IDENTITY: { id: "Identitas", en: "Identity" },
  FORM_RESIDENCE: { id: "Tempat tinggal", en: "Residence" },
  FORM_WELFARE: { id: "Keadaan sosial-ekonomi", en: "Socio-economic situation" },
  FORM_WELFARE_HINT: {
    id: "Dipakai untuk pemeringkatan penerima. Isi sesuai keadaan sebenarnya saat didata.",
    en: "Used to rank recipients. Record the situation as found at registration.",
  },
  NIK_HINT: {
    id: "16 digit dari KTP atau dari baris orang ini di KK",
    en: "16 digits from the KTP or this person's row of the KK",
  },
  NIK_MASKED_NOTE: {
    id: "NIK tersimpan: {nik}. Isi hanya jika NIK perlu diganti.",
    en: "NIK on record: {nik}. Fill in only if the NIK must change.",
  },
  NIK_OK: { id: "NIK sah.", en: "The NIK is valid." },
  NIK_DECODED: {
    id: "Menurut NIK: {sex}, lahir {birthDate}, terbit di Kec. {district}.",
    en: "According to the NIK: {sex}, born {birthDate}, issued in Kec. {district}.",
  },
  NIK_USE_DECODED: {
    id: "Pakai jenis kelamin & tanggal lahir dari NIK",
    en: "Use sex and birth date from the NIK",
  },
  KK_OK: { id: "Nomor KK sah.", en: "The KK number is valid." },
  KK_MASKED_NOTE: {
    id: "KK tersimpan: {kk}. Isi hanya jika perlu diganti.",
    en: "KK on record: {kk}. Fill in only if it must change.",
  },
  PHONE_MASKED_NOTE: {
    id: "Nomor tersimpan: {phone}. Isi hanya jika perlu diganti.",
    en: "Number on record: {phone}. Fill in only if it must change.",
  },
  REASON_HINT: {
    id: "Wajib: tercatat di riwayat dan dapat diperiksa Inspektorat.",
    en: "Required: it is kept in the history for the inspectorate.",
  },
  NOTHING_CHANGED: { id: "Tidak ada yang diubah.", en: "Nothing was changed." },
  INCOME_HINT: { id: "Dalam rupiah, mis. 1200000", en: "In rupiah, e.g. 1200000" },
  PERSON_OPEN_EXISTING: { id: "Buka data yang sudah terdaftar", en: "Open the existing record" },
  VERSION_CONFLICT_RELOAD: { id: "Muat data terbaru", en: "Load the latest data" },

  // Households and businesses
  HOUSEHOLD_TITLE: { id: "KK {kk}", en: "Household {kk}" },
  HOUSEHOLD_NEW_TITLE: { id: "Daftarkan KK", en: "Register a household (KK)" },
  HOUSEHOLD_ADD: { id: "Daftarkan KK", en: "Register a household" },
  HOUSEHOLD_LINK_REASON: {
    id: "Dikaitkan ke KK yang baru didaftarkan",
    en: "Linked to a newly registered household",
  },
  HOUSEHOLD_EMPTY: { id: "Belum ada anggota.", en: "No members yet." },
  BUSINESS_ADD: { id: "Tambah usaha", en: "Add a business" },
  BUSINESS_NAME: { id: "Nama usaha", en: "Business name" },
  BUSINESS_SECTOR: { id: "Bidang usaha", en: "Sector" },
  BUSINESS_LICENSE: { id: "Nomor SKU/NIB", en: "SKU/NIB number" },
  BUSINESS_SAVED: { id: "Usaha {name} tersimpan.", en: "Business {name} saved." },

  // Enrollments
  ENROLL: { id: "Daftarkan ke program", en: "Enroll in a program" },
  ENROLL_PERIOD: { id: "Program dan tahap", en: "Program and period" },
  ENROLLED: { id: "Terdaftar di {program} — {period}.", en: "Enrolled in {program} — {period}." },
  COL_PROGRAM: { id: "Program", en: "Program" },
  COL_AGENCY: { id: "Dinas", en: "Agency" },
  COL_PERIOD: { id: "Tahap", en: "Period" },
  COL_STATUS: { id: "Status", en: "Status" },

  // Agencies, programs, periods
  AGENCIES_TITLE: { id: "Dinas", en: "Agencies" },
  AGENCY_ADD: { id: "Tambah dinas", en: "Add an agency" },
  AGENCY_CODE: { id: "Kode", en: "Code" },
  AGENCY_CODE_HINT: {
    id: "huruf kecil, angka, tanda -, mis. dinsos",
    en: "lower-case letters, digits, -, e.g. dinsos",
  },
  AGENCY_NAME: { id: "Nama dinas", en: "Agency name" },
  AGENCIES_EMPTY: { id: "Belum ada dinas", en: "No agencies yet" },
  PROGRAMS_TITLE: { id: "Program bantuan", en: "Aid programs" },
  PROGRAM_ADD: { id: "Tambah program", en: "Add a program" },
  PROGRAMS_EMPTY: { id: "Belum ada program", en: "No programs yet" },
  PROGRAM_NAME: { id: "Nama program", en: "Program name" },
  PROGRAM_CODE: { id: "Kode program", en: "Program code" },
  PROGRAM_KIND: { id: "Bentuk bantuan", en: "Kind of aid" },
  PROGRAM_TARGET: { id: "Sasaran", en: "Target" },
  PROGRAM_AMOUNT: { id: "Nilai per penerima", en: "Amount per recipient" },
  PROGRAM_BUDGET: { id: "Pagu anggaran", en: "Budget" },
  PROGRAM_QUOTA: { id: "Kuota penerima", en: "Recipient quota" },
  PROGRAM_DESCRIPTION: { id: "Keterangan", en: "Description" },
  PROGRAM_PERIODS: { id: "Tahap", en: "Periods" },
  PERIOD_ADD: { id: "Buka tahap", en: "Open a period" },
  PERIOD_NAME: { id: "Nama tahap", en: "Period name" },
  PERIOD_STARTS: { id: "Mulai", en: "Starts" },
  PERIOD_ENDS: { id: "Selesai", en: "Ends" },
  PERIOD_STATUS: { id: "Status", en: "Status" },
  PERIODS_EMPTY: { id: "Belum ada tahap.", en: "No periods yet." },
  SAVED: { id: "Tersimpan.", en: "Saved." },
} satisfies MessageCatalog;
