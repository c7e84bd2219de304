import type { DecodeEvent } from '../driver';
import type { ParsedPackage } from './frames';

/**
 * Turns V7 replies that are not readings into `device-info` events (what the device panel and
 * `station probe` show). Storage-download packages are counted by the decoder but say nothing
 * about the live session, so they produce no event.
 */
export class DeviceInfoTracker {
  /** The model string comes in two segments (segment byte 0, then non-zero). */
  private modelFirstPart = '';

  handle(parsed: ParsedPackage, events: DecodeEvent[]): void {
    switch (parsed.kind) {
      case 'model-segment':
        if (parsed.segment === 0) this.modelFirstPart = parsed.text;
        return info(
          events,
          'model',
          (parsed.segment === 0 ? parsed.text : this.modelFirstPart + parsed.text).trim(),
        );
      case 'vendor':
        return info(events, 'vendor', parsed.text.trim());
      case 'device-id':
        return info(events, 'device-id', parsed.id.trim());
      case 'user-info':
        return info(events, 'user', `${parsed.user}: ${parsed.name.trim()}`);
      case 'version':
        return info(events, 'protocol-version', String(parsed.version));
      case 'command-feedback':
        return info(
          events,
          'command-feedback',
          `0x${parsed.command.toString(16).toUpperCase()}: ${parsed.reasonName}`,
        );
      case 'free':
        return info(events, 'device-state', 'free');
      case 'disconnect-notice':
        return info(events, 'disconnect-notice', parsed.reasonName);
      case 'pi-identifier':
        return info(events, 'pi-supported', parsed.piSupported ? 'yes' : 'no');
      case 'user-count':
        return info(events, 'user-count', String(parsed.count));
      case 'device-notice':
        if (parsed.storageDataPresent !== null) {
          return info(events, 'storage-data', parsed.storageDataPresent ? 'present' : 'none');
        }
        return info(events, 'device-notice', `type ${parsed.noticeType}`);
      case 'realtime':
      case 'storage-start-date':
      case 'storage-length':
      case 'storage-samples':
      case 'storage-segment-count':
      case 'storage-start-time':
      case 'storage-identifiers':
        return;
    }
  }

  reset(): void {
    this.modelFirstPart = '';
  }
}

function info(events: DecodeEvent[], key: string, value: string): void {
  events.push({ kind: 'device-info', key, value });
}
