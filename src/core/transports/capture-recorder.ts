import { createWriteStream, type WriteStream } from 'node:fs';
import { formatCaptureChunk, formatCaptureHeader, type CaptureChunk } from './capture-format';
import type { ByteTransport, TransportCloseEvent } from './transport';

/**
 * Tees a live transport to a capture file: every chunk received (`in`) and every write that
 * reached the port (`out`) becomes one line, so a session can be replayed byte for byte later.
 * The returned transport is used in place of the original.
 */
export interface CaptureRecorder {
  readonly transport: ByteTransport;
  /** Chunks written so far (both directions). */
  readonly chunkCount: number;
  /** Flushes and closes the file (does not close the transport). */
  stop(): Promise<void>;
}

export interface CaptureRecorderOptions {
  readonly file: string;
  readonly protocol: string;
  readonly now?: () => number;
}

export async function recordCapture(
  inner: ByteTransport,
  options: CaptureRecorderOptions,
): Promise<CaptureRecorder> {
  const now = options.now ?? Date.now;
  const out = await openForWriting(options.file);
  let chunkCount = 0;
  let stopped = false;
  const append = (chunk: CaptureChunk): void => {
    if (stopped) return;
    chunkCount++;
    out.write(`${formatCaptureChunk(chunk)}\n`);
  };
  out.write(
    `${formatCaptureHeader({ protocol: options.protocol, path: inner.path, startedAt: new Date(now()).toISOString() })}\n`,
  );
  const unsubscribe = inner.onData((bytes, t) => append({ t, dir: 'in', bytes: bytes.slice() }));

  const transport: ByteTransport = {
    kind: inner.kind,
    path: inner.path,
    get isOpen() {
      return inner.isOpen;
    },
    open: () => inner.open(),
    async write(bytes: Uint8Array, timeoutMs?: number) {
      const t = now();
      await inner.write(bytes, timeoutMs);
      append({ t, dir: 'out', bytes: bytes.slice() });
    },
    close: () => inner.close(),
    onData: (listener) => inner.onData(listener),
    onClose: (listener: (event: TransportCloseEvent) => void) => inner.onClose(listener),
  };

  return {
    transport,
    get chunkCount() {
      return chunkCount;
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      unsubscribe();
      await new Promise<void>((resolve, reject) =>
        out.end((error?: Error | null) => (error ? reject(error) : resolve())),
      );
    },
  };
}

function openForWriting(file: string): Promise<WriteStream> {
  return new Promise((resolve, reject) => {
    const stream = createWriteStream(file, { flags: 'w' });
    stream.once('open', () => resolve(stream));
    stream.once('error', reject);
  });
}
