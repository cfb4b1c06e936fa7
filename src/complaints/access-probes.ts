import type { AccessProbes, PlaceName, ProbeContext } from "../access/matrix.ts";
import { PLACES } from "../access/matrix.ts";
import { CANVAS_JPEG } from "../documents/test-images.ts";
import type { ComplaintCategory } from "./codes.ts";
import { complaintsOf } from "./routes.ts";
import { openComplaint } from "./service.ts";
import { photosOf } from "./store.ts";

/**
 * Access-matrix probes of the complaint routes. The Inspektorat (auditor) handles sensitive complaints and every
 * other handler ordinary ones, so each role is probed with the kind of complaint it would handle; lists must
 * never show a sensitive complaint to anyone but the Inspektorat (it is placed outside everything for them).
 */
async function freshComplaint(
  c: ProbeContext,
  place: PlaceName,
  category?: ComplaintCategory,
  photo = false,
) {
  const kind: ComplaintCategory = category ?? (c.user.role === "auditor" ? "deduction" : "payment_less");
  const opened = await c.salur.database.db.transaction((tx) =>
    openComplaint(complaintsOf(c.salur), tx, null, {
      category: kind,
      channel: "web",
      villageCode: PLACES[place].code,
      description: `Pengaduan uji matriks akses nomor ${c.next()}`,
      anonymous: true,
      photos: photo ? [{ bytes: CANVAS_JPEG, declaredType: "image/jpeg" }] : [],
    }),
  );
  return opened.id;
}

const where = (c: ProbeContext): PlaceName => (c.side === "inside" ? "inside" : c.place);
const NOWHERE = { code: "99.99.99.9999" };

export const ACCESS_PROBES: AccessProbes = {
  "GET /api/complaints": async (c) => {
    const place = where(c);
    await freshComplaint(c, place, "payment_less");
    await freshComplaint(c, place, "deduction");
    return {
      method: "GET",
      url: "/api/complaints?pageSize=200",
      kind: "list",
      items: (body) =>
        (body as { items: { villageCode: string | null; sensitive: boolean }[] }).items.map((i) => ({
          code: i.villageCode,
          sensitive: i.sensitive,
        })),
      whereIs: async (item: { code: string | null; sensitive: boolean }) => ({
        area: item.sensitive && c.user.role !== "auditor" ? NOWHERE : item.code ? { code: item.code } : null,
      }),
      mustInclude: (items) => (items as { code: string | null }[]).some((i) => i.code === PLACES.inside.code),
    };
  },
  "POST /api/complaints": async (c) => ({
    method: "POST",
    url: "/api/complaints",
    payload: {
      category: "information",
      channel: "walk_in",
      villageCode: PLACES[where(c)].code,
      description: `Pertanyaan di loket, uji matriks ${c.next()}`,
      anonymous: true,
    },
    kind: "create",
  }),
  "GET /api/complaints/:id": async (c) => ({
    method: "GET",
    url: `/api/complaints/${await freshComplaint(c, where(c))}`,
    kind: "object",
  }),
  "POST /api/complaints/:id/steps": async (c) => ({
    method: "POST",
    url: `/api/complaints/${await freshComplaint(c, where(c))}/steps`,
    payload: { action: "acknowledge", version: 1 },
    kind: "object",
  }),
  "POST /api/complaints/:id/identity": async (c) => ({
    method: "POST",
    url: `/api/complaints/${await freshComplaint(c, where(c))}/identity`,
    payload: { reason: "Uji matriks akses" },
    kind: "object",
  }),
  "GET /api/complaints/:id/photos/:photoId": async (c) => {
    const id = await freshComplaint(c, where(c), undefined, true);
    const [photo] = await photosOf(c.salur.database.db, id);
    return { method: "GET", url: `/api/complaints/${id}/photos/${photo?.id}`, kind: "object" };
  },
};
