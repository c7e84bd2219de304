import { chmodSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import {
  DEFAULT_SETTINGS,
  parseStoredSettings,
  type Settings,
  type SettingsPatch,
} from '../../shared/domain/settings';
import { AppErrorException } from '../../shared/result';
import { ListenerSet } from '../listeners';
import { applySettingsPatch } from './apply-settings-patch';
import type { SettingsStore } from './settings-store';

/** Owner read/write only: settings may name the rendezvous and TURN servers of a practice. */
const FILE_MODE = 0o600;

/**
 * Settings in one JSON file, for the Node host. Reads are validated field by field (a bad field
 * falls back to its default, a corrupt file to all defaults, each with a warning: never a crash);
 * writes are atomic (temp file + rename) so a crash mid-write leaves the previous file intact.
 */
export class JsonFileSettingsStore implements SettingsStore {
  private settings: Settings;
  private readonly listeners = new ListenerSet<[Settings]>();

  constructor(
    private readonly file: string,
    private readonly warn: (message: string) => void = (message) => console.warn(message),
  ) {
    this.settings = this.load();
  }

  get(): Settings {
    return this.settings;
  }

  update(patch: SettingsPatch): Settings {
    const next = applySettingsPatch(this.settings, patch);
    try {
      this.write(next);
    } catch (error) {
      throw new AppErrorException(
        'unavailable',
        `settings: cannot save ${this.file}: ${(error as Error).message}`,
      );
    }
    this.settings = next;
    this.listeners.emit(next);
    return next;
  }

  onDidChange(listener: (settings: Settings) => void): () => void {
    return this.listeners.add(listener);
  }

  private load(): Settings {
    let text: string;
    try {
      text = readFileSync(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
        this.warn(`settings: cannot read ${this.file} (${(error as Error).message}); using defaults`);
      }
      return DEFAULT_SETTINGS;
    }
    let raw: unknown;
    try {
      raw = JSON.parse(text) as unknown;
    } catch {
      this.warn(`settings: ${this.file} is not valid JSON; using defaults`);
      return DEFAULT_SETTINGS;
    }
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
      this.warn(`settings: ${this.file} does not hold an object; using defaults`);
      return DEFAULT_SETTINGS;
    }
    const { settings, rejected } = parseStoredSettings(raw);
    if (rejected.length > 0)
      this.warn(`settings: ignored invalid or unknown fields in ${this.file}: ${rejected.join(', ')}`);
    return settings;
  }

  private write(settings: Settings): void {
    mkdirSync(dirname(this.file), { recursive: true, mode: 0o700 });
    const temp = `${this.file}.${process.pid}.tmp`;
    writeFileSync(temp, `${JSON.stringify(settings, null, 2)}\n`, { mode: FILE_MODE });
    // writeFileSync's mode applies only when it creates the file; enforce it on a leftover temp too.
    chmodSync(temp, FILE_MODE);
    renameSync(temp, this.file);
  }
}
