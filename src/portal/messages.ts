import type { MessageCatalog } from "../i18n/index.ts";

/** Coded errors of the portal's officials' API. */
export const PORTAL_MESSAGES: MessageCatalog = {
  PUBLICATION_LIST_EMPTY: {
    id: "Tidak ada nama untuk daftar '{kind}' pada tahap ini.",
    en: "Nobody is in a '{kind}' list for this period.",
  },
  PUBLICATION_NOT_PREPARED: {
    id: "Publikasi {id} tidak lagi menunggu persetujuan (status {state}).",
    en: "Publication {id} is no longer awaiting approval (state {state}).",
  },
  PUBLICATION_HASH_MISMATCH: {
    id: "Sidik publikasi {id} tidak sama dengan yang Anda periksa. Muat ulang dan periksa lagi.",
    en: "The fingerprint of publication {id} differs from the one you reviewed. Reload and review again.",
  },
  OBJECTION_ALREADY_DECIDED: {
    id: "Sanggah ini sudah diputuskan oleh petugas lain. Muat ulang untuk melihat hasilnya.",
    en: "This objection has already been decided by another official. Reload to see the outcome.",
  },
};
