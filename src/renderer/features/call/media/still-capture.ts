import type { SnapshotImage } from '../snapshot-chunks';

/**
 * A full-resolution still of the instrument camera for the consultant: one frame at the track's
 * own capture size (ImageCapture.grabFrame, or a video element where ImageCapture is missing),
 * never the size it is shown at, encoded as a high-quality JPEG.
 */
export async function captureStill(track: MediaStreamTrack, id: string): Promise<SnapshotImage> {
  const blob = await grabFrame(track);
  const bitmap = await createImageBitmap(blob);
  const image = {
    id,
    mime: 'image/jpeg' as const,
    width: bitmap.width,
    height: bitmap.height,
    base64: await toBase64(blob),
  };
  bitmap.close();
  return image;
}

async function grabFrame(track: MediaStreamTrack): Promise<Blob> {
  const capture = (
    globalThis as unknown as {
      ImageCapture?: new (t: MediaStreamTrack) => { grabFrame(): Promise<ImageBitmap> };
    }
  ).ImageCapture;
  let bitmap: ImageBitmap;
  if (capture !== undefined) {
    bitmap = await new capture(track).grabFrame();
  } else {
    bitmap = await frameFromVideo(track);
  }
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const context = canvas.getContext('2d');
  if (context === null) throw new Error('no 2D canvas for the snapshot');
  context.drawImage(bitmap, 0, 0);
  bitmap.close();
  return canvas.convertToBlob({ type: 'image/jpeg', quality: 0.92 });
}

async function frameFromVideo(track: MediaStreamTrack): Promise<ImageBitmap> {
  const video = document.createElement('video');
  video.muted = true;
  video.srcObject = new MediaStream([track]);
  await video.play();
  const bitmap = await createImageBitmap(video);
  video.srcObject = null;
  return bitmap;
}

async function toBase64(blob: Blob): Promise<string> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
