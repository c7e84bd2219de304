import { serialLinkOf } from '../src/devices/driver';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import WebSocket from 'ws';
import { createPtyPair, type PtyPair } from '../src/core/sim/pty-pair';
import { createSerialTransport } from '../src/core/transports/serialport-transport';
import type { ByteTransport } from '../src/core/transports/transport';
import { contecCms50V7 } from '../src/devices/contec-cms50-v7';
import { encodeRealtime } from '../src/devices/contec-cms50-v7/device-encoder';
import { startServer, type RunningServer } from '../src/server/start';
import type { ReadingBatch } from '../src/shared/domain/readings';

/**
 * The real path a device byte takes to a screen: a V7 real-time package written into one end of a
 * socat pty with the real serial binding, read at the other end by the Node host's core (session,
 * decoder, reading bus), and pushed to a WebSocket client of the host. Each package carries one pleth
 * sample, so the n-th sample seen downstream is the n-th package written.
 */
export interface PtyRig {
  /** performance.now() at which each pleth sample reached the backend's `readings` event. */
  readonly backendTimes: number[];
  /** performance.now() at which each pleth sample reached the WebSocket client. */
  readonly clientTimes: number[];
  writeFrame(index: number): Promise<number>;
  close(): Promise<void>;
}

export async function openPtyRig(): Promise<PtyRig> {
  const dataDir = await mkdtemp(join(tmpdir(), 'station-bench-'));
  await writeFile(join(dataDir, 'index.html'), '<!doctype html><title>bench</title>');
  const pair: PtyPair = await createPtyPair();
  const server: RunningServer = await startServer({ port: 0, dataDir, staticDir: dataDir });
  const backendTimes: number[] = [];
  const clientTimes: number[] = [];
  server.backend.on('readings', (batch) => stamp(batch, backendTimes));

  const url = new URL(server.url);
  const client = new WebSocket(`ws://${url.host}/api?token=${server.accessToken}`, { origin: url.origin });
  await new Promise<void>((resolve, reject) => {
    client.once('open', () => resolve());
    client.once('error', reject);
  });
  client.on('message', (data: Buffer) => {
    const at = performance.now();
    const message = JSON.parse(data.toString()) as { event?: string; payload?: ReadingBatch };
    if (message.event === 'readings' && message.payload) stamp(message.payload, clientTimes, at);
  });

  const device: ByteTransport = createSerialTransport(pair.deviceEnd, serialLinkOf(contecCms50V7), Date.now);
  await device.open();
  await server.backend.connectDevice({ path: pair.stationEnd, protocol: contecCms50V7.protocol });

  return {
    backendTimes,
    clientTimes,
    async writeFrame(index) {
      const bytes = encodeRealtime({
        signalStrength: 5,
        searchingTooLong: false,
        lowSpo2: false,
        pulseBeep: index % 60 === 0,
        probeError: false,
        pleth: index % 128,
        searching: false,
        barGraph: 5,
        piInvalid: true,
        pulseRate: 60 + (index % 30),
        spo2: 95 + (index % 5),
        perfusionIndex: null,
      });
      const at = performance.now();
      await device.write(bytes);
      return at;
    },
    async close() {
      client.close();
      await device.close();
      await server.close();
      await pair.kill();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

function stamp(batch: ReadingBatch, into: number[], at = performance.now()): void {
  for (const reading of batch.readings) {
    if (reading.type === 'waveform' && reading.metric === 'MDC_PULS_OXIM_PLETH') {
      for (let i = 0; i < reading.samples.length; i += 1) into.push(at);
    }
  }
}
