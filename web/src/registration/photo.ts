/** Phone photos are 3–12 MB; the server limits uploads, and a KTP stays legible at this size. */
export const PHOTO_LONG_EDGE = 1600;

/**
 * Redraws a camera photo on a canvas, at most PHOTO_LONG_EDGE pixels on its long edge, as JPEG. Drawing drops
 * the EXIF block (GPS position, phone model) before the photo leaves the device.
 */
export async function downscalePhoto(file: Blob, longEdge = PHOTO_LONG_EDGE): Promise<Blob> {
  const bitmap = await createImageBitmap(file);
  try {
    const scale = Math.min(1, longEdge / Math.max(bitmap.width, bitmap.height));
    const width = Math.max(1, Math.round(bitmap.width * scale));
    const height = Math.max(1, Math.round(bitmap.height * scale));
    const canvas = document.createElement("canvas");
    canvas.width = width;
    canvas.height = height;
    const context = canvas.getContext("2d");
    if (!context) throw new Error("canvas 2d unavailable");
    context.drawImage(bitmap, 0, 0, width, height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob(
        (blob) => (blob ? resolve(blob) : reject(new Error("toBlob failed"))),
        "image/jpeg",
        0.85,
      ),
    );
  } finally {
    bitmap.close();
  }
}
