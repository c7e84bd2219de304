import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { findFontFolder, FONT_FILES, fontFiles } from '../../../../src/core/exports/report/font-files';

const ROOT = path.resolve(__dirname, '..', '..', '..', '..');
const SHIPPED = path.join(ROOT, 'assets', 'fonts');

describe('findFontFolder', () => {
  let tmp: string;
  beforeEach(() => {
    tmp = mkdtempSync(path.join(tmpdir(), 'report-fonts-'));
  });
  afterEach(() => rmSync(tmp, { recursive: true, force: true }));

  /** A folder laid out like `root`, with the fonts in root/assets/fonts. */
  function appAt(root: string, ...codeFolder: string[]): string {
    mkdirSync(path.join(root, 'assets', 'fonts'), { recursive: true });
    writeFileSync(path.join(root, 'assets', 'fonts', FONT_FILES.regular), '');
    const code = path.join(root, ...codeFolder);
    mkdirSync(code, { recursive: true });
    return code;
  }

  it('finds the shipped fonts from the sources (tests, ts-node)', () => {
    expect(findFontFolder(path.join(ROOT, 'src', 'core', 'exports', 'report'))).toBe(SHIPPED);
  });

  it('finds them from a bundle in dist/<entry>/ (Node host, CLI, bench)', () => {
    const root = path.join(tmp, 'teleconsult-station');
    expect(findFontFolder(appAt(root, 'dist', 'server'))).toBe(path.join(root, 'assets', 'fonts'));
  });

  it('finds them from the packaged app: dist/main inside app.asar, fonts beside it in the archive', () => {
    const appAsar = path.join(tmp, 'opt', 'Teleconsult Station', 'resources', 'app.asar');
    expect(findFontFolder(appAt(appAsar, 'dist', 'main'))).toBe(path.join(appAsar, 'assets', 'fonts'));
  });

  it('says which file it looked for, and from where, when the fonts are missing', () => {
    const code = path.join(tmp, 'dist', 'server');
    mkdirSync(code, { recursive: true });
    expect(() => findFontFolder(code)).toThrow(
      `PDF fonts: no assets/fonts/DejaVuSans.ttf in ${code} or the folders above it; the app ships them in assets/fonts`,
    );
    try {
      findFontFolder(code);
    } catch (error) {
      expect(error).toMatchObject({ name: 'AppErrorException', code: 'unavailable' });
    }
  });
});

describe('the shipped fonts', () => {
  it('are the DejaVu Sans files, read once per process', () => {
    const files = fontFiles();
    expect(fontFiles()).toBe(files);
    for (const face of ['regular', 'bold'] as const) {
      expect(Buffer.from(files[face]).equals(readFileSync(path.join(SHIPPED, FONT_FILES[face])))).toBe(true);
      // A TrueType file: version 1.0 sfnt header.
      expect(Buffer.from(files[face].subarray(0, 4)).toString('hex')).toBe('00010000');
    }
  });

  it('ship with their licence', () => {
    const licence = readFileSync(path.join(SHIPPED, 'LICENSE'), 'utf8');
    expect(licence).toContain('Upstream-Name: DejaVu fonts');
    expect(licence).toContain('License: bitstream-vera');
    expect(licence).toContain('DejaVu changes are in public domain.');
  });
});
