/**
 * Photos are shrunk on the phone before they are stored: at most 1600px on the longer side, JPEG. A phone
 * camera's 12-megapixel original (4–8 MB) becomes a few hundred kilobytes, which keeps the device's store
 * small and the sync request within the server's limits.
 */

export const MAX_PHOTO_EDGE = 1600;
const JPEG_QUALITY = 0.8;

/** The size that fits `width × height` within `maxEdge` on its longer side, keeping the aspect ratio. */
export function fitWithin(width: number, height: number, maxEdge: number = MAX_PHOTO_EDGE): { width: number; height: number } {
  const longer = Math.max(width, height);
  if (longer <= maxEdge || longer === 0) return { width, height };
  const scale = maxEdge / longer;
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

async function decode(file: Blob): Promise<{ source: CanvasImageSource; width: number; height: number; release: () => void }> {
  if (typeof createImageBitmap === 'function') {
    try {
      // EXIF orientation applied, so a portrait photo stays upright.
      const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
      return { source: bitmap, width: bitmap.width, height: bitmap.height, release: () => bitmap.close() };
    } catch {
      // Some browsers cannot decode every format through createImageBitmap: fall back to an <img>.
    }
  }
  const url = URL.createObjectURL(file);
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    return { source: image, width: image.naturalWidth, height: image.naturalHeight, release: () => undefined };
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** The photo as a JPEG of at most 1600px on its longer side. */
export async function compressPhoto(file: Blob): Promise<Blob> {
  const decoded = await decode(file);
  try {
    const size = fitWithin(decoded.width, decoded.height);
    const canvas = document.createElement('canvas');
    canvas.width = size.width;
    canvas.height = size.height;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('No 2D canvas');
    // JPEG has no transparency: a transparent PNG would turn black without a background.
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, size.width, size.height);
    context.drawImage(decoded.source, 0, 0, size.width, size.height);
    return await new Promise<Blob>((resolve, reject) => {
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('The photo could not be encoded'))), 'image/jpeg', JPEG_QUALITY);
    });
  } finally {
    decoded.release();
  }
}

/** The bytes of `blob` in base64 (no data-URL prefix), for the JSON sync body. */
export async function blobToBase64(blob: Blob): Promise<string> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let binary = '';
  const chunk = 0x8000;
  for (let offset = 0; offset < bytes.length; offset += chunk) {
    binary += String.fromCharCode(...bytes.subarray(offset, offset + chunk));
  }
  return btoa(binary);
}
