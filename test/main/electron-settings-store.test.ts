import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ElectronSettingsStore } from '../../src/main/electron-settings-store';
import { DEFAULT_SETTINGS, type SettingsPatch } from '../../src/shared/domain/settings';
import { AppErrorException } from '../../src/shared/result';
import { recordingLog } from '../helpers/fake-electron';

// Real electron-store on a temp folder: under the electron stub it takes its plain-Node path,
// which needs an absolute `cwd` and touches no Electron API.
describe('ElectronSettingsStore (real electron-store on a temp dir)', () => {
  let dir: string;
  const file = (): string => path.join(dir, 'settings.json');
  const open = () => {
    const log = recordingLog();
    return { store: new ElectronSettingsStore({ cwd: dir, log }), log };
  };

  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'station-settings-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('starts from the defaults when there is no file', () => {
    expect(open().store.get()).toEqual(DEFAULT_SETTINGS);
  });

  it('persists an update and reads it back in a new instance', () => {
    const { store } = open();
    const changed = store.update({ kiosk: true, noDataTimeoutS: 10 });
    expect(changed).toMatchObject({ kiosk: true, noDataTimeoutS: 10, language: 'system' });
    expect(JSON.parse(readFileSync(file(), 'utf8'))).toMatchObject({ kiosk: true, noDataTimeoutS: 10 });
    expect(open().store.get()).toEqual(changed);
  });

  it('applies only the fields a patch names, keeping the others', () => {
    const { store } = open();
    store.update({ language: 'fr' });
    expect(store.update({ kiosk: true })).toMatchObject({ language: 'fr', kiosk: true });
  });

  it('rejects an invalid patch with bad-request and writes nothing', () => {
    const { store } = open();
    const bad = (patch: unknown) => () => store.update(patch as SettingsPatch);
    for (const patch of [{ noDataTimeoutS: 0 }, { kiosk: 'yes' }, { unknown: 1 }, null, [], 'x']) {
      expect(bad(patch)).toThrow(AppErrorException);
    }
    try {
      store.update({ noDataTimeoutS: 500 });
    } catch (e) {
      expect((e as AppErrorException).code).toBe('bad-request');
      expect((e as Error).message).toMatch(/noDataTimeoutS/);
    }
    expect(store.get()).toEqual(DEFAULT_SETTINGS);
    expect(readdirSync(dir)).not.toContain('settings.json');
  });

  it('keeps valid stored fields and reports invalid or unknown ones', () => {
    writeFileSync(file(), JSON.stringify({ language: 'fr', noDataTimeoutS: -3, future: true }));
    const { store, log } = open();
    expect(store.get()).toEqual({ ...DEFAULT_SETTINGS, language: 'fr' });
    expect(log.warnings.join('\n')).toMatch(/invalid or unknown fields/);
    expect(log.details[0]).toEqual({ fields: ['noDataTimeoutS', 'future'] });
  });

  it('sets a non-JSON file aside instead of crashing or deleting it', () => {
    writeFileSync(file(), '{ not json');
    const { store, log } = open();
    expect(store.get()).toEqual(DEFAULT_SETTINGS);
    const aside = readdirSync(dir).filter((name) => name.startsWith('settings.json.corrupt-'));
    expect(aside).toHaveLength(1);
    expect(readFileSync(path.join(dir, aside[0]), 'utf8')).toBe('{ not json');
    expect(log.warnings.join('\n')).toMatch(/not valid JSON/);
  });

  it('notifies listeners on change only, and stops after unsubscribe', () => {
    const { store } = open();
    const seen: boolean[] = [];
    const stop = store.onDidChange((s) => seen.push(s.kiosk));
    store.update({ kiosk: true });
    store.update({ kiosk: true }); // no change, no event
    stop();
    store.update({ kiosk: false });
    expect(seen).toEqual([true]);
  });

  it('refuses a relative cwd', () => {
    expect(() => new ElectronSettingsStore({ cwd: 'relative', log: recordingLog() })).toThrow(TypeError);
  });
});
