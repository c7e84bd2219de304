import { renameSync } from 'node:fs';
import path from 'node:path';
import ElectronStore from 'electron-store';
import type { SettingsStore } from '../core/settings/settings-store';
import { formatIssues } from '../shared/api-schema';
import {
  parseStoredSettings,
  settingsPatchSchema,
  settingsSchema,
  type Settings,
  type SettingsPatch,
} from '../shared/domain/settings';
import { AppErrorException } from '../shared/result';
import type { ShellLog } from './shell-log';

/**
 * Settings in Electron, kept by electron-store (atomic writes, in the user-data folder). The only
 * file importing electron-store: it is ESM-only and imports `electron` at load, so nothing else in
 * the shell or the core depends on it. The file is untrusted input like any other: each field is
 * parsed with the shared schema on read (a bad field falls back to its default and is reported,
 * the others are kept), and each patch is parsed before anything is written.
 */

/** The part of electron-store this adapter uses; tests may inject another implementation. */
export interface KeyValueFile {
  store: Record<string, unknown>;
}

export interface ElectronSettingsStoreOptions {
  /** Absolute folder of the settings file: `app.getPath('userData')` in the app, a temp dir in tests. */
  readonly cwd: string;
  readonly log: ShellLog;
  /** File name without extension. */
  readonly name?: string;
  readonly open?: (options: { cwd: string; name: string }) => KeyValueFile;
}

const openElectronStore = (options: { cwd: string; name: string }): KeyValueFile =>
  // No ajv schema: validation is ours (zod, shared with the Node host). A syntax error is not
  // cleared silently either: `open` below keeps the broken file aside so nothing is lost.
  new ElectronStore<Record<string, unknown>>({ ...options, clearInvalidConfig: false, watch: false });

export class ElectronSettingsStore implements SettingsStore {
  private readonly file: KeyValueFile;
  private current: Settings;
  private readonly listeners = new Set<(settings: Settings) => void>();

  constructor(private readonly options: ElectronSettingsStoreOptions) {
    if (!path.isAbsolute(options.cwd)) {
      throw new TypeError(
        `ElectronSettingsStore: "cwd" must be an absolute path, got ${JSON.stringify(options.cwd)}`,
      );
    }
    this.file = this.open();
    const { settings, rejected } = parseStoredSettings(this.file.store);
    if (rejected.length > 0) {
      options.log.warn('settings: invalid or unknown fields ignored, defaults used', { fields: rejected });
    }
    this.current = settings;
  }

  get(): Settings {
    return this.current;
  }

  update(patch: SettingsPatch): Settings {
    if (patch === null || typeof patch !== 'object' || Array.isArray(patch)) {
      throw new AppErrorException('bad-request', 'settings patch must be an object');
    }
    const parsed = settingsPatchSchema.safeParse(patch);
    if (!parsed.success)
      throw new AppErrorException('bad-request', `settings: ${formatIssues(parsed.error)}`);
    // Apply only the fields the caller sent: the patch schema fills absent fields with defaults,
    // which must not overwrite the values already stored.
    const sent = Object.fromEntries(Object.entries(parsed.data).filter(([key]) => Object.hasOwn(patch, key)));
    const next = settingsSchema.parse({ ...this.current, ...sent });
    if (JSON.stringify(next) === JSON.stringify(this.current)) return this.current;
    this.file.store = next;
    this.current = next;
    for (const listener of [...this.listeners]) {
      try {
        listener(next);
      } catch (cause) {
        this.options.log.error('settings listener failed', { cause: String(cause) });
      }
    }
    return next;
  }

  onDidChange(listener: (settings: Settings) => void): () => void {
    const entry = (settings: Settings): void => listener(settings);
    this.listeners.add(entry);
    return () => {
      this.listeners.delete(entry);
    };
  }

  /** Opens the file; one that is not JSON is renamed aside (kept for support) and a fresh one started. */
  private open(): KeyValueFile {
    const name = this.options.name ?? 'settings';
    const open = this.options.open ?? openElectronStore;
    try {
      return open({ cwd: this.options.cwd, name });
    } catch (cause) {
      if (!(cause instanceof SyntaxError)) throw cause;
      const broken = path.join(this.options.cwd, `${name}.json`);
      const aside = `${broken}.corrupt-${new Date().toISOString().replace(/[:.]/g, '-')}`;
      renameSync(broken, aside);
      this.options.log.warn('settings: file was not valid JSON; kept aside, defaults used', { file: aside });
      return open({ cwd: this.options.cwd, name });
    }
  }
}
