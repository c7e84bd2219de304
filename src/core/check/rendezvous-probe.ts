import { CHECK_PATHS } from '../signaling/check-endpoints';
import { summarizeRtt } from './network-verdicts';

/**
 * Measures the path to the rendezvous server over plain HTTP: a few pings for the round trip and
 * jitter (any HTTP answer proves the server is reachable, even a 404 from a server without the
 * check endpoints), then a bounded download and upload against its check endpoints. Each step
 * has a deadline; nothing here can run longer than a few seconds.
 */
export interface RendezvousProbeOptions {
  /** `http(s)://host:port`. */
  readonly origin: string;
  readonly pings?: number;
  readonly pingTimeoutMs?: number;
  readonly throughput?: boolean;
  readonly downloadBytes?: number;
  readonly uploadBytes?: number;
  readonly transferTimeoutMs?: number;
  readonly fetch?: typeof fetch;
}

export type TransferResult =
  | { readonly outcome: 'measured'; readonly kbps: number; readonly bytes: number; readonly ms: number }
  | { readonly outcome: 'not-offered' | 'rate-limited' | 'failed'; readonly message: string };

export type RendezvousProbe =
  | {
      readonly reachable: true;
      readonly rttMs: number;
      readonly jitterMs: number;
      readonly maxRttMs: number;
      readonly samples: number;
      readonly lost: number;
      readonly download: TransferResult | null;
      readonly upload: TransferResult | null;
    }
  | { readonly reachable: false; readonly message: string };

export const DEFAULT_PINGS = 10;
export const DEFAULT_DOWNLOAD_BYTES = 2 * 1024 * 1024;
export const DEFAULT_UPLOAD_BYTES = 1024 * 1024;

export async function probeRendezvous(options: RendezvousProbeOptions): Promise<RendezvousProbe> {
  const fetcher = options.fetch ?? fetch;
  const base = new URL(options.origin);
  const pings = options.pings ?? DEFAULT_PINGS;
  const ping = async (): Promise<number> => {
    const started = performance.now();
    const response = await fetcher(new URL(CHECK_PATHS.ping, base), {
      signal: AbortSignal.timeout(options.pingTimeoutMs ?? 2000),
    });
    await response.arrayBuffer();
    return performance.now() - started;
  };
  // A first, uncounted ping opens the connection (DNS, TCP, TLS): that is setup, not round trip.
  // If it gets no answer the server is unreachable, and nine more timeouts would say nothing new.
  try {
    await ping();
  } catch (cause) {
    return { reachable: false, message: describeError(cause) };
  }
  const samples: number[] = [];
  let lastError = '';
  for (let i = 0; i < pings; i += 1) {
    try {
      samples.push(await ping());
    } catch (cause) {
      lastError = describeError(cause);
    }
  }
  if (samples.length === 0) return { reachable: false, message: lastError };
  const { rttMs, jitterMs, maxRttMs } = summarizeRtt(samples);
  const timeoutMs = options.transferTimeoutMs ?? 5000;
  const throughput = options.throughput ?? true;
  const download = throughput
    ? await measureDownload(fetcher, base, options.downloadBytes ?? DEFAULT_DOWNLOAD_BYTES, timeoutMs)
    : null;
  const upload = throughput
    ? await measureUpload(fetcher, base, options.uploadBytes ?? DEFAULT_UPLOAD_BYTES, timeoutMs)
    : null;
  return {
    reachable: true,
    rttMs,
    jitterMs,
    maxRttMs,
    samples: samples.length,
    lost: pings - samples.length,
    download,
    upload,
  };
}

async function measureDownload(
  fetcher: typeof fetch,
  base: URL,
  bytes: number,
  timeoutMs: number,
): Promise<TransferResult> {
  const url = new URL(`${CHECK_PATHS.download}?bytes=${bytes}`, base);
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  const started = performance.now();
  let received = 0;
  try {
    const response = await fetcher(url, { signal: controller.signal });
    const refused = refusal(response.status);
    if (refused !== null) {
      await response.body?.cancel();
      return refused;
    }
    if (response.body === null) return { outcome: 'failed', message: 'empty response' };
    for await (const chunk of response.body as AsyncIterable<Uint8Array>) received += chunk.byteLength;
    return measured(received, performance.now() - started);
  } catch (cause) {
    // Cut at the deadline: what arrived so far still measures the link.
    if (controller.signal.aborted && received > 0) return measured(received, performance.now() - started);
    return { outcome: 'failed', message: describeError(cause) };
  } finally {
    clearTimeout(timer);
  }
}

async function measureUpload(
  fetcher: typeof fetch,
  base: URL,
  bytes: number,
  timeoutMs: number,
): Promise<TransferResult> {
  const body = new Uint8Array(bytes);
  for (let i = 0; i < body.length; i += 4096) body[i] = (i * 2654435761) & 0xff; // not all zeros
  const started = performance.now();
  try {
    const response = await fetcher(new URL(CHECK_PATHS.upload, base), {
      method: 'POST',
      body,
      headers: { 'Content-Type': 'application/octet-stream' },
      signal: AbortSignal.timeout(timeoutMs),
    });
    const refused = refusal(response.status);
    if (refused !== null) {
      await response.body?.cancel();
      return refused;
    }
    const answer = (await response.json()) as { bytes?: unknown };
    if (answer.bytes !== bytes)
      return { outcome: 'failed', message: 'the server did not receive the whole upload' };
    return measured(bytes, performance.now() - started);
  } catch (cause) {
    return { outcome: 'failed', message: describeError(cause) };
  }
}

function refusal(status: number): TransferResult | null {
  if (status === 404)
    return { outcome: 'not-offered', message: 'the rendezvous server does not offer the throughput test' };
  if (status === 429)
    return { outcome: 'rate-limited', message: 'the rendezvous server asked to slow down (429)' };
  if (status < 200 || status >= 300) return { outcome: 'failed', message: `HTTP ${status}` };
  return null;
}

function measured(bytes: number, ms: number): TransferResult {
  const safeMs = Math.max(ms, 0.1);
  return { outcome: 'measured', bytes, ms: Math.round(safeMs), kbps: Math.round((bytes * 8) / safeMs) };
}

function describeError(cause: unknown): string {
  if (cause instanceof Error) {
    const inner = (cause as Error & { cause?: unknown }).cause;
    const code =
      inner instanceof Error ? ((inner as Error & { code?: string }).code ?? inner.message) : undefined;
    if (cause.name === 'TimeoutError' || cause.name === 'AbortError') return 'no answer in time';
    return code === undefined ? cause.message : `${cause.message} (${code})`;
  }
  return String(cause);
}
