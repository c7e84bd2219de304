import type { Settings, SettingsPatch } from '../../shared/domain/settings';

/**
 * Where settings live. One interface, one adapter per host: electron-store in Electron
 * (src/main/electron-settings-store.ts), a JSON file in the Node host, memory in tests. Every
 * adapter validates what it reads and writes with the shared schema.
 */
export interface SettingsStore {
  get(): Settings;
  /** Validates and applies a partial update; throws AppErrorException('bad-request') on invalid input. */
  update(patch: SettingsPatch): Settings;
  onDidChange(listener: (settings: Settings) => void): () => void;
}
