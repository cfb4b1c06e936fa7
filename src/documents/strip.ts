/**
 * Removes metadata from phone photos before they are stored (pure). A KTP photo's EXIF can carry the GPS
 * position of the applicant's house, the phone's serial and owner; IPTC and comments carry free text; some
 * phones append a video or a depth map after the image. Only the segments needed to show the picture are
 * kept; the pixels are never decoded, so a crafted file cannot exhaust memory here.
 */
export type ImageType = "image/jpeg" | "image/png";

export type StripResult =
  | { ok: true; type: ImageType; bytes: Uint8Array; removed: string[] }
  | { ok: false; code: "DOCUMENT_TYPE_UNSUPPORTED" | "DOCUMENT_MALFORMED"; detail: string };

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

export function detectImageType(bytes: Uint8Array): ImageType | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return "image/jpeg";
  if (bytes.length >= 8 && PNG_SIGNATURE.every((b, i) => bytes[i] === b)) return "image/png";
  return null;
}

/** A short name for whatever the bytes look like, for the refusal message. */
export function describeContent(bytes: Uint8Array): string {
  const head = Buffer.from(bytes.subarray(0, 8));
  if (head.subarray(0, 4).toString("latin1") === "%PDF") return "PDF";
  if (head.subarray(0, 4).toString("latin1") === "RIFF") return "RIFF (WebP?)";
  if (head.subarray(4, 8).toString("latin1") === "ftyp") return "HEIC/MP4";
  if (head.subarray(0, 3).toString("latin1") === "GIF") return "GIF";
  return "unknown";
}

export function stripImageMetadata(bytes: Uint8Array): StripResult {
  const type = detectImageType(bytes);
  if (type === "image/jpeg") return stripJpeg(bytes);
  if (type === "image/png") return stripPng(bytes);
  return { ok: false, code: "DOCUMENT_TYPE_UNSUPPORTED", detail: describeContent(bytes) };
}

const malformed = (detail: string): StripResult => ({ ok: false, code: "DOCUMENT_MALFORMED", detail });

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

// JPEG ---------------------------------------------------------------------------------------------------

const SOI = 0xd8;
const EOI = 0xd9;
const SOS = 0xda;
const COM = 0xfe;
const ICC_SIGNATURE = "ICC_PROFILE\0";

/**
 * Which marker segments go. APP1 (EXIF, XMP) and APP13 (Photoshop/IPTC) are the ones that identify; COM and the
 * vendor APPn carry free text or maker notes. APP0 (JFIF) and APP14 (Adobe colour transform) are needed to show
 * the picture right; APP2 stays only as an ICC colour profile (its MPF form points at the appended images we drop).
 */
function dropSegment(marker: number, body: Uint8Array): string | null {
  if (marker === COM) return "COM";
  if (marker < 0xe0 || marker > 0xef) return null;
  if (marker === 0xe0 || marker === 0xee) return null;
  if (
    marker === 0xe2 &&
    Buffer.from(body.subarray(0, ICC_SIGNATURE.length)).toString("latin1") === ICC_SIGNATURE
  ) {
    return null;
  }
  return `APP${marker - 0xe0}`;
}

/** Markers with no length field: TEM and the restart markers RST0–7. */
const standalone = (marker: number) => marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7);

