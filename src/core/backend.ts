import { API_METHODS, API_METHOD_NAMES, type ApiMethod, type BackendApi } from '../shared/api';
import { formatIssues } from '../shared/api-schema';
import { AppErrorException } from '../shared/result';
import type { Backend, BackendDeps } from './backend-types';
import { BackendEvents } from './backend-events';
import { DeviceManager } from './devices/device-manager';
import { resolveDriver } from './devices/drivers';
import { HotPlug } from './devices/hot-plug';
import { probePort } from './devices/probe/probe-port';
import { ProbeMemory } from './devices/probe/probe-memory';
import { candidatesForPort } from './discovery/port-candidates';
import { PortWatcher } from './discovery/port-watcher';
import { DEFAULT_PORT_LISTERS } from './discovery/serial-port-lister';
import { ReadingBus } from './readings/reading-bus';
import { createDeviceTransport } from './transports/create-transport';
import type { CallService } from './signaling/call-service';
import { checkIceServers, runBackendCheck } from './check/backend-check';
import { kioskHandlers } from './kiosk/kiosk-handlers';
import { KioskService } from './kiosk/kiosk-service';
import { DEFAULT_EXPORT_FORMATS } from './records/default-export-formats';
import { createRecordsRuntime } from './records/records-runtime';
import type { ReportRooms } from './records/report-sessions';
import { consultationBoundaries } from './consultation-boundaries';

export const APP_NAME = 'Teleconsult Station';

/**
 * The core's composition root: devices, readings and settings behind the one API contract. Each
 * host (Electron main, Node server) calls this once and bridges `api` and the events. Every method
 * validates its params against the contract again: the core does not trust its bridges either.
 */
