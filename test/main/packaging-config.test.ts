import { readFileSync } from 'node:fs';
import path from 'node:path';
import { inflateSync } from 'node:zlib';

/**
 * electron-builder cannot package here (it downloads Electron), so its configuration is checked
 * the way electron-builder itself checks it before a build — its own loader and schema validator —
 * plus the facts a release depends on: native modules outside the asar, no rebuild, fuses, the
 * camera/microphone strings, and the assets the config names.
 */
const ROOT = path.join(__dirname, '..', '..');

interface LoadedConfig {
  npmRebuild?: boolean;
  asar?: boolean;
  asarUnpack?: string[];
  /** Normalised by the loader to file sets. */
  files?: { filter?: string[] }[];
  electronFuses?: Record<string, boolean>;
  linux?: { target?: string[]; category?: string };
  win?: { target?: string[] };
  mac?: {
    target?: string[];
    hardenedRuntime?: boolean;
    entitlements?: string;
    extendInfo?: Record<string, string>;
  };
}

// Loaded from electron-builder's own library (a dependency of the electron-builder dev dependency).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const builderConfig = require('app-builder-lib/out/util/config/config') as {
  getConfig(projectDir: string, configPath: string, fromOptions: null): Promise<LoadedConfig>;
  validateConfiguration(config: LoadedConfig, logger: unknown): Promise<void>;
};
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };

describe('electron-builder.yml', () => {
  let config: LoadedConfig;

  beforeAll(async () => {
    jest.spyOn(process.stdout, 'write').mockImplementation(() => true); // its "loaded configuration" line
    config = await builderConfig.getConfig(ROOT, path.join(ROOT, 'electron-builder.yml'), null);
    jest.restoreAllMocks();
  });

  it("passes electron-builder's own schema validation", async () => {
    await expect(
      builderConfig.validateConfiguration(config, new DebugLogger(false)),
    ).resolves.toBeUndefined();
  });

  it('keeps native add-ons outside the asar and leaves rebuilding to the dist script', () => {
    expect(config.asar).toBe(true);
    expect(config.npmRebuild).toBe(false);
    expect(config.asarUnpack).toEqual(
      expect.arrayContaining([
        'node_modules/@serialport/bindings-cpp/prebuilds/**/*.node',
        'node_modules/node-hid/prebuilds/**/*.node',
        'node_modules/better-sqlite3-multiple-ciphers/build/Release/*.node',
      ]),
    );
    const packageJson = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    expect(packageJson.scripts.dist).toMatch(
      /electron-rebuild --force --only better-sqlite3-multiple-ciphers/,
    );
    const patterns = (config.files ?? []).flatMap((set) => set.filter ?? []);
    expect(patterns).toEqual(expect.arrayContaining(['dist/**', 'package.json', '!src/**', '!test/**']));
  });

  it('flips the security fuses', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('targets AppImage + deb, NSIS and a hardened DMG with camera and microphone strings', () => {
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
    expect(config.linux?.category).toMatch(/MedicalSoftware/);
    expect(config.win?.target).toEqual(['nsis']);
    expect(config.mac?.target).toEqual(['dmg']);
    expect(config.mac?.hardenedRuntime).toBe(true);
    expect(config.mac?.extendInfo?.NSCameraUsageDescription).toMatch(/camera/i);
    expect(config.mac?.extendInfo?.NSMicrophoneUsageDescription).toMatch(/stethoscope/i);
    expect(config.mac?.extendInfo?.NSBluetoothAlwaysUsageDescription).toMatch(/Bluetooth/);
  });

  it('sets every fuse of the checklist (item 19), cookie encryption included', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('rejects a configuration electron-builder would refuse (the validation is real)', async () => {
    const broken = { ...config, electronFuses: { ...config.electronFuses, runAsNod: false } };
    await expect(builderConfig.validateConfiguration(broken, new DebugLogger(false))).rejects.toThrow(
      /configuration\.electronFuses/,
    );
  });

  it('installs the udev rules with the deb and reloads udev', () => {
    const yaml = readFileSync(path.join(ROOT, 'electron-builder.yml'), 'utf8');
    expect(yaml).toMatch(
      /- assets\/linux\/70-teleconsult-station\.rules=\/lib\/udev\/rules\.d\/70-teleconsult-station\.rules/,
    );
    const rules = readFileSync(path.join(ROOT, 'assets', 'linux', '70-teleconsult-station.rules'), 'utf8');
    expect(rules).toMatch(/TAG\+="uaccess"/);
    expect(rules).not.toMatch(/MODE="0?666"/);
    const postinst = readFileSync(path.join(ROOT, 'assets', 'linux', 'after-install.sh'), 'utf8');
    expect(postinst).toMatch(/udevadm control --reload-rules/);
  });

  it('names an entitlements file granting camera, microphone and USB', () => {
    const plist = readFileSync(path.join(ROOT, config.mac!.entitlements!), 'utf8');
    for (const key of [
      'cs.allow-jit',
      'device.camera',
      'device.audio-input',
      'device.usb',
      'device.bluetooth',
    ]) {
      expect(plist).toMatch(
        new RegExp(`<key>com\\.apple\\.security\\.${key.replace('.', '\\.')}</key>\\s*<true/>`),
      );
    }
  });

  it('ships a 512×512 RGBA PNG icon that decodes', () => {
    const png = readFileSync(path.join(ROOT, 'assets', 'icons', 'icon.png'));
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.toString('ascii', 12, 16)).toBe('IHDR');
    expect([png.readUInt32BE(16), png.readUInt32BE(20), png[24], png[25]]).toEqual([512, 512, 8, 6]);
    // Walk the chunks (an sRGB or other ancillary chunk may precede the image data).
    const idat: Buffer[] = [];
    for (let at = 8; at < png.length;) {
      const length = png.readUInt32BE(at);
      if (png.toString('ascii', at + 4, at + 8) === 'IDAT') idat.push(png.subarray(at + 8, at + 8 + length));
      at += 12 + length;
    }
    const pixels = inflateSync(Buffer.concat(idat));
    expect(pixels.length).toBe(512 * (512 * 4 + 1));
  });
});