function stripJpeg(bytes: Uint8Array): StripResult {
  const kept: Uint8Array[] = [bytes.subarray(0, 2)];
  const removed: string[] = [];
  let pos = 2;
  let frames = 0;
  let scans = 0;
  while (pos < bytes.length) {
    if (bytes[pos] !== 0xff) return malformed(`no marker at byte ${pos}`);
    // Any number of 0xFF fill bytes may precede a marker.
    while (bytes[pos] === 0xff && pos < bytes.length) pos++;
    if (pos >= bytes.length) break;
    const marker = bytes[pos] as number;
    const start = pos - 1;
    pos++;
    if (marker === EOI) {
      if (scans === 0 || frames === 0) return malformed("end of image before any image data");
      kept.push(Uint8Array.of(0xff, EOI));
      // Anything after EOI (a motion-photo video, a depth map, a vendor trailer) is not part of the picture.
      if (pos < bytes.length) removed.push("trailer");
      return { ok: true, type: "image/jpeg", bytes: concat(kept), removed };
    }
    if (marker === SOI || marker === 0x00)
      return malformed(`unexpected marker 0x${marker.toString(16)} at byte ${start}`);
    if (standalone(marker)) {
      kept.push(bytes.subarray(start, pos));
      continue;
    }
    if (pos + 2 > bytes.length) return malformed("truncated segment header");
    const length = ((bytes[pos] as number) << 8) | (bytes[pos + 1] as number);
    if (length < 2 || pos + length > bytes.length)
      return malformed(`segment length ${length} at byte ${start} runs past the end`);
    const end = pos + length;
    const body = bytes.subarray(pos + 2, end);
    pos = end;
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) frames++;
    const dropped = dropSegment(marker, body);
    if (dropped) {
      removed.push(dropped);
      continue;
    }
    kept.push(bytes.subarray(start, end));
    if (marker === SOS) {
      scans++;
      // Entropy-coded data runs to the next marker that is neither a stuffed 0xFF00 nor a restart marker.
      const dataStart = pos;
      while (pos < bytes.length) {
        if (bytes[pos] === 0xff) {
          const next = bytes[pos + 1];
          if (next === undefined) break;
          if (next !== 0x00 && next !== 0xff && !(next >= 0xd0 && next <= 0xd7)) break;
          pos += next === 0xff ? 1 : 2;
        } else {
          pos++;
        }
      }
      kept.push(bytes.subarray(dataStart, pos));
    }
  }
  // A photo cut off in transfer is refused rather than stored half.
  return malformed("no end-of-image marker (file truncated?)");
}

// PNG ----------------------------------------------------------------------------------------------------

/** tEXt, zTXt and iTXt hold free text (author, location, software); eXIf holds EXIF; tIME the edit time. */
const PNG_METADATA = new Set(["tEXt", "zTXt", "iTXt", "eXIf", "tIME"]);

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = (CRC_TABLE[(c ^ b) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function readUint32(bytes: Uint8Array, at: number): number {
  return (
    (((bytes[at] as number) << 24) |
      ((bytes[at + 1] as number) << 16) |
      ((bytes[at + 2] as number) << 8) |
      (bytes[at + 3] as number)) >>>
    0
  );
}

function stripPng(bytes: Uint8Array): StripResult {
  const kept: Uint8Array[] = [bytes.subarray(0, 8)];
  const removed: string[] = [];
  let pos = 8;
  let first = true;
  let imageData = 0;
  while (pos + 12 <= bytes.length) {
    const length = readUint32(bytes, pos);
    const end = pos + 12 + length;
    if (length > 0x7fffffff || end > bytes.length)
      return malformed(`chunk length ${length} at byte ${pos} runs past the end`);
    const typeBytes = bytes.subarray(pos + 4, pos + 8);
    const type = Buffer.from(typeBytes).toString("latin1");
    if (!/^[A-Za-z]{4}$/.test(type)) return malformed(`bad chunk type at byte ${pos}`);
    if (crc32(bytes.subarray(pos + 4, pos + 8 + length)) !== readUint32(bytes, pos + 8 + length)) {
      return malformed(`checksum of chunk ${type} at byte ${pos} is wrong`);
    }
    if (first && type !== "IHDR") return malformed("first chunk is not IHDR");
    first = false;
    if (type === "IDAT") imageData++;
    if (PNG_METADATA.has(type)) removed.push(type);
    else kept.push(bytes.subarray(pos, end));
    pos = end;
    if (type === "IEND") {
      if (imageData === 0) return malformed("no image data");
      if (pos < bytes.length) removed.push("trailer");
      return { ok: true, type: "image/png", bytes: concat(kept), removed };
    }
  }
  return malformed("no IEND chunk (file truncated?)");
}
