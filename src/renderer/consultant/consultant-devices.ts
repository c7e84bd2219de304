import type { DeviceState } from '../../shared/domain/devices';
import type { ControlLink } from '../features/call/control-link';
import { ValueStore } from '../features/value-store';

/** What the doctor's page knows of one station device, from the station's `devices` message. */
export interface StationDeviceFacts {
  readonly name: string;
  readonly simulated: boolean;
  /** The station's session state, when it sends one (older stations do not). */
  readonly state?: DeviceState;
  /** The device starts a measurement when asked: only then is "Start measurement" offered. */
  readonly startsMeasurement: boolean;
}

/**
 * The station's devices as its last `devices` message named them: which ones a simulator feeds
 * (every value from them on the doctor's page says SIMULATED), their state, and which can start a
 * measurement. Replaced whole at each message.
 */
export class ConsultantDevices {
  readonly facts = new ValueStore<ReadonlyMap<string, StationDeviceFacts>>(new Map());
  private readonly unsubscribe: () => void;

  constructor(control: ControlLink) {
    this.unsubscribe = control.messages.on('devices', ({ devices }) =>
      this.facts.set(
        new Map(
          devices.map((d) => [
            d.id,
            {
              name: d.name,
              simulated: d.simulated,
              ...(d.state === undefined ? {} : { state: d.state }),
              startsMeasurement: d.startsMeasurement === true,
            },
          ]),
        ),
      ),
    );
  }

  dispose(): void {
    this.unsubscribe();
  }
}

/** "Start measurement" is offered only when a device the station named can start one. */
export function canStartMeasurement(facts: ReadonlyMap<string, StationDeviceFacts>): boolean {
  return [...facts.values()].some((device) => device.startsMeasurement);
}
