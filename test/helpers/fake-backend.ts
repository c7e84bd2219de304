import type { ApiEvent, ApiEventPayload, BackendApi, EventListener } from '../../src/shared/api';
import type { DeviceInfo } from '../../src/shared/domain/devices';
import type { Reading } from '../../src/shared/domain/readings';
import { DEFAULT_SETTINGS, type Settings } from '../../src/shared/domain/settings';
import { AppErrorException } from '../../src/shared/result';
import type { Backend } from '../../src/core/backend-types';

/**
 * A complete in-memory `Backend` (the host-facing core interface, with connectDevice and close)
 * for the WebSocket bridge and Node host tests: it answers every contract method from plain
 * fields, records the calls it received, fails on two magic paths, and lets a test emit any event.
 */
export class FakeCoreBackend implements Backend {
  readonly calls: { method: string; params: unknown }[] = [];
  devices: DeviceInfo[] = [];
  latest: Reading[] = [];
  settings: Settings = { ...DEFAULT_SETTINGS };
  closed = false;
  private readonly listeners = new Map<ApiEvent, Set<(payload: never) => void>>();

  readonly api: BackendApi = {
    'app.info': async () => {
      this.record('app.info', {});
      return {
        name: 'fake',
        version: '0.0.0',
        host: 'node',
        simulated: this.devices.some((d) => d.simulated),
      };
    },
    'devices.list': async () => this.record('devices.list', {}, this.devices),
    'devices.connect': async (params) => {
      this.record('devices.connect', params);
      if (params.path === '/dev/explode') throw new Error('port exploded');
      if (params.path === '/dev/missing')
        throw new AppErrorException('not-found', `no such port: ${params.path}`);
      const device = fakeDevice({ path: params.path, protocol: params.protocol });
      this.devices.push(device);
      return device;
    },
    'devices.disconnect': async (params) => this.record('devices.disconnect', params, null),
    'readings.latest': async () => this.record('readings.latest', {}, this.latest),
    'readings.submit': async (params) =>
      this.record('readings.submit', params, { accepted: params.readings.length }),
    'settings.get': async () => this.record('settings.get', {}, this.settings),
    'settings.update': async (patch) => {
      this.record('settings.update', patch);
      this.settings = { ...this.settings, ...patch };
      return this.settings;
    },
    'call.invite': async (params) =>
      this.record('call.invite', params, {
        consultantUrl: 'http://127.0.0.1/consultant.html#invite=v1.fake.fake',
        consultantToken: 'v1.fake.fake',
        expiresAt: '2026-01-01T01:00:00.000Z',
      }),
    'call.join': async () =>
      this.record(
        'call.join',
        {},
        {
          signalingUrl: 'ws://127.0.0.1/signal',
          token: 'v1.fake.fake',
          expiresAt: '2026-01-01T12:00:00.000Z',
        },
      ),
    'call.consultantIdentity': async (params) => this.unavailable('call.consultantIdentity', params),
    'consultation.start': async (params) => this.unavailable('consultation.start', params),
    'consultation.current': async (params) => this.unavailable('consultation.current', params),
    'consultation.append': async (params) => this.unavailable('consultation.append', params),
    'consultation.attach': async (params) => this.unavailable('consultation.attach', params),
    'consultation.report': async (params) => this.unavailable('consultation.report', params),
    'consultation.doctorRequest': async (params) => this.unavailable('consultation.doctorRequest', params),
    'consultation.end': async (params) => this.unavailable('consultation.end', params),
    'consultation.list': async (params) => this.unavailable('consultation.list', params),
    'consultation.get': async (params) => this.unavailable('consultation.get', params),
    'consultation.media': async (params) => this.unavailable('consultation.media', params),
    'consultation.export': async (params) => this.unavailable('consultation.export', params),
    'consultation.delete': async (params) => this.unavailable('consultation.delete', params),
    'consultation.confirmMeasurement': async (params) =>
      this.unavailable('consultation.confirmMeasurement', params),
    'report.link': async (params) => this.unavailable('report.link', params),
    'report.join': async (params) => this.unavailable('report.join', params),
    'report.load': async (params) => this.unavailable('report.load', params),
    'report.save': async (params) => this.unavailable('report.save', params),
    'report.identity': async (params) => this.unavailable('report.identity', params),
    'consultation.dismissMeasurement': async (params) =>
      this.unavailable('consultation.dismissMeasurement', params),
    'audit.list': async (params) => this.unavailable('audit.list', params),
    'check.run': async (params) => this.unavailable('check.run', params),
    'check.iceServers': async (params) => this.unavailable('check.iceServers', params),
    'kiosk.status': async (params) => this.unavailable('kiosk.status', params),
    'kiosk.unlock': async (params) => this.unavailable('kiosk.unlock', params),
    'kiosk.lock': async (params) => this.unavailable('kiosk.lock', params),
    'kiosk.setPin': async (params) => this.unavailable('kiosk.setPin', params),
    'kiosk.exit': async (params) => this.unavailable('kiosk.exit', params),
  };

  private unavailable(method: string, params: unknown): Promise<never> {
    this.record(method, params);
    return Promise.reject(new AppErrorException('unavailable', `${method}: not in this fake`));
  }

  on<E extends ApiEvent>(event: E, listener: EventListener<E>): () => void {
    const set = this.listeners.get(event) ?? new Set();
    this.listeners.set(event, set);
    set.add(listener);
    return () => set.delete(listener);
  }

  emit<E extends ApiEvent>(event: E, payload: ApiEventPayload<E>): void {
    for (const listener of this.listeners.get(event) ?? []) (listener as EventListener<E>)(payload);
  }

  listenerCount(event: ApiEvent): number {
    return this.listeners.get(event)?.size ?? 0;
  }

  async connectDevice(request: { path: string; protocol: string; simulated?: boolean }): Promise<DeviceInfo> {
    const device = fakeDevice({ ...request, simulated: request.simulated ?? false });
    this.devices.push(device);
    return device;
  }

  async close(): Promise<void> {
    this.closed = true;
  }

  private record<T>(method: string, params: unknown, value?: T): T {
    this.calls.push({ method, params });
    return value as T;
  }
}

export function fakeDevice(overrides: Partial<DeviceInfo> & { path: string; protocol: string }): DeviceInfo {
  return {
    id: `${overrides.protocol}@${overrides.path}`,
    name: 'Fake oximeter',
    transport: 'serial',
    state: 'streaming',
    error: null,
    simulated: false,
    lastReadingAt: null,
    droppedFrames: 0,
    ...overrides,
  };
}
