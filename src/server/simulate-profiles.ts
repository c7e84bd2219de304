import type { ProtocolId } from '../shared/protocols';

/**
 * Named sets of simulated devices for `station serve --simulate-profile NAME`: a demonstration or a
 * load to measure without typing every protocol id. Each device is SIMULATED on the screens.
 */
export const SIMULATE_PROFILES = {
  /** The default: one pulse oximeter. */
  oximeter: ['contec-cms50-v7'],
  /** A 12-lead ECG and two pulse oximeters (issue 15's drawing load): 12 traces and two pleths. */
  ecg12: ['openbci-cyton-12lead', 'contec-cms50-v7', 'nonin-df7'],
} as const satisfies Record<string, readonly ProtocolId[]>;

export type SimulateProfile = keyof typeof SIMULATE_PROFILES;

/** The profile's protocol ids; a TypeError naming the known profiles for any other name. */
export function simulateProfile(name: string): readonly ProtocolId[] {
  if (!Object.hasOwn(SIMULATE_PROFILES, name))
    throw new TypeError(
      `unknown simulate profile ${JSON.stringify(name)}; known: ${Object.keys(SIMULATE_PROFILES).join(', ')}`,
    );
  return SIMULATE_PROFILES[name as SimulateProfile];
}
