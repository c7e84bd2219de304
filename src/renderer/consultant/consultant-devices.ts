import type { ControlLink } from '../features/call/control-link';
import { ValueStore } from '../features/value-store';

/** What the doctor's page knows of one station device, from the station's `devices` message. */
export interface StationDeviceFacts {
  readonly name: string;
  readonly simulated: boolean;
}

/**
 * The station's devices as its last `devices` message named them: which ones a simulator feeds,
 * so every value from them on the doctor's page says SIMULATED. Replaced whole at each message.
 */
export class ConsultantDevices {
  readonly facts = new ValueStore<ReadonlyMap<string, StationDeviceFacts>>(new Map());
  private readonly unsubscribe: () => void;

  constructor(control: ControlLink) {
    this.unsubscribe = control.messages.on('devices', ({ devices }) =>
      this.facts.set(new Map(devices.map((d) => [d.id, { name: d.name, simulated: d.simulated }]))),
    );
  }

  dispose(): void {
    this.unsubscribe();
  }
}
