import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { detectImageType, stripImageMetadata } from "./strip.ts";
import { CANVAS_JPEG, CANVAS_PNG, jpegWithMetadata, pngWithMetadata } from "./test-images.ts";

const text = (bytes: Uint8Array) => Buffer.from(bytes).toString("latin1");

describe("stripping a phone photo's metadata", () => {
  it("removes EXIF, XMP, IPTC, MPF, vendor segments, comments and an appended video from a JPEG", () => {
    const result = stripImageMetadata(jpegWithMetadata());
    if (!result.ok) throw new Error(result.detail);
    expect(result.type).toBe("image/jpeg");
    expect(text(result.bytes)).not.toContain("Desa Lolo");
    expect(result.removed).toEqual(["APP1", "APP1", "APP13", "APP2", "APP11", "COM", "trailer"]);
    // What remains is exactly the picture the canvas encoded, ICC profile included.
    expect(Buffer.from(result.bytes).equals(CANVAS_JPEG)).toBe(true);
  });

  it("removes text, iTXt, eXIf and time chunks and a trailer from a PNG, keeping the image", () => {
    const result = stripImageMetadata(pngWithMetadata());
    if (!result.ok) throw new Error(result.detail);
    expect(result.type).toBe("image/png");
    expect(text(result.bytes)).not.toContain("Desa Lolo");
    expect(result.removed).toEqual(["tEXt", "iTXt", "eXIf", "tIME", "trailer"]);
    expect(Buffer.from(result.bytes).equals(CANVAS_PNG)).toBe(true);
  });

  it("leaves a clean photo byte for byte as it was", () => {
    for (const clean of [CANVAS_JPEG, CANVAS_PNG]) {
      const result = stripImageMetadata(clean);
      expect(result.ok && Buffer.from(result.bytes).equals(clean)).toBe(true);
      expect(result.ok && result.removed).toEqual([]);
    }
  });

  it.each([
    ["a PDF", Buffer.from("%PDF-1.7\n..."), "DOCUMENT_TYPE_UNSUPPORTED", "PDF"],
    ["a HEIC photo", Buffer.from("\0\0\0\x18ftypheic", "latin1"), "DOCUMENT_TYPE_UNSUPPORTED", "HEIC/MP4"],
    ["a JPEG cut off in transfer", CANVAS_JPEG.subarray(0, 500), "DOCUMENT_MALFORMED", undefined],
    [
      "a JPEG cut off inside its image data",
      CANVAS_JPEG.subarray(0, CANVAS_JPEG.length - 2),
      "DOCUMENT_MALFORMED",
      undefined,
    ],
    ["a PNG cut off in transfer", CANVAS_PNG.subarray(0, 100), "DOCUMENT_MALFORMED", undefined],
    ["a JPEG header only", Buffer.from([0xff, 0xd8, 0xff, 0xd9]), "DOCUMENT_MALFORMED", undefined],
  ])("refuses %s", (_name, bytes, code, detail) => {
    const result = stripImageMetadata(bytes);
    expect(result).toMatchObject({ ok: false, code, ...(detail ? { detail } : {}) });
  });

  it("refuses a PNG whose chunk checksum was tampered with", () => {
    const bad = Buffer.from(CANVAS_PNG);
    bad[40] = (bad[40] as number) ^ 0xff;
    expect(stripImageMetadata(bad)).toMatchObject({ ok: false, code: "DOCUMENT_MALFORMED" });
  });

  it("detects the type from the content, not from the name", () => {
    expect(detectImageType(CANVAS_JPEG)).toBe("image/jpeg");
    expect(detectImageType(CANVAS_PNG)).toBe("image/png");
    expect(detectImageType(Buffer.from("GIF89a"))).toBeNull();
  });

  it("never throws and never grows a file, whatever bytes arrive", () => {
    const prefix = fc.constantFrom(CANVAS_JPEG.subarray(0, 3), CANVAS_PNG.subarray(0, 8), Buffer.alloc(0));
    fc.assert(
      fc.property(prefix, fc.uint8Array({ maxLength: 400 }), (head, tail) => {
        const input = Buffer.concat([head, tail]);
        const result = stripImageMetadata(input);
        if (result.ok) expect(result.bytes.length).toBeLessThanOrEqual(input.length);
      }),
      { numRuns: 3000 },
    );
  });

  it("is idempotent and keeps the image data intact when segments are cut at random points", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: jpegWithMetadata().length }), (cut) => {
        const source = jpegWithMetadata();
        const result = stripImageMetadata(source.subarray(0, cut));
        if (!result.ok) return;
        const again = stripImageMetadata(result.bytes);
        expect(again.ok && Buffer.from(again.bytes).equals(Buffer.from(result.bytes))).toBe(true);
      }),
    );
  });
});
