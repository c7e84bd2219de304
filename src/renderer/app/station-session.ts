import type { AppInfo } from '../../shared/api';
import type { ProblemCode } from '../../shared/domain/problem-codes';
import { problemOf } from '../i18n/problem-text';
import type { ConsultationSummary } from '../../shared/domain/consultation';
import { DEFAULT_SETTINGS, type Settings } from '../../shared/domain/settings';
import type { BackendClient, ConnectionState } from '../backend-client/backend-client';
import { nextAnimationFrame, type FrameScheduler } from '../features/display-rate';
import { DevicesStore } from '../features/devices/devices-store';
import { ValueStore } from '../features/value-store';
import { VitalsStore } from '../features/vitals/vitals-store';
import { WaveformStore } from '../features/waveforms/waveform-store';

/**
 * Everything the station screen shows, fed from one BackendClient: pushed events go straight into
 * the stores, and each time the link (re)opens the current state is fetched again, so a screen
 * opened late or reconnected after a host restart is complete without waiting for changes.
 */
export class StationSession {
  readonly vitals: VitalsStore;
  readonly waveforms = new WaveformStore();
  readonly devices = new DevicesStore();
  readonly appInfo = new ValueStore<AppInfo | null>(null);
  readonly settings = new ValueStore<Settings>(DEFAULT_SETTINGS);
  readonly connection: ValueStore<ConnectionState>;
  /** Last refresh failure, shown in the header; null when the last refresh worked. */
  /** Why the last refresh failed, as a code the header words (never the backend's text). */
  readonly problem = new ValueStore<ProblemCode | 'unexpected' | null>(null);
  /** The active consultation (issue 6), or null: the call is refused without one. */
  readonly consultation = new ValueStore<ConsultationSummary | null>(null);
  private readonly unsubscribes: (() => void)[] = [];
  /** The consultation the tiles and traces were filled under; undefined until first known. */
  private shownFor: string | null | undefined = undefined;

  constructor(
    private readonly client: BackendClient,
    schedule: FrameScheduler = nextAnimationFrame,
  ) {
    this.vitals = new VitalsStore(schedule);
    this.connection = new ValueStore(client.connection.get());
  }

  start(): void {
    this.connection.set(this.client.connection.get()); // it may have opened before we subscribed
    this.unsubscribes.push(
      this.client.on('readings', (batch) => {
        this.vitals.ingest(batch.readings);
        this.waveforms.ingest(batch.readings);
        this.devices.noteReadings(batch.readings);
      }),
      this.client.on('device.state', (device) => this.devices.upsert(device)),
      this.client.on('settings.changed', (settings) => this.settings.set(settings)),
      this.client.on('consultation.changed', (summary) => this.showConsultation(summary)),
      this.client.connection.subscribe((state) => {
        this.connection.set(state);
        if (state === 'open') void this.refresh();
      }),
    );
    if (this.client.connection.get() === 'open') void this.refresh();
  }

  /** The backend, for screens that ask it things of their own (consultation, records). */
  get backend(): BackendClient {
    return this.client;
  }

  stop(): void {
    for (const unsubscribe of this.unsubscribes.splice(0)) unsubscribe();
  }

  async refresh(): Promise<void> {
    try {
      const [info, devices, latest, settings] = await Promise.all([
        this.client.call('app.info', {}),
        this.client.call('devices.list', {}),
        this.client.call('readings.latest', {}),
        this.client.call('settings.get', {}),
      ]);
      this.appInfo.set(info);
      this.devices.replaceAll(devices);
      this.vitals.ingest(latest);
      this.settings.set(settings);
      this.problem.set(null);
    } catch (cause) {
      this.problem.set(problemOf(cause));
    }
    await this.refreshConsultation();
  }

  /**
   * A consultation's start and end clear every tile and trace: a value measured before belongs to
   * no patient, or to the previous one, and must never show under the new patient's name. The
   * first consultation heard of clears nothing: `readings.latest` already seeds only since it.
   */
  private showConsultation(summary: ConsultationSummary | null): void {
    const id = summary?.id ?? null;
    if (this.shownFor !== undefined && id !== this.shownFor) {
      this.vitals.clear();
      this.waveforms.clear();
    }
    this.shownFor = id;
    this.consultation.set(summary);
  }

  /** Apart from the rest: a host without consultation records must not blank the live screen. */
  async refreshConsultation(): Promise<void> {
    try {
      this.showConsultation(await this.client.call('consultation.current', {}));
    } catch (cause) {
      console.warn('consultation.current failed', cause);
    }
  }
}
