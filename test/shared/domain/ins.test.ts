import { checkIns, insKey, isInseePlaceCode, normaliseIns } from '../../../src/shared/domain/ins';

/**
 * Each rule with its source: src/shared/domain/README.md ("INS matricule"). Keys below were
 * computed by hand as 97 − (number mod 97), 2A → 19 and 2B → 18.
 */
describe('INS matricule: valid numbers', () => {
  it.each([
    // FR Core 2.2.0, example Patient FRCorePatientINSExampleRNIV (born 1960-05 in Domrémy, 88154).
    ['260058815400233', 'NIR', 'FR Core example: woman, 1960-05, Vosges 88, commune 154'],
    ['260052A00412367', 'NIR', 'Corsica 2A (read as 19 for the key)'],
    ['260052B03304578', 'NIR', 'Corsica 2B (read as 18 for the key)'],
    ['172119741100178', 'NIR', 'overseas: department 974, commune 11'],
    ['190039935001752', 'NIR', 'born abroad: 99 and country code 350'],
    ['790039935001743', 'NIA', 'provisional NIA, first digit 7'],
    ['890039935001790', 'NIA', 'provisional NIA, first digit 8'],
    ['185207800608440', 'NIR', 'unknown month code 20'],
    ['185427800608404', 'NIR', 'unknown month code 42'],
    ['185507800608435', 'NIR', 'unknown month code 50'],
  ])('%s is a %s (%s)', (value, kind) => {
    expect(checkIns(value)).toEqual({ ok: true, kind, value });
  });

  it('reads a number as typed on a card: spaces removed, 2a upper-cased', () => {
    expect(normaliseIns(' 2 60 05 2a 004 123 67 ')).toBe('260052A00412367');
    expect(checkIns(normaliseIns('2 60 05 2a 004 123 67')).ok).toBe(true);
  });
});

describe('INS matricule: refused, each with its code', () => {
  it.each([
    ['1850578006084', 'key-missing', '13 characters, no key'],
    ['260052A004123', 'key-missing', 'Corsican 13 characters, no key'],
    ['18505780060843', 'format', '14 characters'],
    ['1850578006084361', 'format', '16 characters'],
    ['18505780060X436', 'format', 'a letter outside the department'],
    ['385057800608488', 'sex', 'first digit 3 (no current source gives it a meaning)'],
    ['485057800608438', 'sex', 'first digit 4, refused like 3'],
    ['085057800608436', 'sex', 'first digit 0'],
    ['185007800608411', 'month', 'month 00'],
    ['185137974110055', 'month', 'month 13'],
    ['185437800608420', 'month', 'month 43'],
    ['185050000608463', 'department', 'department 00'],
    ['185057800008477', 'commune', 'commune 000'],
    ['185059740000163', 'commune', 'overseas commune 00'],
    ['185059900000178', 'commune', 'born abroad, country 000'],
    ['185057800600078', 'order', 'order 000'],
    ['185057800608436', 'key', 'the key the old form comment showed (91 is right)'],
    // FR Core's own INS example value (FRCorePatientINSExample) is a placeholder: month 45.
    ['123456789012244', 'month', 'FR Core placeholder 123456789012244'],
  ])('%s → %s (%s)', (value, problem) => {
    expect(checkIns(value)).toEqual({ ok: false, problem });
  });

  it('computes the key as 97 − (number mod 97), Corsica 2A → 19 and 2B → 18', () => {
    expect(insKey('2600588154002')).toBe(33);
    expect(insKey('260052A004123')).toBe(97 - Number(2600519004123n % 97n));
    expect(insKey('260052B033045')).toBe(97 - Number(2600518033045n % 97n));
  });
});

describe('INSEE place of birth', () => {
  it.each(['88154', '75056', '2A004', '2B033', '97411', '99350'])('%s is a place code', (code) => {
    expect(isInseePlaceCode(code)).toBe(true);
  });
  it.each(['00154', '75000', '97400', '99000', '7505', '750561', '2C004', 'Paris'])('%s is not', (code) => {
    expect(isInseePlaceCode(code)).toBe(false);
  });
});
