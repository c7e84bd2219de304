import { DEFAULT_SETTINGS, type Settings, type SettingsPatch } from '../../shared/domain/settings';
import { ListenerSet } from '../listeners';
import { applySettingsPatch } from './apply-settings-patch';
import type { SettingsStore } from './settings-store';

/** Settings that live as long as the process: for tests and throwaway hosts. */
export class MemorySettingsStore implements SettingsStore {
  private settings: Settings;
  private readonly listeners = new ListenerSet<[Settings]>();

  constructor(initial: SettingsPatch = {}) {
    this.settings = applySettingsPatch(DEFAULT_SETTINGS, initial);
  }

  get(): Settings {
    return this.settings;
  }

  update(patch: SettingsPatch): Settings {
    this.settings = applySettingsPatch(this.settings, patch);
    this.listeners.emit(this.settings);
    return this.settings;
  }

  onDidChange(listener: (settings: Settings) => void): () => void {
    return this.listeners.add(listener);
  }
}
