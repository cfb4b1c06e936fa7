/**
 * Test images: tiny pictures drawn on a canvas and encoded by Chromium, and the same with the metadata a phone
 * camera adds, spliced in. Used by the stripper's tests and by the upload and registration suites.
 */
import { crc32 } from "./strip.ts";

/** 12×10 gradients drawn on a canvas and encoded by Chromium (toDataURL), as a phone browser would. */
export const CANVAS_JPEG = Buffer.from(
  "/9j/4AAQSkZJRgABAQAAAQABAAD/4gHYSUNDX1BST0ZJTEUAAQEAAAHIAAAAAAQwAABtbnRyUkdCIFhZWiAH4AABAAEAAAAAAABhY3NwAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAQAA9tYAAQAAAADTLQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAlkZXNjAAAA8AAAACRyWFlaAAABFAAAABRnWFlaAAABKAAAABRiWFlaAAABPAAAABR3dHB0AAABUAAAABRyVFJDAAABZAAAAChnVFJDAAABZAAAAChiVFJDAAABZAAAAChjcHJ0AAABjAAAADxtbHVjAAAAAAAAAAEAAAAMZW5VUwAAAAgAAAAcAHMAUgBHAEJYWVogAAAAAAAAb6IAADj1AAADkFhZWiAAAAAAAABimQAAt4UAABjaWFlaIAAAAAAAACSgAAAPhAAAts9YWVogAAAAAAAA9tYAAQAAAADTLXBhcmEAAAAAAAQAAAACZmYAAPKnAAANWQAAE9AAAApbAAAAAAAAAABtbHVjAAAAAAAAAAEAAAAMZW5VUwAAACAAAAAcAEcAbwBvAGcAbABlACAASQBuAGMALgAgADIAMAAxADb/2wBDAAYEBQYFBAYGBQYHBwYIChAKCgkJChQODwwQFxQYGBcUFhYaHSUfGhsjHBYWICwgIyYnKSopGR8tMC0oMCUoKSj/2wBDAQcHBwoIChMKChMoGhYaKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCj/wAARCAAKAAwDASIAAhEBAxEB/8QAFgABAQEAAAAAAAAAAAAAAAAAAgEH/8QAFxABAQEBAAAAAAAAAAAAAAAAAAIBEf/EABUBAQEAAAAAAAAAAAAAAAAAAAUG/8QAGREAAwADAAAAAAAAAAAAAAAAAAMFBBIT/9oADAMBAAIRAxEAPwDIq0OrQK+NgL0ELtJvQ//Z",
  "base64",
);
export const CANVAS_PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAwAAAAKCAYAAACALL/6AAAA1ElEQVR4AYRPLQ/CQAy9dSHbCAkhEBJCQGPxWDwGgUFhEBgUBovH4rF4LH9qnSqvvTuYYEFcXt6176P0okKerb48sonc2zO5deZy7S7k0lvKebCS43Aj+9FOtuODrKcnIabClZS7KvUYOTdwCHJnS4lifIVj4zWTwInTsATUJDbnzEX0yV9OZaICOAFtmGCoNescJpYIJO8EEYiJgYybOM1d5BFVRJ8acGQs/+KWTEjGnDjE27KKmnj4DwmoZDVwyx+kCgvWUR00VhGHV4qY+QaoE/gbAAD//6fVWlsAAAAGSURBVAMA8UiDOM6dtcIAAAAASUVORK5CYII=",
  "base64",
);

export const SECRET = "GPS 1.9012S 116.1972E Desa Lolo";

function segment(marker: number, body: string | Uint8Array): Buffer {
  const data = typeof body === "string" ? Buffer.from(body, "latin1") : Buffer.from(body);
  const head = Buffer.alloc(4);
  head[0] = 0xff;
  head[1] = marker;
  head.writeUInt16BE(data.length + 2, 2);
  return Buffer.concat([head, data]);
}

/** The canvas JPEG as a phone camera would send it: EXIF with GPS, IPTC, a comment, a maker note, a video trailer. */
export function jpegWithMetadata(): Buffer {
  const afterApp0 = 2 + 18;
  return Buffer.concat([
    CANVAS_JPEG.subarray(0, afterApp0),
    segment(0xe1, `Exif\0\0MM\0*${SECRET}`),
    segment(0xe1, `http://ns.adobe.com/xap/1.0/\0<x:xmpmeta>${SECRET}</x:xmpmeta>`),
    segment(0xed, `Photoshop 3.0\x008BIM${SECRET}`),
    segment(0xe2, `MPF\0${SECRET}`),
    segment(0xeb, `vendor ${SECRET}`),
    segment(0xfe, `comment ${SECRET}`),
    CANVAS_JPEG.subarray(afterApp0),
    Buffer.from(`ftypmp42 motion photo ${SECRET}`, "latin1"),
  ]);
}

function chunk(type: string, data: string): Buffer {
  const body = Buffer.from(data, "latin1");
  const out = Buffer.alloc(12 + body.length);
  out.writeUInt32BE(body.length, 0);
  out.write(type, 4, "latin1");
  body.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + body.length)), 8 + body.length);
  return out;
}

export function pngWithMetadata(): Buffer {
  const afterIhdr = 8 + 25;
  return Buffer.concat([
    CANVAS_PNG.subarray(0, afterIhdr),
    chunk("tEXt", `Comment\0${SECRET}`),
    chunk("iTXt", `XML:com.adobe.xmp\0\0\0\0\0${SECRET}`),
    chunk("eXIf", `MM\0*${SECRET}`),
    chunk("tIME", "\x07\xea\x0b\x19\x0a\x00\x00"),
    CANVAS_PNG.subarray(afterIhdr),
    Buffer.from(SECRET, "latin1"),
  ]);
}
