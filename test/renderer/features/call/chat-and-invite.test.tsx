import { act, fireEvent, render, screen } from '@testing-library/react';
import type { ControlLink } from '../../../../src/renderer/features/call/control-link';
import { ChatPanel } from '../../../../src/renderer/features/call/ChatPanel';
import { InviteLink } from '../../../../src/renderer/features/call/InviteLink';
import { I18nProvider } from '../../../../src/renderer/i18n/I18nProvider';
import { formatterFor } from '../../../../src/shared/i18n';
import { FakeControlLink } from './fake-control-link';

const SENT_AT = Date.parse('2026-12-06T09:05:40.000Z');

function chatWith(locale: 'en' | 'fr', self: 'station' | 'doctor') {
  const control = new FakeControlLink();
  control.chat.set([
    { id: 'a', text: 'Bonjour', sentAt: SENT_AT, mine: false },
    { id: 'b', text: 'SpO2 ?', sentAt: SENT_AT + 60_000, mine: true },
    // A far clock no Date can hold: the line stays, without a time.
    { id: 'c', text: 'Heure folle', sentAt: 9e15, mine: false },
  ]);
  render(
    <I18nProvider locale={locale}>
      <ChatPanel control={control as unknown as ControlLink} self={self} />
    </I18nProvider>,
  );
  return screen.getAllByTestId('chat-meta').map((meta) => meta.textContent);
}

describe('chat lines', () => {
  it('say who wrote each line and at what time (HH:mm, from the line’s own timestamp)', () => {
    const time = (ms: number) => formatterFor('fr').time(ms, false);
    expect(time(SENT_AT)).toMatch(/^\d{2}:\d{2}$/);
    expect(chatWith('fr', 'station')).toEqual([
      `Médecin ${time(SENT_AT)}`,
      `Vous ${time(SENT_AT + 60_000)}`,
      'Médecin',
    ]);
  });

  it('on the doctor’s page, the station’s side is the patient, as the call names its video', () => {
    expect(chatWith('en', 'doctor').map((meta) => meta?.split(' ')[0])).toEqual([
      'Patient',
      'You',
      'Patient',
    ]);
  });
});

describe('copy link', () => {
  const invite = {
    consultantUrl: 'https://station.example/consultant.html#t=abc',
    expiresAt: '2026-12-06T10:00:00.000Z',
  } as Parameters<typeof InviteLink>[0]['invite'];
  const original = Object.getOwnPropertyDescriptor(navigator, 'clipboard');
  afterEach(() => {
    if (original === undefined) Reflect.deleteProperty(navigator, 'clipboard');
    else Object.defineProperty(navigator, 'clipboard', original);
  });

  function clipboard(writeText: ((text: string) => Promise<void>) | undefined): void {
    Object.defineProperty(navigator, 'clipboard', {
      configurable: true,
      value: writeText === undefined ? undefined : { writeText },
    });
  }

  async function clickCopy(locale: 'en' | 'fr'): Promise<void> {
    render(
      <I18nProvider locale={locale}>
        <InviteLink invite={invite} />
      </I18nProvider>,
    );
    await act(async () => {
      fireEvent.click(screen.getByTestId('invite-copy'));
    });
  }

  it('copies when the clipboard may be written', async () => {
    const written: string[] = [];
    clipboard((text) => {
      written.push(text);
      return Promise.resolve();
    });
    await clickCopy('en');
    expect(written).toEqual([invite.consultantUrl]);
    expect(screen.getByTestId('invite-copy').textContent).toBe('Copied');
    expect(screen.getByTestId('invite-copy-hint').textContent).toBe('');
  });

  it.each([
    ['refused', () => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError'))],
    ['absent', undefined],
  ] as const)('with the clipboard %s, selects the link and says to press Ctrl+C', async (_, writeText) => {
    clipboard(writeText);
    await clickCopy('fr');
    const field = screen.getByTestId<HTMLInputElement>('invite-url');
    expect(document.activeElement).toBe(field);
    expect([field.selectionStart, field.selectionEnd]).toEqual([0, invite.consultantUrl.length]);
    expect(screen.getByTestId('invite-copy-hint').textContent).toBe(
      'Le lien est sélectionné : appuyez sur Ctrl+C pour le copier.',
    );
    expect(screen.getByTestId('invite-copy').textContent).toBe('Copier le lien');
  });
});
