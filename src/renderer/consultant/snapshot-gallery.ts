import type { RequestFailure } from './request-failure';
import type { ControlLink } from '../features/call/control-link';
import { SnapshotAssembler } from '../features/call/snapshot-chunks';
import { ValueStore } from '../features/value-store';

/** Stills requested from the instrument camera, newest first, as object URLs to show and download. */
export interface Snapshot {
  readonly id: string;
  readonly url: string;
  readonly width: number;
  readonly height: number;
  readonly takenAt: number;
  readonly fileName: string;
}

export const MAX_SNAPSHOTS = 50;

/** What the panel says about the last request; worded in the doctor's language by the panel. */
export type SnapshotStatus =
  | { readonly kind: 'taking' }
  | { readonly kind: 'not-connected' }
  | { readonly kind: 'failed'; readonly why: RequestFailure };

export class SnapshotGallery {
  readonly items = new ValueStore<readonly Snapshot[]>([]);
  readonly status = new ValueStore<SnapshotStatus | null>(null);
  private readonly assembler = new SnapshotAssembler();

  constructor(private readonly control: ControlLink) {
    control.messages.on('snapshot-chunk', (chunk) => {
      const image = this.assembler.add(chunk);
      if (image === null) return;
      const bytes = Uint8Array.from(atob(image.base64), (c) => c.charCodeAt(0));
      const takenAt = Date.now();
      const snapshot: Snapshot = {
        id: image.id,
        url: URL.createObjectURL(new Blob([bytes], { type: image.mime })),
        width: image.width,
        height: image.height,
        takenAt,
        fileName: `snapshot-${new Date(takenAt).toISOString().replace(/[:.]/g, '-')}.jpg`,
      };
      const kept = [snapshot, ...this.items.getSnapshot()];
      for (const dropped of kept.slice(MAX_SNAPSHOTS)) URL.revokeObjectURL(dropped.url);
      this.items.set(kept.slice(0, MAX_SNAPSHOTS));
      this.status.set(null);
    });
    // Worded by the panel from the codes; the station's message is for its own log.
    control.messages.on('snapshot-failed', ({ code, failure }) =>
      this.status.set({ kind: 'failed', why: { code, failure } }),
    );
  }

  request(): void {
    const sent = this.control.send({ type: 'snapshot-request', id: this.control.nextId() });
    this.status.set(sent ? { kind: 'taking' } : { kind: 'not-connected' });
  }
}
