import { base64ToBytes } from '../call/media/base64';

/**
 * Saves an export the way a browser saves any file: a Blob behind a temporary <a download>. In
 * Electron this opens the save dialog; in the Node host's browser it goes to the downloads folder.
 */
export function downloadBase64(fileName: string, mime: string, dataBase64: string): void {
  const bytes = base64ToBytes(dataBase64);
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: mime }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later, not at once: the download starts asynchronously in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
