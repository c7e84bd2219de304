import type { StatusFlag } from '../../../shared/domain/readings';

/**
 * Status flags in words for the device group ("Probe off", "Lead off"). Flags not listed read as
 * their kebab-case id in sentence case, so a flag added to the contract later still shows as text.
 */
const TEXT: Readonly<Partial<Record<StatusFlag, string>>> = {
  'low-spo2': 'Low SpO2',
  'searching-too-long': 'Searching too long',
  'out-of-track': 'Out of track',
  'low-signal-quality': 'Low signal quality',
  'device-malfunction': 'Device malfunction',
  questionable: 'Measurement questionable',
  'test-data': 'Test data, not from the patient',
  measuring: 'Measuring…',
};

/** Flags that mark normal operation (a beep per beat), not something anyone needs to read. */
const SILENT: ReadonlySet<StatusFlag> = new Set<StatusFlag>(['pulse-beep']);

export function statusFlagText(flag: StatusFlag): string {
  const known = TEXT[flag];
  if (known !== undefined) return known;
  const words = flag.replaceAll('-', ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function visibleFlags(flags: readonly StatusFlag[]): StatusFlag[] {
  return flags.filter((flag) => !SILENT.has(flag));
}
