import type { CheckItem } from '../../../shared/domain/equipment-check';
import type { Formatter } from '../../../shared/i18n';
import { deviceNameOf } from '../../../shared/i18n/device-names';
import type { CheckMessages } from './check-messages';

/**
 * The host writes its items in English (they also go to the CLI and the exported JSON); the
 * screen shows them in its own language from their id and `measured.code`. An item this table
 * does not know keeps the host's text: better English than nothing.
 */
export function localizeHostItem(item: CheckItem, m: CheckMessages, format: Formatter): CheckItem {
  const code = String(item.measured?.['code'] ?? '');
  const kind = item.id.split('@', 1)[0] ?? item.id;
  const text = localized(kind, code, item, m, format);
  return text === null ? item : { ...item, ...text };
}

type Text = { title: string; detail: string; fix: string };

function localized(
  kind: string,
  code: string,
  item: CheckItem,
  m: CheckMessages,
  format: Formatter,
): Text | null {
  const num = (key: string, digits?: number): string => {
    const value = item.measured?.[key];
    return typeof value === 'number' ? format.number(value, digits) : '?';
  };
  const str = (key: string): string => String(item.measured?.[key] ?? '');
  if (kind === 'network.rendezvous') {
    const title = m.rendezvousTitle;
    const rtt = num('rttMs', 1);
    const jitter = num('jitterMs', 1);
    switch (code) {
      case 'good':
        return { title, detail: m.rendezvousGood(rtt, jitter), fix: '' };
      case 'high-jitter':
      case 'slow':
      case 'very-slow':
        return { title, detail: m.rendezvousSlow(rtt, jitter), fix: m.weakLinkFix };
      case 'unreachable':
        return { title, detail: m.rendezvousUnreachable, fix: m.rendezvousUnreachableFix };
      case 'not-configured':
        return { title, detail: m.rendezvousNotConfigured, fix: m.rendezvousNotConfiguredFix };
    }
    return null;
  }
  if (kind === 'network.upload' || kind === 'network.download') {
    const title = kind === 'network.upload' ? m.uploadTitle : m.downloadTitle;
    const kbps = item.measured?.[kind === 'network.upload' ? 'uploadKbps' : 'downloadKbps'];
    const rate = typeof kbps === 'number' ? formatRate(kbps, format) : '?';
    switch (code) {
      case 'full-video':
        return { title, detail: m.throughputFull(rate), fix: '' };
      case 'reduced-video':
        return { title, detail: m.throughputReduced(rate), fix: m.weakLinkFix };
      case 'audio-only':
        return { title, detail: m.throughputAudioOnly(rate), fix: m.weakLinkFix };
    }
    // The host's reason is English text: the screen words the outcome's code instead.
    if (code === 'not-offered' || code === 'rate-limited' || code === 'failed')
      return {
        title,
        detail: `${m.throughputNotMeasured} ${m.throughputWhyNot(code)}`,
        fix: m.throughputWhyNotFix(code),
      };
    return { title, detail: m.throughputNotMeasured, fix: '' };
  }
  if (kind === 'records.audit-chain') {
    const title = m.auditTitle;
    switch (code) {
      case 'intact':
        return { title, detail: m.auditIntact(num('rows')), fix: '' };
      case 'audit-chain-broken':
        return { title, detail: m.auditBroken(num('firstBadSeq')), fix: m.auditBrokenFix };
      case 'no-records':
        return { title, detail: m.auditNoRecords, fix: '' };
    }
    return null;
  }
  if (kind === 'records.integrity') {
    const title = m.integrityTitle;
    switch (code) {
      case 'intact':
        return { title, detail: m.integrityIntact, fix: '' };
      case 'damaged': {
        const ids = str('damagedRecords');
        const detail =
          ids === '' ? m.integrityDamagedElsewhere : m.integrityDamaged(num('damagedCount'), ids);
        return { title, detail, fix: m.integrityDamagedFix };
      }
      case 'no-records':
        return { title, detail: m.auditNoRecords, fix: '' };
    }
    return null;
  }
  if (kind === 'devices.none') return { title: m.devicesTitle, detail: m.devicesNone, fix: m.devicesNoneFix };
  if (kind.startsWith('devices.')) {
    const path = str('path');
    // The host names a device in English and marks a simulated one so: the screen names it from the
    // catalogue (its id is `devices.<protocol>@<where>`) and redoes the mark in its own language.
    const name =
      deviceNameOf(kind.slice('devices.'.length), format.locale) ?? item.title.replace(/ \(SIMULATED\)$/, '');
    const title = item.measured?.['simulated'] === true ? `${name} ${m.simulatedMark}` : name;
    const ageS = item.measured?.['lastReadingAgeS'];
    const age = typeof ageS === 'number' ? format.age(ageS * 1000) : '—';
    switch (code) {
      case 'streaming':
        return { title, detail: m.deviceStreaming(path, age), fix: '' };
      case 'stale':
        return { title, detail: m.deviceStale(path, age), fix: m.deviceNoDataFix };
      case 'no-data':
        return { title, detail: m.deviceNoData(path), fix: m.deviceNoDataFix };
      case 'connecting':
        return { title, detail: m.deviceConnecting(path), fix: m.deviceConnectingFix };
      case 'disconnected':
        return { title, detail: m.deviceUnplugged(path), fix: m.deviceUnpluggedFix };
      case 'permission-denied':
        // The host chose the fix for its OS: the udev rules on Linux, else its own advice.
        return {
          title: item.title,
          detail: m.devicePermission(path),
          fix: item.fix.includes('udev') ? m.udevFix : item.fix,
        };
    }
  }
  return null;
}

function formatRate(kbps: number, format: Formatter): string {
  return kbps >= 1000 ? `${format.number(kbps / 1000, 1)} Mbit/s` : `${format.number(kbps)} kbit/s`;
}
