import { createBackend } from '../../../src/core/backend';
import type { ConsultationStore } from '../../../src/core/records/consultation-store';
import { MemorySettingsStore } from '../../../src/core/settings/memory-settings-store';
import type { CallService } from '../../../src/core/signaling/call-service';
import type { Settings } from '../../../src/shared/domain/settings';
import { manualClock } from './records-test-kit';

/** The invite id the fake call service signs into every consultant link (a real token's shape). */
export const INVITE_ID = 'inviteABCDEFGHIJ0123';

/** A consultant token shaped like invite-token.ts makes them (`v1.<claims>.<signature>`). */
export function consultantToken(jti = INVITE_ID): string {
  const claims = { room: 'room0123456789abcdef', role: 'consultant', exp: 1_900_000_000, jti };
  return `v1.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.c2lnbmF0dXJl`;
}

const fakeCall: CallService = {
  bindRoom: () => undefined,
  invite: () =>
    Promise.resolve({
      consultantUrl: 'https://x.test/c',
      consultantToken: consultantToken(),
      expiresAt: '2026-11-25T10:00:00.000Z',
    }),
  join: () =>
    Promise.resolve({
      signalingUrl: 'wss://x.test/signal',
      token: 't',
      expiresAt: '2026-11-25T10:00:00.000Z',
    }),
};

/** The backend over a test store, on the test's clock, with an operator set at the station. */
export function recordBackend(
  openStore: (now: () => number, settings: MemorySettingsStore) => ConsultationStore,
  settingsPatch: Partial<Settings> = {},
) {
  const clock = manualClock();
  const settings = new MemorySettingsStore({ operatorName: 'Léa Garnier', ...settingsPatch });
  const backend = createBackend({
    host: 'node',
    version: '9.9.9',
    settings,
    discovery: false,
    now: clock.now,
    call: fakeCall,
    records: openStore(clock.now, settings),
  });
  return { backend, api: backend.api, clock, settings };
}
