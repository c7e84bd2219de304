import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { AppErrorException } from '../../../shared/result';

/**
 * The faces the printed exports use: DejaVu Sans and its bold (Bitstream Vera licence with public
 * domain changes, assets/fonts/LICENSE). They cover Latin with its extras (œ Œ ÿ), Greek,
 * Cyrillic, arrows, sub- and superscripts and mathematical symbols.
 */
export const FONT_FILES = { regular: 'DejaVuSans.ttf', bold: 'DejaVuSans-Bold.ttf' } as const;
export type FontFace = keyof typeof FONT_FILES;

const FONTS_FOLDER = join('assets', 'fonts');
/** From src/core/exports/report up to the project root is four folders; one more for slack. */
const MAX_CLIMB = 6;

/**
 * The `assets/fonts` folder of the app this code runs in: the first one above `from` that holds
 * the fonts. Climbing rather than a fixed path because the same module runs from
 * src/core/exports/report (tests), from dist/<entry>/ (Node host, CLI, bench: the project root is
 * two folders up) and from app.asar/dist/main/ in the packaged app, where electron-builder.yml packs
 * assets/fonts into the archive and Electron's `fs` reads it like a folder.
 */
export function findFontFolder(from: string): string {
  let folder = from;
  for (let i = 0; i <= MAX_CLIMB; i++) {
    const candidate = join(folder, FONTS_FOLDER);
    if (existsSync(join(candidate, FONT_FILES.regular))) return candidate;
    const parent = dirname(folder);
    if (parent === folder) break;
    folder = parent;
  }
  throw new AppErrorException(
    'unavailable',
    `PDF fonts: no ${join(FONTS_FOLDER, FONT_FILES.regular)} in ${from} or the folders above it; ` +
      'the app ships them in assets/fonts',
  );
}

let loaded: Readonly<Record<FontFace, Uint8Array>> | null = null;

/** The font files' bytes, read once per process: every PDF embeds (a subset of) the same fonts. */
export function fontFiles(): Readonly<Record<FontFace, Uint8Array>> {
  if (loaded === null) {
    const folder = findFontFolder(__dirname);
    loaded = {
      regular: readFileSync(join(folder, FONT_FILES.regular)),
      bold: readFileSync(join(folder, FONT_FILES.bold)),
    };
  }
  return loaded;
}
