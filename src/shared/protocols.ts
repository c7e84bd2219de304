/** Stable protocol ids (design §3): used by the CLI, the registry, captures and the docs. */
export const PROTOCOL_IDS = [
  'contec-cms50-v7',
  'contec-cms50-legacy',
  'nonin-df2',
  'nonin-df7',
  'nonin-df8',
  'nonin-df13',
  'masimo-ascii',
  'nellcor-ascii',
  'philips-intellivue-mib',
  'ge-datex-s5',
  'openbci-cyton',
  'openbci-cyton-12lead',
  'ad8232-ascii',
  'beurer-bm58',
  'omron-hem-hid',
  'beurer-bm55-hid',
  'ble-heart-rate',
  'ble-blood-pressure',
  'ble-plx-continuous',
  'ble-plx-spot',
  'ble-temperature',
] as const;
export type ProtocolId = (typeof PROTOCOL_IDS)[number];

export function isProtocolId(value: string): value is ProtocolId {
  return (PROTOCOL_IDS as readonly string[]).includes(value);
}
