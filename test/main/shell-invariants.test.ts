import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Source-level invariants of the shell that no unit test of behaviour can show: things that must
 * not exist anywhere in src/main (Electron security checklist items 1, 15, 18).
 */
const SRC_MAIN = path.join(__dirname, '..', '..', 'src', 'main');

function sources(dir: string): { file: string; text: string }[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(full);
    return entry.name.endsWith('.ts')
      ? [{ file: path.relative(SRC_MAIN, full), text: readFileSync(full, 'utf8') }]
      : [];
  });
}

/** Code only: comments may name what the code deliberately does not do. */
function code(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1');
}

describe('src/main invariants', () => {
  const files = sources(SRC_MAIN);

  it('finds the shell sources', () => {
    expect(files.map((f) => f.file)).toEqual(expect.arrayContaining(['main.ts', 'preload/preload.ts']));
  });

  it.each([
    ['shell.openExternal (external links are never opened)', /openExternal|\bshell\b\s*[,}]/],
    ['file:// loading (the bundle is served from app://)', /loadFile\s*\(|['"`]file:\/\//],
    ['remote content (http/https URLs loaded into a window)', /loadURL\s*\(\s*['"`]https?:/],
    [
      'webSecurity off or insecure content allowed',
      /webSecurity\s*:\s*false|allowRunningInsecureContent\s*:\s*true/,
    ],
    [
      'Node integration or sandbox off',
      /nodeIntegration\w*\s*:\s*true|sandbox\s*:\s*false|contextIsolation\s*:\s*false/,
    ],
    ['experimental or Blink features', /enableBlinkFeatures|experimentalFeatures\s*:\s*true/],
    ['the remote module', /@electron\/remote|enableRemoteModule/],
  ])('contains no %s', (_what, pattern) => {
    const offenders = files.filter((f) => pattern.test(code(f.text))).map((f) => f.file);
    expect(offenders).toEqual([]);
  });
});
