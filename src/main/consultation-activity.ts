import type { PowerSaveBlocker } from 'electron';
import type { Backend } from '../core/backend-types';

/**
 * Follows whether a consultation is in progress (`consultation.changed`) and, while one is, keeps
 * the display awake: a screen that dims in the middle of an auscultation hides the vitals and the
 * clinician's face from the patient, and a kiosk station's OS power plan cannot know about calls.
 * Outside consultations the OS's own policy applies (a wall screen may sleep; touch wakes it).
 */
export class ConsultationActivity {
  private blocker: number | null = null;
  private readonly stop: () => void;

  constructor(
    backend: Pick<Backend, 'on'>,
    private readonly powerSaveBlocker: Pick<PowerSaveBlocker, 'start' | 'stop'>,
  ) {
    this.stop = backend.on('consultation.changed', (summary) => this.follow(summary?.status === 'active'));
  }

  get active(): boolean {
    return this.blocker !== null;
  }

  close(): void {
    this.stop();
    this.follow(false);
  }

  private follow(active: boolean): void {
    if (active && this.blocker === null) this.blocker = this.powerSaveBlocker.start('prevent-display-sleep');
    else if (!active && this.blocker !== null) {
      this.powerSaveBlocker.stop(this.blocker);
      this.blocker = null;
    }
  }
}
