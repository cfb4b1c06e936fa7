import type { DetectionLevel } from "../../../src/receipts/codes.ts";
import type { RegionIndex } from "../regions/regions.ts";

/**
 * A flagged area in words. The detector keys areas as "<desa>/<rw>", "<desa>/<rw>/<rt>", "<desa>@<point>" and
 * "<kecamatan>#<officer>" (src/receipts/service.ts); the codes become desa and kecamatan names here.
 */
export function areaName(level: DetectionLevel, area: string, regions: RegionIndex | undefined): string {
  const name = (code: string) => regions?.name(code) || code;
  switch (level) {
    case "desa":
      return name(area);
    case "rw": {
      const [desa = "", rw = ""] = area.split("/");
      return `${name(desa)} · RW ${rw}`;
    }
    case "rt": {
      const [desa = "", rw = "", rt = ""] = area.split("/");
      return rw === "-" ? `${name(desa)} · RT ${rt}` : `${name(desa)} · RW ${rw} · RT ${rt}`;
    }
    case "point": {
      const at = area.indexOf("@");
      return `${name(area.slice(0, at))} · ${area.slice(at + 1)}`;
    }
    case "officer": {
      const at = area.indexOf("#");
      return `${area.slice(at + 1)} (${name(area.slice(0, at))})`;
    }
  }
}
