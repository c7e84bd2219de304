import type { LinkSettings } from '../../devices/driver';
import type { DeviceErrorCode, TransportKind } from '../../shared/domain/devices';

/**
 * A byte pipe to one device, whatever carries it (serial port, HID, a capture replay, a test fake).
 * Sessions and the simulator runner talk only to this interface, so every device library stays in
 * one adapter file (design §2, code-style convention 3).
 *
 * Semantics every implementation keeps:
 * - `open()` resolves once bytes can flow, or rejects with a `TransportError` carrying a typed code.
 * - `onData` listeners get each chunk as it arrived, with the host's receive time in epoch ms.
 *   Chunks split frames arbitrarily; the decoder reassembles them.
 * - `write()` resolves when the bytes are handed to the OS, and rejects with `write-failed`, or with
 *   `timeout` after `timeoutMs`. A write after an unplug never completes at the OS level, hence the
 *   mandatory timeout: callers never hang on it.
 * - `onClose` fires exactly once per successful `open()`, whether we closed the port
 *   (`disconnected: false`) or it went away under us (`disconnected: true`, e.g. a USB unplug).
 * - `close()` is idempotent and resolves after the close listeners ran.
 * - A transport opens once; to reconnect, create a new one (a session never reuses a dead port).
 */
export interface ByteTransport {
  readonly kind: TransportKind;
  readonly path: string;
  readonly isOpen: boolean;
  open(): Promise<void>;
  write(bytes: Uint8Array, timeoutMs?: number): Promise<void>;
  /**
   * HID only: sends a feature report (a host write `{ featureReport }`, e.g. a mode change). Serial
   * transports leave it out; a session then reports a typed `write-failed` instead of sending.
   */
  writeFeatureReport?(bytes: Uint8Array, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
  onData(listener: (chunk: Uint8Array, atMs: number) => void): () => void;
  onClose(listener: (event: TransportCloseEvent) => void): () => void;
}

export interface TransportCloseEvent {
  /** True when the device went away (unplug, pty closed) rather than being closed by us. */
  readonly disconnected: boolean;
  readonly error?: TransportError;
}

/** Default upper bound on a write: a serial write of a few command bytes takes well under this. */
export const DEFAULT_WRITE_TIMEOUT_MS = 1000;

/** A transport failure with the device error code the UI shows. */
export class TransportError extends Error {
  constructor(
    readonly code: DeviceErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'TransportError';
  }
}

/** Creates the transport for a path; injected so tests and the backend can swap the real binding. */
export type TransportFactory = (path: string, link: LinkSettings) => ByteTransport;
