import { WebSocket } from 'ws';
import type { MetricId } from '../../src/shared/domain/metrics';
import type { Reading } from '../../src/shared/domain/readings';
import { apiSocketUrl } from './station-host';

/**
 * A second client of the host's API, independent of the page: it records the latest numeric per
 * metric from `readings.latest` and the pushed batches, so the test can compare what the screen
 * shows with what the backend actually sent.
 */
export class ApiObserver {
  readonly latest = new Map<MetricId, number | null>();
  private constructor(private readonly socket: WebSocket) {
    socket.on('message', (data: Buffer) => {
      const message = JSON.parse(data.toString('utf8')) as {
        event?: string;
        payload?: { readings: Reading[] };
        id?: number;
        result?: { ok: boolean; value?: Reading[] };
      };
      if (message.event === 'readings' && message.payload) this.record(message.payload.readings);
      if (message.id === 1 && message.result?.ok === true && message.result.value)
        this.record(message.result.value);
    });
  }

  static async connect(pageUrl: string): Promise<ApiObserver> {
    const socket = new WebSocket(apiSocketUrl(pageUrl), { origin: new URL(pageUrl).origin });
    await new Promise((done, fail) => socket.once('open', done).once('error', fail));
    socket.send(JSON.stringify({ id: 1, method: 'readings.latest', params: {} }));
    return new ApiObserver(socket);
  }

  close(): void {
    this.socket.close();
  }

  private record(readings: readonly Reading[]): void {
    for (const reading of readings)
      if (reading.type === 'numeric') this.latest.set(reading.metric, reading.value);
  }
}
