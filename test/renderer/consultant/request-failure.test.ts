import { SnapshotGallery } from '../../../src/renderer/consultant/snapshot-gallery';
import { requestFailureMessages } from '../../../src/renderer/consultant/request-failure';
import { controlMessageSchema } from '../../../src/renderer/features/call/control-messages';
import { FakeControlLink } from '../features/call/fake-control-link';

describe('a snapshot or measurement the station could not do', () => {
  it('is worded from its codes in the doctor’s language, never from the station’s message', () => {
    const control = new FakeControlLink();
    const gallery = new SnapshotGallery(control.asLink());
    control.receive({
      type: 'snapshot-failed',
      id: 's1',
      failure: 'capture-failed',
      message: 'NotReadableError: Could not start video source',
    });
    const status = gallery.status.getSnapshot();
    expect(status).toEqual({ kind: 'failed', why: { failure: 'capture-failed' } });
    const fr = requestFailureMessages.fr.reason;
    expect(fr({ failure: 'capture-failed' })).toBe('la caméra de la station n’a donné aucune image.');
    expect(fr({ code: 'limit-reached' })).toBe(
      'la limite de la station pour cette consultation est atteinte.',
    );
    // An older station sends only its message: still said in words, not shown raw.
    expect(fr({})).toBe('la station a refusé la demande (son journal dit pourquoi).');
    expect(requestFailureMessages.en.reason({ failure: 'no-camera' })).toBe('the station has no camera on.');
  });

  it('an unknown failure code is refused at the channel', () => {
    expect(
      controlMessageSchema.safeParse({ type: 'snapshot-failed', id: 's1', failure: 'oops', message: 'x' })
        .success,
    ).toBe(false);
  });
});
