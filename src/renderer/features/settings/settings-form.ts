import { settingsPatchSchema, type Settings, type SettingsPatch } from '../../../shared/domain/settings';

/**
 * The settings form's values as typed (text for numbers and URL lists, so a half-typed value is
 * kept as the nurse typed it) and their validation with the shared settings schema: the screen
 * accepts exactly what the backend accepts, and says which field (and which line) is wrong.
 */
export interface SettingsFormValues {
  readonly language: Settings['language'];
  readonly operatorName: string;
  readonly autoConnect: boolean;
  readonly noDataTimeoutS: string;
  readonly waveformWindowS: string;
  readonly rendezvousUrl: string;
  /** One URL per line. */
  readonly stunUrls: string;
  readonly turnUrls: string;
  readonly retentionDays: string;
  readonly reportAmendHours: string;
  readonly kiosk: boolean;
}

export type SettingsField = keyof SettingsFormValues;

/** What is wrong with a field; the screen turns it into words in its language. */
export type FieldError =
  | { readonly kind: 'invalid' }
  /** `line` counts from 1. */
  | { readonly kind: 'bad-line'; readonly line: number }
  | { readonly kind: 'too-many-lines'; readonly max: number };

export type FieldErrors = Partial<Record<SettingsField, FieldError>>;

export type FormCheck =
  { readonly ok: true; readonly patch: SettingsPatch } | { readonly ok: false; readonly errors: FieldErrors };

/** Most STUN or TURN URLs the schema accepts. */
export const MAX_ICE_URLS = 8;

export function formValuesFrom(settings: Settings): SettingsFormValues {
  return {
    language: settings.language,
    operatorName: settings.operatorName,
    autoConnect: settings.autoConnect,
    noDataTimeoutS: String(settings.noDataTimeoutS),
    waveformWindowS: String(settings.waveformWindowS),
    rendezvousUrl: settings.rendezvousUrl,
    stunUrls: settings.stunUrls.join('\n'),
    turnUrls: settings.turnUrls.join('\n'),
    retentionDays: String(settings.retentionDays),
    reportAmendHours: String(settings.reportAmendHours),
    kiosk: settings.kiosk,
  };
}

const fields = settingsPatchSchema.shape;

/**
 * Validates every field (all errors at once, not the first) and returns the fields that differ
 * from `current`: saving sends only what the user changed, so a concurrent change elsewhere (the
 * kiosk toggled by the host) is not overwritten by a stale form.
 */
export function checkSettingsForm(values: SettingsFormValues, current: Settings): FormCheck {
  const errors: FieldErrors = {};
  const parsed: Partial<Record<keyof SettingsPatch, unknown>> = {};
  const take = <K extends keyof SettingsPatch>(key: K, value: unknown): void => {
    const result = fields[key].safeParse(value);
    if (result.success) parsed[key] = result.data;
    else errors[key] = { kind: 'invalid' };
  };
  take('language', values.language);
  take('operatorName', values.operatorName.trim());
  take('autoConnect', values.autoConnect);
  take('noDataTimeoutS', wholeNumber(values.noDataTimeoutS));
  take('waveformWindowS', wholeNumber(values.waveformWindowS));
  take('rendezvousUrl', values.rendezvousUrl.trim());
  take('retentionDays', wholeNumber(values.retentionDays));
  take('reportAmendHours', wholeNumber(values.reportAmendHours));
  take('kiosk', values.kiosk);
  for (const key of ['stunUrls', 'turnUrls'] as const) {
    const list = checkUrlLines(key, values[key]);
    if ('error' in list) errors[key] = list.error;
    else parsed[key] = list.urls;
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };

  const patch: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(parsed))
    if (!sameValue(value, current[key as keyof Settings])) patch[key] = value;
  return { ok: true, patch: patch };
}

function checkUrlLines(
  key: 'stunUrls' | 'turnUrls',
  text: string,
): { urls: string[] } | { error: FieldError } {
  const urls = text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
  if (urls.length > MAX_ICE_URLS) return { error: { kind: 'too-many-lines', max: MAX_ICE_URLS } };
  const element = fields[key].unwrap().element;
  // Numbered as the user sees the lines, blank ones included.
  const lines = text.split('\n');
  for (let index = 0; index < lines.length; index++) {
    const line = (lines[index] ?? '').trim();
    if (line !== '' && !element.safeParse(line).success)
      return { error: { kind: 'bad-line', line: index + 1 } };
  }
  return { urls };
}

/** `"5"` → 5; anything else (empty, `5.5`, `5 s`) → NaN, which the schema rejects. */
function wholeNumber(text: string): number {
  const trimmed = text.trim();
  return /^-?\d+$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => x === b[i]);
  return Object.is(a, b);
}