export function createBackend(deps: BackendDeps): Backend {
  const now = deps.now ?? Date.now;
  const events = new BackendEvents();
  const createTransport = deps.createTransport ?? ((path, link) => createDeviceTransport(path, link, now));
  const bus = new ReadingBus();
  const devices = new DeviceManager({
    resolveDriver: deps.resolveDriver ?? resolveDriver,
    createTransport,
    noDataTimeoutMs: () => deps.settings.get().noDataTimeoutS * 1000,
    onReadings: (readings) => bus.publish(readings),
    onInfo: (info) => events.emit('device.state', info),
  });
  const hotPlug =
    deps.discovery === false
      ? null
      : new HotPlug({
          watcher: new PortWatcher({
            listers: deps.discovery?.listers ?? DEFAULT_PORT_LISTERS,
            intervalMs: deps.discovery?.intervalMs,
          }),
          manager: devices,
          autoConnect: () => deps.settings.get().autoConnect,
          candidatesFor: (port) => candidatesForPort(port),
          probe: (path, candidates) => probePort(path, candidates, { createTransport, now }),
          memory: new ProbeMemory(),
          log: (line) => console.warn(`hot-plug: ${line}`),
        });
  hotPlug?.start();
  const unsubscribeBus = bus.subscribe((batch) => events.emit('readings', batch));
  // Kiosk PIN: guards settings.update and the way out of kiosk mode (src/core/kiosk).
  const kiosk = deps.kiosk === undefined ? null : new KioskService({ ...deps.kiosk, now });
  const unsubscribeKiosk = kiosk?.onChange((status) => events.emit('kiosk.changed', status));
  const unsubscribeMoved = deps.call?.onMoved?.(() => events.emit('call.moved', null));
  const unsubscribeSettings = deps.settings.onDidChange((settings) =>
    events.emit('settings.changed', settings),
  );

  // Consultation records (src/core/records): recorder on the bus, consultation.* and audit.list,
  // and the consent gate in front of the call methods.
  const records = createRecordsRuntime({
    records: deps.records,
    exports: deps.exports ?? DEFAULT_EXPORT_FORMATS,
    station: { name: APP_NAME, version: deps.version },
    now,
    devices: () => devices.list(),
    subscribeReadings: (listener) => bus.subscribe(listener),
    latestReadings: () => bus.latestReadings(),
    subscribeDeviceState: (listener) => events.on('device.state', listener),
    changed: (summary) => events.emit('consultation.changed', summary),
    reportRooms: () => reportRoomsOf(deps.call),
    amendWindowMs: () => deps.settings.get().reportAmendHours * 3_600_000,
  });

  const callService = (): CallService => {
    if (deps.call === undefined) throw new AppErrorException('unavailable', 'calls-not-set-up');
    return deps.call;
  };

  const handlers: BackendApi = {
    'app.info': () =>
      Promise.resolve({
        name: APP_NAME,
        version: deps.version,
        host: deps.host,
        simulated: devices.list().some((device) => device.simulated),
      }),
    'devices.list': () => Promise.resolve(devices.list()),
    'devices.connect': ({ path, protocol }) => devices.connect(path, protocol),
    'devices.disconnect': async ({ id }) => {
      await devices.disconnect(id);
      bus.forgetDevice(id);
      return null;
    },
    // Readings a renderer decoded (Bluetooth LE): onto the same bus as wired devices' readings.
    'readings.submit': ({ readings }) => {
      bus.publish(readings);
      return Promise.resolve({ accepted: readings.length });
    },
    'settings.get': () => Promise.resolve(deps.settings.get()),
    // Async so a validation error from the store becomes a rejection, not a throw. Refused while
    // a kiosk PIN is set and the settings are locked.
    'settings.update': async (patch) => {
      await kiosk?.assertSettingsWritable();
      return deps.settings.update(patch);
    },
    ...records.gateCalls(
      {
        'call.invite': (request) => callService().invite(request),
        'call.join': () => callService().join(),
      },
      (consultationId) => deps.call?.bindRoom(consultationId),
    ),
    'call.consultantIdentity': ({ assertion }) => {
      const claims = callService().consultantIdentity?.(assertion) ?? null;
      if (claims === null)
        return Promise.reject(
          new AppErrorException('forbidden', 'consultant-identity-invalid: the assertion does not verify'),
        );
      // The room's owner too: a restarted host forgot which invite it gave, not whose room it is.
      const roomOwner = callService().roomOwnerOf?.(claims.room) ?? null;
      return Promise.resolve().then(() =>
        records.recordConsultantIdentity(claims.invite, claims.identity, roomOwner),
      );
    },
    'check.run': ({ throughput }) =>
      runBackendCheck({
        config: deps.check,
        devices: devices.list(),
        throughput: throughput ?? true,
        staleAfterMs: deps.settings.get().noDataTimeoutS * 1000,
        now,
        auditChain: () => records.auditChain(),
        integrity: () => records.integrity(),
      }),
    'check.iceServers': () => Promise.resolve({ iceServers: checkIceServers(deps.check, now()) }),
    ...records.handlers,
    ...records.reportHandlers,
    // The end of a consultation closes its call; values from before a start or an end seed no screen.
    ...consultationBoundaries({
      start: records.handlers['consultation.start'],
      end: records.handlers['consultation.end'],
      latestReadings: () => bus.latestReadings(),
      releaseRoom: (consultationId) => deps.call?.releaseRoom?.(consultationId),
      now,
    }),
    ...kioskHandlers(kiosk),
  };

  let closed = false;
  return {
    api: validating(handlers),
    on: (event, listener) => events.on(event, listener),
    async connectDevice(request) {
      const parsed = API_METHODS['devices.connect'].params.safeParse({
        path: request.path,
        protocol: request.protocol,
      });
      if (!parsed.success)
        throw new AppErrorException('bad-request', `connectDevice: ${formatIssues(parsed.error)}`);
      return devices.connect(parsed.data.path, parsed.data.protocol, {
        simulated: request.simulated ?? false,
      });
    },
    async close() {
      if (closed) return;
      closed = true;
      unsubscribeSettings();
      unsubscribeKiosk?.();
      unsubscribeMoved?.();
      kiosk?.close();
      unsubscribeBus();
      await hotPlug?.stop();
      await devices.closeAll();
      records.close(); // after the devices: their last readings are committed with the last window
      events.clear();
    },
  };
}

/** The call service's report-only rooms, when calls are set up and the service makes them. */
function reportRoomsOf(call: CallService | undefined): ReportRooms | null {
  const invite = call?.reportInvite?.bind(call);
  const join = call?.reportJoin?.bind(call);
  const identity = call?.consultantIdentity?.bind(call);
  if (invite === undefined || join === undefined) return null;
  return {
    reportInvite: invite,
    reportJoin: join,
    ...(identity === undefined ? {} : { consultantIdentity: identity }),
  };
}

/** Wraps each handler so its params are parsed by the contract's schema before it runs. */
function validating(handlers: BackendApi): BackendApi {
  const wrapped: Partial<Record<ApiMethod, (params: unknown) => Promise<unknown>>> = {};
  for (const method of API_METHOD_NAMES) {
    const handler = handlers[method] as (params: unknown) => Promise<unknown>;
    wrapped[method] = async (params: unknown) => {
      const parsed = API_METHODS[method].params.safeParse(params ?? {});
      if (!parsed.success)
        throw new AppErrorException('bad-request', `${method}: ${formatIssues(parsed.error)}`);
      return handler(parsed.data);
    };
  }
  return wrapped as BackendApi;
}
