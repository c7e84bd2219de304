import { hashPin, PIN_SCRYPT, pinHashSchema, verifyPin } from '../../../src/core/kiosk/pin-hash';

const FAST = { N: 1024, r: 8, p: 1 };

describe('kiosk PIN hash', () => {
  it('stores the station cost, a random salt and never the PIN', async () => {
    const stored = await hashPin('482913');
    expect(pinHashSchema.parse(stored)).toEqual(stored);
    expect(stored).toMatchObject({ algorithm: 'scrypt', ...PIN_SCRYPT });
    expect(JSON.stringify(stored)).not.toContain('482913');
    expect(await verifyPin('482913', stored)).toBe(true);
  });

  it('rejects a wrong PIN and salts each hash differently', async () => {
    const first = await hashPin('1234', FAST);
    const second = await hashPin('1234', FAST);
    expect(first.salt).not.toBe(second.salt);
    expect(first.hash).not.toBe(second.hash);
    expect(await verifyPin('1235', first)).toBe(false);
    expect(await verifyPin('1234', second)).toBe(true);
  });
});
