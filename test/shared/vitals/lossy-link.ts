import fc from 'fast-check';

/** Fault settings of one direction of the in-memory link. */
export interface LinkFaults {
  readonly loss: number;
  readonly duplicate: number;
  /** Extra random delay up to this many ms: later messages overtake earlier ones. */
  readonly jitterMs: number;
}

export const CLEAN: LinkFaults = { loss: 0, duplicate: 0, jitterMs: 0 };

/**
 * One direction of a message link in memory, driven by the test's clock: messages are lost,
 * duplicated and reordered as `faults` say (seeded, so a failing case replays), and `cut()` drops
 * everything in flight, as a closing data channel does.
 */
export class LossyLink {
  faults: LinkFaults = CLEAN;
  private inFlight: { atMs: number; order: number; bytes: Uint8Array }[] = [];
  private order = 0;
  private seed: number;

  constructor(
    seed: number,
    /** One way; a test may raise it mid-run, as a queue filling up does. */
    public latencyMs: number,
    private readonly deliver: (bytes: Uint8Array, nowMs: number) => void,
  ) {
    this.seed = seed >>> 0 || 1;
  }

  send(bytes: Uint8Array, nowMs: number): void {
    if (this.random() < this.faults.loss) return;
    const copies = this.random() < this.faults.duplicate ? 2 : 1;
    for (let i = 0; i < copies; i++) {
      const atMs = nowMs + this.latencyMs + this.random() * this.faults.jitterMs;
      this.inFlight.push({ atMs, order: this.order++, bytes });
    }
  }

  /** Delivers every message due by `nowMs`, in arrival order. */
  run(nowMs: number): void {
    this.inFlight.sort((a, b) => a.atMs - b.atMs || a.order - b.order);
    while (this.inFlight.length > 0 && this.inFlight[0].atMs <= nowMs) {
      const message = this.inFlight.shift()!;
      this.deliver(message.bytes, nowMs);
    }
  }

  cut(): void {
    this.inFlight = [];
  }

  get idle(): boolean {
    return this.inFlight.length === 0;
  }

  /** xorshift32: deterministic per seed. */
  private random(): number {
    let x = this.seed;
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    this.seed = x >>> 0;
    return this.seed / 4294967296;
  }
}

export const faultsArb: fc.Arbitrary<LinkFaults> = fc.record({
  loss: fc.double({ min: 0, max: 0.3, noNaN: true }),
  duplicate: fc.double({ min: 0, max: 0.3, noNaN: true }),
  jitterMs: fc.integer({ min: 0, max: 200 }),
});
