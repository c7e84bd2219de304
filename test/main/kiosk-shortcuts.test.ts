import { isBlockedInKiosk, type KeyInput } from '../../src/main/kiosk-shortcuts';

const key = (k: string, mods: Partial<KeyInput> = {}): KeyInput => ({
  type: 'keyDown',
  key: k,
  control: false,
  meta: false,
  alt: false,
  shift: false,
  ...mods,
});

describe('kiosk shortcuts', () => {
  it.each([
    ['Ctrl+W (close)', key('w', { control: true })],
    ['Cmd+Q (quit)', key('q', { meta: true })],
    ['Alt+F4 (close)', key('F4', { alt: true })],
    ['F5 (reload)', key('F5')],
    ['Ctrl+R (reload)', key('r', { control: true })],
    ['Ctrl+Shift+R (hard reload)', key('R', { control: true, shift: true })],
    ['F11 (leave full screen)', key('F11')],
    ['F12 (DevTools)', key('F12')],
    ['Ctrl+Shift+I (DevTools)', key('I', { control: true, shift: true })],
    ['Cmd+Alt+I (DevTools, macOS)', key('i', { meta: true, alt: true })],
    ['Ctrl+P (print)', key('p', { control: true })],
    ['Ctrl+U (view source)', key('u', { control: true })],
    ['Cmd+H (hide)', key('h', { meta: true })],
    ['Cmd+M (minimise)', key('m', { meta: true })],
  ])('blocks %s', (_name, input) => {
    expect(isBlockedInKiosk(input)).toBe(true);
  });

  it.each([
    ['typing', key('w')],
    ['Tab (focus order)', key('Tab')],
    ['Shift+Tab', key('Tab', { shift: true })],
    ['Enter', key('Enter')],
    ['Escape (closes dialogs)', key('Escape')],
    ['Ctrl+C (copy)', key('c', { control: true })],
    ['Ctrl+V (paste)', key('v', { control: true })],
    ['Ctrl+A (select all)', key('a', { control: true })],
    ['Ctrl++ (zoom, accessibility)', key('+', { control: true })],
    ['a key release', { ...key('w', { control: true }), type: 'keyUp' as const }],
  ])('lets %s through', (_name, input) => {
    expect(isBlockedInKiosk(input)).toBe(false);
  });
});
