import { formatIssues } from '../../shared/api-schema';
import { settingsPatchSchema, settingsSchema, type Settings } from '../../shared/domain/settings';
import { AppErrorException } from '../../shared/result';

/**
 * Validates an untrusted partial update and merges it: the one rule every SettingsStore adapter
 * shares. Throws `bad-request` naming the field; never applies half a patch.
 */
export function applySettingsPatch(current: Settings, patch: unknown): Settings {
  const parsed = settingsPatchSchema.safeParse(patch ?? {});
  if (!parsed.success) throw new AppErrorException('bad-request', `settings: ${formatIssues(parsed.error)}`);
  const defined = Object.fromEntries(Object.entries(parsed.data).filter(([, value]) => value !== undefined));
  return settingsSchema.parse({ ...current, ...defined });
}
