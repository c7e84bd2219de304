import {
  API_EVENT_NAMES,
  type ApiEvent,
  type ApiMethod,
  type ApiEventPayload,
  type BackendApi,
  type BackendEventSource,
  type EventListener,
} from '../../src/shared/api';
import type { DeviceInfo } from '../../src/shared/domain/devices';
import { AppErrorException } from '../../src/shared/result';
import { DEFAULT_SETTINGS } from '../../src/shared/domain/settings';

/**
 * A stand-in backend for bridge tests: API methods are jest functions with plausible answers, and
 * `emit` fires contract events. Bridges are tested against this; the real backend has its own tests.
 */
type MockApi = { [M in ApiMethod]: jest.Mock<ReturnType<BackendApi[M]>, Parameters<BackendApi[M]>> };

function method<M extends ApiMethod>(impl: BackendApi[M]): MockApi[M] {
  return jest.fn(impl) as unknown as MockApi[M];
}

function unavailable(): Promise<never> {
  return Promise.reject(new AppErrorException('unavailable', 'not in this fake'));
}

export function fakeBackend(): {
  api: MockApi;
  emit<E extends ApiEvent>(event: E, payload: ApiEventPayload<E>): void;
  listenerCount(): number;
} & BackendEventSource {
  const listeners = new Map<ApiEvent, Set<(payload: unknown) => void>>(
    API_EVENT_NAMES.map((name) => [name, new Set()]),
  );
  const device: DeviceInfo = {
    id: 'contec-cms50-v7@/dev/ttyUSB0',
    protocol: 'contec-cms50-v7',
    name: 'Contec CMS50D+',
    transport: 'serial',
    path: '/dev/ttyUSB0',
    state: 'streaming',
    error: null,
    simulated: true,
    lastReadingAt: null,
    droppedFrames: 0,
  };
  return {
    api: {
      'app.info': method<'app.info'>(async () => ({
        name: 'station',
        version: '0.1.0',
        host: 'electron',
        simulated: false,
      })),
      'devices.list': method<'devices.list'>(async () => [device]),
      'devices.connect': method<'devices.connect'>(async () => device),
      'devices.disconnect': method<'devices.disconnect'>(async () => null),
      'readings.latest': method<'readings.latest'>(async () => []),
      'readings.submit': method<'readings.submit'>(async ({ readings }) => ({ accepted: readings.length })),
      'settings.get': method<'settings.get'>(async () => DEFAULT_SETTINGS),
      'settings.update': method<'settings.update'>(async (patch) => ({ ...DEFAULT_SETTINGS, ...patch })),
      'call.invite': method<'call.invite'>(async () => ({
        consultantUrl: 'http://127.0.0.1:8080/consultant.html#invite=v1.fake.fake',
        consultantToken: 'v1.fake.fake',
        expiresAt: '2026-01-01T01:00:00.000Z',
      })),
      'call.join': method<'call.join'>(async () => ({
        signalingUrl: 'ws://127.0.0.1:8080/signal',
        token: 'v1.fake.fake',
        expiresAt: '2026-01-01T12:00:00.000Z',
      })),
      'call.consultantIdentity': method<'call.consultantIdentity'>(unavailable),
      'consultation.start': method<'consultation.start'>(unavailable),
      'consultation.current': method<'consultation.current'>(unavailable),
      'consultation.append': method<'consultation.append'>(unavailable),
      'consultation.attach': method<'consultation.attach'>(unavailable),
      'consultation.report': method<'consultation.report'>(unavailable),
      'report.link': method<'report.link'>(unavailable),
      'report.join': method<'report.join'>(unavailable),
      'report.load': method<'report.load'>(unavailable),
      'report.save': method<'report.save'>(unavailable),
      'report.identity': method<'report.identity'>(unavailable),
      'consultation.doctorRequest': method<'consultation.doctorRequest'>(unavailable),
      'consultation.end': method<'consultation.end'>(unavailable),
      'consultation.list': method<'consultation.list'>(unavailable),
      'consultation.get': method<'consultation.get'>(unavailable),
      'consultation.media': method<'consultation.media'>(unavailable),
      'consultation.export': method<'consultation.export'>(unavailable),
      'consultation.delete': method<'consultation.delete'>(unavailable),
      'consultation.confirmMeasurement': method<'consultation.confirmMeasurement'>(unavailable),
      'consultation.dismissMeasurement': method<'consultation.dismissMeasurement'>(unavailable),
      'audit.list': method<'audit.list'>(unavailable),
      'check.run': method<'check.run'>(unavailable),
      'check.iceServers': method<'check.iceServers'>(unavailable),
      'kiosk.status': method<'kiosk.status'>(unavailable),
      'kiosk.unlock': method<'kiosk.unlock'>(unavailable),
      'kiosk.lock': method<'kiosk.lock'>(unavailable),
      'kiosk.setPin': method<'kiosk.setPin'>(unavailable),
      'kiosk.exit': method<'kiosk.exit'>(unavailable),
    },
    on<E extends ApiEvent>(event: E, listener: EventListener<E>): () => void {
      const set = listeners.get(event)!;
      const entry = listener as (payload: unknown) => void;
      set.add(entry);
      return () => set.delete(entry);
    },
    emit(event, payload) {
      for (const listener of listeners.get(event)!) listener(payload);
    },
    listenerCount: () => [...listeners.values()].reduce((n, set) => n + set.size, 0),
  };
}
