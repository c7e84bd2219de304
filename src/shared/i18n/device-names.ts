import { isProtocolId, type ProtocolId } from '../protocols';
import type { Locale } from './locale';

/**
 * Every device's friendly name, in both languages, by its protocol id: the screens, the doctor's
 * page and the PDF report name a device from here, never by its driver's English name or its raw
 * id (`contec-cms50-v7@/dev/ttyUSB0`).
 */
const NAMES: Readonly<Record<ProtocolId, { readonly en: string; readonly fr: string }>> = {
  'contec-cms50-v7': { en: 'Contec CMS50 pulse oximeter', fr: 'Oxymètre de pouls Contec CMS50' },
  'contec-cms50-legacy': { en: 'Contec CMS50 pulse oximeter', fr: 'Oxymètre de pouls Contec CMS50' },
  'nonin-df2': { en: 'Nonin pulse oximeter', fr: 'Oxymètre de pouls Nonin' },
  'nonin-df7': { en: 'Nonin pulse oximeter', fr: 'Oxymètre de pouls Nonin' },
  'nonin-df8': { en: 'Nonin pulse oximeter', fr: 'Oxymètre de pouls Nonin' },
  'nonin-df13': {
    en: 'Nonin pulse oximeter (spot checks)',
    fr: 'Oxymètre de pouls Nonin (mesures ponctuelles)',
  },
  'masimo-ascii': { en: 'Masimo pulse oximeter', fr: 'Oxymètre de pouls Masimo' },
  'nellcor-ascii': { en: 'Nellcor pulse oximeter', fr: 'Oxymètre de pouls Nellcor' },
  'philips-intellivue-mib': { en: 'Philips IntelliVue monitor', fr: 'Moniteur Philips IntelliVue' },
  'ge-datex-s5': { en: 'GE Datex-Ohmeda S/5 monitor', fr: 'Moniteur GE Datex-Ohmeda S/5' },
  'openbci-cyton': { en: 'OpenBCI Cyton ECG', fr: 'ECG OpenBCI Cyton' },
  'openbci-cyton-12lead': { en: 'OpenBCI Cyton 12-lead ECG', fr: 'ECG 12 dérivations OpenBCI Cyton' },
  'ad8232-ascii': { en: 'AD8232 ECG', fr: 'ECG AD8232' },
  'beurer-bm58': { en: 'Beurer BM58 blood pressure monitor', fr: 'Tensiomètre Beurer BM58' },
  'omron-hem-hid': { en: 'Omron blood pressure monitor', fr: 'Tensiomètre Omron' },
  'beurer-bm55-hid': { en: 'Beurer BM55 blood pressure monitor', fr: 'Tensiomètre Beurer BM55' },
  'ble-heart-rate': { en: 'Bluetooth heart rate monitor', fr: 'Cardiofréquencemètre Bluetooth' },
  'ble-blood-pressure': { en: 'Bluetooth blood pressure monitor', fr: 'Tensiomètre Bluetooth' },
  'ble-plx-continuous': { en: 'Bluetooth pulse oximeter', fr: 'Oxymètre de pouls Bluetooth' },
  'ble-plx-spot': {
    en: 'Bluetooth pulse oximeter (spot checks)',
    fr: 'Oxymètre de pouls Bluetooth (mesures ponctuelles)',
  },
  'ble-temperature': { en: 'Bluetooth thermometer', fr: 'Thermomètre Bluetooth' },
};

export function protocolName(protocol: ProtocolId, locale: Locale): string {
  return NAMES[protocol][locale];
}

/**
 * A device's name from its id (`<protocol>@<where>`) or its protocol id; a Bluetooth device keeps
 * the name it advertises in brackets. Null for an id of no known protocol (a replay, a test).
 */
export function deviceNameOf(device: string, locale: Locale): string | null {
  const at = device.indexOf('@');
  const protocol = at < 0 ? device : device.slice(0, at);
  if (!isProtocolId(protocol)) return null;
  const name = protocolName(protocol, locale);
  const advertised = protocol.startsWith('ble-') && at > 0 ? device.slice(at + 1).trim() : '';
  return advertised === '' ? name : `${name} (${advertised})`;
}

/**
 * A recorded device's name as every screen and export prints it, in their language: by its id
 * (which keeps a Bluetooth device's advertised name), then by the protocol the record stored; only a
 * device of no known protocol (a replay, a test) keeps the name the record stored, or its id.
 */
export function listedDeviceName(
  devices: readonly { readonly id: string; readonly name: string; readonly protocol: string }[],
  deviceId: string,
  locale: Locale,
): string {
  const listed = devices.find((d) => d.id === deviceId);
  return (
    deviceNameOf(deviceId, locale) ??
    (listed === undefined ? null : deviceNameOf(listed.protocol, locale)) ??
    listed?.name ??
    deviceId
  );
}
