/**
 * `consultation-2026-11-25-dupont-lefevre.pdf`: what the file is, the local date, the patient's
 * family name folded to ASCII (accents dropped, anything else a dash), so it survives every file
 * system, mail client and USB stick.
 */
export function exportFileName(
  label: string,
  startedAt: string,
  familyName: string,
  extension: string,
): string {
  const date = startedAt.slice(0, 10);
  const name = familyName
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${label}-${date}${name === '' ? '' : `-${name}`}.${extension}`;
}
