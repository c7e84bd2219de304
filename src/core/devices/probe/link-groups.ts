import type { DeviceDriver, LinkSettings } from '../../../devices/driver';
import { hostOf } from '../../../devices/host';

/** Candidates that share one port setting: probed with one open, every decoder fed the same bytes. */
export interface LinkGroup {
  readonly link: LinkSettings;
  /** Candidates that stream without being asked (their open step writes nothing). */
  readonly passive: readonly DeviceDriver[];
  /** Candidates that must be spoken to first, tried one at a time. */
  readonly conversational: readonly DeviceDriver[];
}

/** Groups candidates by identical link settings, keeping the candidates' order within and across groups. */
export function groupByLink(candidates: readonly DeviceDriver[]): LinkGroup[] {
  const groups = new Map<
    string,
    { link: LinkSettings; passive: DeviceDriver[]; conversational: DeviceDriver[] }
  >();
  for (const driver of candidates) {
    const key = linkKey(driver.link);
    let group = groups.get(key);
    if (!group) {
      group = { link: driver.link, passive: [], conversational: [] };
      groups.set(key, group);
    }
    if (group.passive.includes(driver) || group.conversational.includes(driver)) continue;
    (isConversational(driver) ? group.conversational : group.passive).push(driver);
  }
  return [...groups.values()];
}

/** True when the driver's host speaks first: its open step writes something. */
export function isConversational(driver: DeviceDriver): boolean {
  return hostOf(driver).open(0).writes.length > 0;
}

function linkKey(link: LinkSettings): string {
  if (link.kind === 'hid')
    return `hid:${link.vendorId}:${link.productId}:${link.reportBytes}:${link.reportId}`;
  const flow = `${link.rtscts === true ? 'rtscts' : ''}${link.xonxoff === true ? 'xonxoff' : ''}`;
  return `serial:${link.baudRate}:${link.dataBits}${link.parity[0]}${link.stopBits}:${flow}`;
}
