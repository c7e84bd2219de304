import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import * as fileMatcher from 'app-builder-lib/out/fileMatcher';

const ROOT = path.resolve(__dirname, '..', '..', '..', '..');

/**
 * electron-builder's own (internal) function that turns `files` into what goes into app.asar,
 * default exclusions included: the buildResources folder (assets) is left out unless named.
 */
type MainFileMatchers = (
  appDir: string,
  destination: string,
  macroExpander: (pattern: string) => string,
  platformSpecificBuildOptions: object,
  platformPackager: object,
  outDir: string,
  isElectronCompile: boolean,
) => { createFilter(): (file: string, stat: ReturnType<typeof statSync>) => boolean }[];

/** The `files:` list of electron-builder.yml. */
function filesPatterns(): string[] {
  const yml = readFileSync(path.join(ROOT, 'electron-builder.yml'), 'utf8');
  const block = /^files:\n((?: {2}- .*\n)+)/m.exec(yml)?.[1];
  if (block === undefined) throw new Error('no files: list in electron-builder.yml');
  return block
    .trimEnd()
    .split('\n')
    .map((line) => line.replace(/^ {2}- /, '').replace(/^'(.*)'$/, '$1'));
}

describe('the PDF fonts in the packaged app', () => {
  const { getMainFileMatchers } = fileMatcher as unknown as { getMainFileMatchers: MainFileMatchers };
  const info = {
    projectDir: ROOT,
    buildResourcesDir: 'assets',
    config: { files: filesPatterns() },
    isPrepackedAppAsar: false,
    debugLogger: { isEnabled: false },
  };
  const [matcher] = getMainFileMatchers(
    ROOT,
    '/app',
    (p) => p,
    {},
    { info },
    path.join(ROOT, 'release'),
    false,
  );
  const packed = matcher.createFilter();
  const inApp = (file: string): boolean => packed(path.join(ROOT, file), statSync(path.join(ROOT, file)));

  it('go into the app with their licence, where font-files.ts looks (app root/assets/fonts)', () => {
    for (const file of [
      'assets/fonts',
      'assets/fonts/DejaVuSans.ttf',
      'assets/fonts/DejaVuSans-Bold.ttf',
      'assets/fonts/LICENSE',
    ]) {
      expect([file, inApp(file)]).toEqual([file, true]);
    }
  });

  it('bring no other build resource with them', () => {
    expect(inApp('assets/linux/after-install.sh')).toBe(false);
    expect(inApp('assets/entitlements.mac.plist')).toBe(false);
    expect(inApp('src/core/exports/report/font-files.ts')).toBe(false);
  });
});
