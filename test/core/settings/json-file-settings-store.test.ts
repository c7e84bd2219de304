import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JsonFileSettingsStore } from '../../../src/core/settings/json-file-settings-store';
import { MemorySettingsStore } from '../../../src/core/settings/memory-settings-store';
import { DEFAULT_SETTINGS, type SettingsPatch } from '../../../src/shared/domain/settings';
import { AppErrorException } from '../../../src/shared/result';

function codeOf(action: () => unknown): string | null {
  try {
    action();
    return null;
  } catch (error) {
    return error instanceof AppErrorException ? error.code : 'not-an-app-error';
  }
}

let dir: string;
let file: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'settings-'));
  file = join(dir, 'nested', 'settings.json');
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('JsonFileSettingsStore', () => {
  it('starts from defaults without a file, writes atomically with mode 0600, and reads back', async () => {
    const store = new JsonFileSettingsStore(file, () => undefined);
    expect(store.get()).toEqual(DEFAULT_SETTINGS);
    const changes: unknown[] = [];
    store.onDidChange((s) => changes.push(s));
    store.update({ language: 'fr', noDataTimeoutS: 10 });
    expect(changes).toHaveLength(1);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ language: 'fr', noDataTimeoutS: 10 });
    expect(new JsonFileSettingsStore(file).get()).toMatchObject({
      language: 'fr',
      noDataTimeoutS: 10,
      kiosk: false,
    });
  });

  it('falls back to defaults with a warning on a corrupt file, and never throws', async () => {
    new JsonFileSettingsStore(file).update({ kiosk: true });
    for (const content of ['{ not json', '[]', 'null', '']) {
      await writeFile(file, content);
      const warnings: string[] = [];
      const store = new JsonFileSettingsStore(file, (m) => warnings.push(m));
      expect(store.get()).toEqual(DEFAULT_SETTINGS);
      expect(warnings.join()).toContain(file);
    }
  });

  it('keeps valid fields and drops a bad or unknown one with a warning naming it', async () => {
    new JsonFileSettingsStore(file).update({});
    await writeFile(file, JSON.stringify({ language: 'fr', noDataTimeoutS: 9999, evil: 1 }));
    const warnings: string[] = [];
    const store = new JsonFileSettingsStore(file, (m) => warnings.push(m));
    expect(store.get()).toMatchObject({ language: 'fr', noDataTimeoutS: DEFAULT_SETTINGS.noDataTimeoutS });
    expect(warnings[0]).toMatch(/noDataTimeoutS, evil/);
  });

  it('rejects an invalid patch with bad-request naming the field, leaving file and state unchanged', () => {
    const store = new JsonFileSettingsStore(file);
    store.update({ language: 'en' });
    const bad = { noDataTimeoutS: 0, language: 'fr' } as SettingsPatch;
    expect(() => store.update(bad)).toThrow(AppErrorException);
    expect(() => store.update(bad)).toThrow(/noDataTimeoutS/);
    expect(codeOf(() => store.update(bad))).toBe('bad-request');
    expect(store.get().language).toBe('en');
    expect(new JsonFileSettingsStore(file).get().language).toBe('en');
  });
});

it('reports a settings file it cannot save as unavailable, keeping the old settings', async () => {
  await writeFile(join(dir, 'blocker'), 'a file where a folder should be');
  const store = new JsonFileSettingsStore(join(dir, 'blocker', 'settings.json'), () => undefined);
  expect(codeOf(() => store.update({ kiosk: true }))).toBe('unavailable');
  expect(store.get().kiosk).toBe(false);
});

describe('MemorySettingsStore', () => {
  it('validates, applies and notifies', () => {
    const store = new MemorySettingsStore({ kiosk: true });
    const seen: boolean[] = [];
    const off = store.onDidChange((s) => seen.push(s.kiosk));
    store.update({ kiosk: false });
    off();
    store.update({ kiosk: true });
    expect(seen).toEqual([false]);
    expect(() => store.update({ rendezvousUrl: 'http://x' })).toThrow(/rendezvousUrl/);
  });
});
