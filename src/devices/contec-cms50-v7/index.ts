import type { DeviceDriver } from '../driver';
import { askDeviceId, keepAlive, startRealtime, stopRealtime, stopStorageData } from './commands';
import { BAUD_RATE, KEEP_ALIVE_INTERVAL_MS } from './constants';
import { Cms50V7Decoder } from './decoder';
import { Cms50V7Simulator } from './simulator';
import { guardDecoder } from '../validity/guarded-decoder';

/**
 * Contec CMS50D+ (firmware 4.6+), CMS50E/F/FW/I: the two-way "V7" protocol at 115200 8N1.
 * On open: stop any storage download (A7) and real-time stream (A2), ask the device id (AA), then
 * start the real-time stream (A1) — OSCAR's order, so a device left mid-download starts clean.
 * The stream stops after ~30 s without A1/AF, hence the 5 s keep-alive the V7 document asks for.
 */
export const contecCms50V7: DeviceDriver = {
  protocol: 'contec-cms50-v7',
  name: 'Contec CMS50 pulse oximeter (protocol V7)',
  link: { baudRate: BAUD_RATE, dataBits: 8, parity: 'none', stopBits: 1 },
  // No device range: no Contec specification with measurement ranges was found in our sources, so
  // the metric table's broad bounds apply (PROTOCOL.md, Validity).
  createDecoder: (deviceId) => guardDecoder(new Cms50V7Decoder(deviceId)),
  host: {
    onOpen: [stopStorageData(), stopRealtime(), askDeviceId(), startRealtime()],
    keepAlive: { intervalMs: KEEP_ALIVE_INTERVAL_MS, bytes: keepAlive() },
    onClose: [stopRealtime()],
  },
  createSimulator: (options) => new Cms50V7Simulator(options),
};

export { Cms50V7Decoder } from './decoder';
export { Cms50V7Simulator, type Cms50V7SimulatorOptions } from './simulator';
export * as cms50V7Commands from './commands';
