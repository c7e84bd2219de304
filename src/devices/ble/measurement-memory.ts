/**
 * The episodic measurements (a cuff's result, a thermometer's reading, a spot check) already taken
 * from each Bluetooth device, by the exact bytes of the characteristic value that carried them.
 *
 * A device re-sends a stored measurement: after a reconnect many cuffs indicate their whole memory
 * again, and a device whose indication confirmation was lost sends the value once more. A value
 * with a known device timestamp that was seen before is the same measurement (design §3: emitted
 * once), so the decoder drops it. The memory outlives the decoders (the renderer makes one per
 * connection), so a reconnect never imports a measurement twice. Values without a known device
 * time are not remembered: two identical results a minute apart are two measurements.
 *
 * Bounded: a device stores a few hundred measurements at most; the oldest are forgotten first.
 */
const MAX_VALUES_PER_DEVICE = 1024;
const MAX_DEVICES = 64;

export class MeasurementMemory {
  private readonly byDevice = new Map<string, Set<string>>();

  /** True when this value is new for this device (and remembers it); false for a repeat. */
  remember(device: string, value: Uint8Array): boolean {
    let seen = this.byDevice.get(device);
    if (seen === undefined) {
      if (this.byDevice.size >= MAX_DEVICES) this.forgetOldest(this.byDevice);
      seen = new Set();
      this.byDevice.set(device, seen);
    }
    const key = String.fromCharCode(...value);
    if (seen.has(key)) return false;
    if (seen.size >= MAX_VALUES_PER_DEVICE) this.forgetOldest(seen);
    seen.add(key);
    return true;
  }

  clear(): void {
    this.byDevice.clear();
  }

  /** Maps and sets iterate in insertion order: the first entry is the oldest. */
  private forgetOldest(collection: Map<string, unknown> | Set<string>): void {
    const first = collection.keys().next();
    if (first.done !== true) collection.delete(first.value);
  }
}
