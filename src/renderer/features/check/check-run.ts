import { checkItem, type CheckItem } from '../../../shared/domain/equipment-check';
import type { Formatter } from '../../../shared/i18n';
import type { BackendClient } from '../../backend-client/backend-client';
import { cameraChecks } from './camera-checks';
import { microphoneCheck, speakerCheck, stethoscopeCheck } from './audio-checks';

import type { CheckMessages } from './check-messages';
import { relayChecks } from './relay-checks';
import { runtimeChecks, runtimeFacts } from './runtime-checks';

/**
 * One run of the equipment check from the station window: the browser's own items (runtime,
 * cameras, microphone, stethoscope, speakers, relay loopback) and the host's (`check.run`:
 * devices, rendezvous, throughput, TURN Allocate), reported as each part finishes so the screen
 * fills in while the slow network parts still run. Media devices are opened one after another:
 * two cameras on one USB controller, or a camera and a microphone of one webcam, may not open
 * together. Host items are kept as the host wrote them and translated when shown.
 */
export interface CheckRunOptions {
  readonly client: BackendClient;
  readonly m: CheckMessages;
  readonly format: Formatter;
  /** null: no stethoscope input chosen; '' the default input; else a device id. */
  readonly stethoscopeInput: string | null;
  readonly onItems: (items: readonly RunItem[]) => void;
}

export interface RunItem {
  readonly item: CheckItem;
  /** Written by the host in English: translated for display by host-items.ts. */
  readonly fromHost: boolean;
}

export async function runEquipmentCheck(options: CheckRunOptions): Promise<void> {
  const { client, m, format } = options;
  const browser = (items: readonly CheckItem[]): void =>
    options.onItems(items.map((item) => ({ item, fromHost: false })));
  browser(runtimeChecks(m, runtimeFacts()));

  const host = client
    .call('check.run', {})
    .then((report) => options.onItems(report.items.map((item) => ({ item, fromHost: true }))))
    .catch((cause: unknown) =>
      browser([
        checkItem({
          id: 'network.host-check',
          category: 'network',
          status: 'fail',
          code: 'host-failed',
          title: m.hostCheckTitle,
          detail: m.hostCheckFailed(cause instanceof Error ? cause.message : String(cause)),
          fix: m.hostCheckFix,
        }),
      ]),
    );
  const relay = client
    .call('check.iceServers', {})
    .then(({ iceServers }) => relayChecks(m, format, iceServers))
    .catch(() => relayChecks(m, format, []))
    .then(browser);
  const media = (async () => {
    browser(await cameraChecks(m, format));
    browser([await microphoneCheck(m, format)]);
    browser([await stethoscopeCheck(m, format, options.stethoscopeInput)]);
    browser([await speakerCheck(m, null)]);
  })();
  await Promise.all([host, relay, media]);
}
