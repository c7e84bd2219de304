import type { ApiEvent, ApiEventPayload, ApiMethod, ApiParams, ApiResult } from '../../../src/shared/api';
import type { DeviceInfo } from '../../../src/shared/domain/devices';
import { DEFAULT_SETTINGS } from '../../../src/shared/domain/settings';
import { ConnectionStateCell, type BackendClient } from '../../../src/renderer/backend-client/backend-client';
import { StationSession } from '../../../src/renderer/app/station-session';
import { ACTIVE_CONSULTATION } from '../features/call/fake-control-link';

const device: DeviceInfo = {
  id: 'contec-cms50-v7@/dev/pts/3',
  protocol: 'contec-cms50-v7',
  name: 'Contec',
  transport: 'serial',
  path: '/dev/pts/3',
  state: 'streaming',
  error: null,
  simulated: true,
  lastReadingAt: 1000,
  droppedFrames: 0,
};

/** A BackendClient whose answers and events the test controls. */
class FakeBackendClient implements BackendClient {
  readonly connection = new ConnectionStateCell('connecting');
  readonly calls: ApiMethod[] = [];
  private readonly listeners = new Map<ApiEvent, Set<(payload: never) => void>>();
  answers: Partial<{ [M in ApiMethod]: ApiResult<M> }> = {
    'app.info': { name: 'station', version: '1', host: 'node', simulated: true },
    'devices.list': [device],
    'readings.latest': [
      {
        type: 'numeric',
        device: device.id,
        metric: 'MDC_PULS_OXIM_SAT_O2',
        value: 97,
        unit: '%',
        time: '2026-11-25T10:00:00.000Z',
      },
    ],
    'settings.get': { ...DEFAULT_SETTINGS, waveformWindowS: 8 },
    'consultation.current': null,
  };

  async call<M extends ApiMethod>(method: M, _params: ApiParams<M>): Promise<ApiResult<M>> {
    this.calls.push(method);
    const answer = this.answers[method];
    if (answer === undefined) throw new Error(`${method} unavailable`);
    return answer;
  }

  on<E extends ApiEvent>(event: E, listener: (payload: ApiEventPayload<E>) => void): () => void {
    const set = this.listeners.get(event) ?? new Set();
    this.listeners.set(event, set);
    set.add(listener);
    return () => set.delete(listener);
  }

  emit<E extends ApiEvent>(event: E, payload: ApiEventPayload<E>): void {
    for (const listener of this.listeners.get(event) ?? [])
      (listener as (p: ApiEventPayload<E>) => void)(payload);
  }

  close(): void {
    this.connection.set('closed');
  }
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('StationSession', () => {
  it('fetches the current state each time the link opens, then follows pushed events', async () => {
    const client = new FakeBackendClient();
    const frames: (() => void)[] = [];
    const session = new StationSession(client, (callback) => frames.push(callback));
    session.start();
    expect(client.calls).toEqual([]);

    client.connection.set('open');
    await flush();
    frames.splice(0).forEach((f) => f());
    expect(session.connection.getSnapshot()).toBe('open');
    expect(session.appInfo.getSnapshot()?.simulated).toBe(true);
    expect(session.devices.getSnapshot()).toEqual([device]);
    expect(session.vitals.getSnapshot().devices[device.id]?.numerics.MDC_PULS_OXIM_SAT_O2?.value).toBe(97);
    expect(session.settings.getSnapshot().waveformWindowS).toBe(8);

    client.emit('readings', {
      seq: 1,
      readings: [
        {
          type: 'numeric',
          device: device.id,
          metric: 'MDC_PULS_OXIM_SAT_O2',
          value: 95,
          unit: '%',
          time: '2026-11-25T10:00:01.000Z',
        },
        {
          type: 'waveform',
          device: device.id,
          metric: 'MDC_PULS_OXIM_PLETH',
          unit: '1',
          rateHz: 60,
          start: '2026-11-25T10:00:02.000Z',
          samples: [10, 20, null],
        },
      ],
    });
    client.emit('device.state', { ...device, state: 'no-data' });
    frames.splice(0).forEach((f) => f());
    expect(session.vitals.getSnapshot().devices[device.id]?.numerics.MDC_PULS_OXIM_SAT_O2?.value).toBe(95);
    expect(session.waveforms.channel(device.id, 'MDC_PULS_OXIM_PLETH')?.buffer.totalWritten).toBe(3);
    expect(session.devices.getSnapshot()[0]?.state).toBe('no-data');
    expect(session.devices.lastReadingAt(device.id)).toBe(Date.parse('2026-11-25T10:00:02.000Z'));

    client.connection.set('reconnecting');
    client.connection.set('open');
    await flush();
    expect(client.calls.filter((m) => m === 'devices.list')).toHaveLength(2);
    session.stop();
  });

  it('reports a failed refresh instead of throwing', async () => {
    const client = new FakeBackendClient();
    delete client.answers['readings.latest'];
    client.connection.set('open');
    const session = new StationSession(client, () => undefined);
    session.start();
    await flush();
    // A code the header words in its language, never the failure's own text.
    expect(session.problem.getSnapshot()).toBe('unexpected');
    session.stop();
  });
});

describe('StationSession across consultations', () => {
  const summary = (id: string) => ({ ...ACTIVE_CONSULTATION, id });
  const spo2 = (value: number, time: string) => ({
    type: 'numeric' as const,
    device: device.id,
    metric: 'MDC_PULS_OXIM_SAT_O2' as const,
    value,
    unit: '%',
    time,
  });

  it('clears every tile and trace when a consultation starts or ends, not when it is first heard of', async () => {
    const client = new FakeBackendClient();
    client.answers['consultation.current'] = summary('consultation-a');
    const frames: (() => void)[] = [];
    const session = new StationSession(client, (callback) => frames.push(callback));
    const sat = () => session.vitals.getSnapshot().devices[device.id]?.numerics.MDC_PULS_OXIM_SAT_O2;
    session.start();
    client.connection.set('open');
    await flush();
    frames.splice(0).forEach((f) => f());
    expect(sat()?.value).toBe(97); // seeded by readings.latest, kept: the backend seeds only since the start

    client.emit('readings', {
      seq: 1,
      readings: [
        {
          type: 'waveform',
          device: device.id,
          metric: 'MDC_PULS_OXIM_PLETH',
          unit: '1',
          rateHz: 60,
          start: '2026-11-25T10:00:01.000Z',
          samples: [10, 20],
        },
      ],
    });
    client.emit('consultation.changed', summary('consultation-a')); // a note, a chat line: no clear
    frames.splice(0).forEach((f) => f());
    expect(sat()?.value).toBe(97);

    client.emit('consultation.changed', null); // the end
    frames.splice(0).forEach((f) => f());
    expect(sat()).toBeNull();
    expect(session.waveforms.channel(device.id, 'MDC_PULS_OXIM_PLETH')?.buffer.length).toBe(0);

    client.emit('readings', { seq: 2, readings: [spo2(93, '2026-11-25T10:05:00.000Z')] });
    frames.splice(0).forEach((f) => f());
    expect(sat()?.value).toBe(93);
    client.emit('consultation.changed', summary('consultation-b')); // the next patient
    frames.splice(0).forEach((f) => f());
    expect(sat()).toBeNull();
    expect(session.consultation.getSnapshot()?.id).toBe('consultation-b');
    session.stop();
  });
});
