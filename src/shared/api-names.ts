/**
 * The names of the backend API, with no schema attached: what the sandboxed preload and the channel
 * helpers need, without bundling zod and every schema into the preload. `api.ts` declares each
 * name's schemas and the compiler checks that both lists match exactly.
 */
export const API_METHOD_NAMES = [
  'app.info',
  'devices.list',
  'devices.connect',
  'devices.disconnect',
  'readings.latest',
  'readings.submit',
  'settings.get',
  'settings.update',
  'call.invite',
  'call.join',
  'call.consultantIdentity',
  'consultation.start',
  'consultation.current',
  'consultation.append',
  'consultation.attach',
  'consultation.report',
  'consultation.doctorRequest',
  'consultation.end',
  'consultation.list',
  'consultation.get',
  'consultation.media',
  'consultation.export',
  'consultation.delete',
  'consultation.confirmMeasurement',
  'consultation.dismissMeasurement',
  'report.link',
  'report.join',
  'report.load',
  'report.save',
  'report.identity',
  'audit.list',
  'check.run',
  'check.iceServers',
  'kiosk.status',
  'kiosk.unlock',
  'kiosk.lock',
  'kiosk.setPin',
  'kiosk.exit',
] as const;

export const API_EVENT_NAMES = [
  'readings',
  'device.state',
  'settings.changed',
  'consultation.changed',
  'kiosk.changed',
  'call.moved',
] as const;

export type ApiMethod = (typeof API_METHOD_NAMES)[number];
export type ApiEvent = (typeof API_EVENT_NAMES)[number];

export function isApiMethod(name: unknown): name is ApiMethod {
  return typeof name === 'string' && (API_METHOD_NAMES as readonly string[]).includes(name);
}

export function isApiEvent(name: unknown): name is ApiEvent {
  return typeof name === 'string' && (API_EVENT_NAMES as readonly string[]).includes(name);
}
