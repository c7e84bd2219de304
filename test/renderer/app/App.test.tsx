import { act, fireEvent, render, screen } from '@testing-library/react';
import { DEFAULT_SETTINGS } from '../../../src/shared/domain/settings';
import { App } from '../../../src/renderer/app/App';
import { ScriptedClient } from './scripted-client';

// The call (simple-peer, WebRTC) cannot load in jsdom and is not what these tests are about.
jest.mock('../../../src/renderer/features/call/CallPanel', () => ({ CallPanel: () => null }));

function backend() {
  return new ScriptedClient({
    'app.info': () => ({ name: 'station', version: '1', host: 'node', simulated: false }),
    'devices.list': () => [],
    'readings.latest': () => [
      {
        type: 'numeric',
        device: 'oxi@/dev/pts/1',
        metric: 'MDC_TEMP_BODY',
        value: 37.2,
        unit: 'Cel',
        time: new Date().toISOString(),
      },
    ],
    'settings.get': () => ({ ...DEFAULT_SETTINGS, language: 'en' }),
    'consultation.current': () => null,
  });
}

const settle = () => act(async () => {});

describe('App languages', () => {
  beforeEach(() => window.history.replaceState(null, '', '#station'));

  it('re-renders every screen in French when the language setting changes, and back', async () => {
    const client = backend();
    render(<App client={client} />);
    await settle();
    await act(async () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()))); // vitals publish per frame
    expect(screen.getByTestId('nav-station').textContent).toBe('Live');
    expect(document.documentElement.lang).toBe('en');
    expect(document.title).toBe('Live · Teleconsult Station');

    act(() => client.emit('settings.changed', { ...DEFAULT_SETTINGS, language: 'fr' }));
    expect(screen.getByTestId('nav-station').textContent).toBe('Direct');
    expect(screen.getByTestId('connection-state').textContent).toContain('Connecté');
    expect(screen.getByTestId('tile-value-MDC_TEMP_BODY').textContent).toBe('37,2');
    expect(document.documentElement.lang).toBe('fr');
    expect(document.title).toBe('Direct · Station de téléconsultation');

    act(() => client.emit('settings.changed', { ...DEFAULT_SETTINGS, language: 'en' }));
    expect(screen.getByTestId('tile-value-MDC_TEMP_BODY').textContent).toBe('37.2');
  });

  it('follows the system language when the setting says "system"', async () => {
    const languages = jest.spyOn(navigator, 'languages', 'get').mockReturnValue(['fr-CA', 'en-US']);
    try {
      const client = backend();
      client.handlers['settings.get'] = () => ({ ...DEFAULT_SETTINGS, language: 'system' });
      render(<App client={client} />);
      await settle();
      expect(screen.getByTestId('nav-settings').textContent).toBe('Réglages');
    } finally {
      languages.mockRestore();
    }
  });

  it('the skip link moves focus to the visible screen’s main content, without switching screens', async () => {
    render(<App client={backend()} />);
    await settle();
    fireEvent.click(screen.getByTestId('skip-link'));
    expect(document.activeElement?.tagName).toBe('MAIN');
    expect(window.location.hash).toBe('#station');
  });
});
