import { BackendEvents } from '../../src/core/backend-events';
import { ConsultationActivity } from '../../src/main/consultation-activity';
import type { ConsultationSummary } from '../../src/shared/domain/consultation';
import { FakePowerSaveBlocker } from '../helpers/fake-electron';

describe('ConsultationActivity', () => {
  it('keeps the display awake from the start of a consultation to its end', () => {
    const events = new BackendEvents();
    const blocker = new FakePowerSaveBlocker();
    const activity = new ConsultationActivity({ on: (e, l) => events.on(e, l) }, blocker);
    const summary = (status: 'active' | 'ended') => ({ status }) as unknown as ConsultationSummary;

    expect(activity.active).toBe(false);
    events.emit('consultation.changed', summary('active'));
    events.emit('consultation.changed', summary('active')); // a report saved: still one blocker
    expect([...blocker.active.values()]).toEqual(['prevent-display-sleep']);
    expect(activity.active).toBe(true);
    events.emit('consultation.changed', summary('ended'));
    expect(blocker.active.size).toBe(0);
    events.emit('consultation.changed', summary('active'));
    events.emit('consultation.changed', null);
    expect(blocker.active.size).toBe(0);

    events.emit('consultation.changed', summary('active'));
    activity.close();
    expect(blocker.active.size).toBe(0);
    events.emit('consultation.changed', summary('active'));
    expect(blocker.active.size).toBe(0);
  });
});
