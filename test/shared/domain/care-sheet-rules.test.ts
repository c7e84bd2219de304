import {
  accompanyingActsFor,
  careSheetProblems,
  defaultAccompanyingAct,
  defaultPlace,
  localDateOf,
  sameDoctor,
} from '../../../src/shared/domain/care-sheet-rules';
import {
  careSheetSchema,
  storedCareSheetSchema,
  type CareSheet,
} from '../../../src/shared/domain/consultation';

/** Each rule with its source: src/shared/domain/README.md ("Today's acts"). */
const SHEET: CareSheet = {
  actCode: 'TCG',
  date: '2026-11-25',
  doctor: { name: 'Dr Camille Martin', rpps: '10101010101' },
  teleconsultation: true,
  pathway: 'treating-doctor',
  place: 'home',
  accompanyingAct: 'TLD',
};
const CONTEXT = {
  consultationDate: '2026-11-25',
  accompanyingRole: 'nurse' as const,
  author: { name: 'Dr Camille Martin', rpps: '10101010101' },
};

describe("today's acts", () => {
  it('the doctor bills TCG or TC; TE1, TE2 (tele-expertise) and RNM are never saved again', () => {
    for (const actCode of ['TCG', 'TC'])
      expect(careSheetSchema.safeParse({ ...SHEET, actCode }).success).toBe(true);
    for (const actCode of ['TE1', 'TE2', 'RQD', 'RNM'])
      expect(careSheetSchema.safeParse({ ...SHEET, actCode }).success).toBe(false);
    // …but a version saved before stays readable.
    expect(storedCareSheetSchema.safeParse({ ...SHEET, actCode: 'TE1', place: undefined }).success).toBe(
      true,
    );
  });

  it('the accompanying act follows the role: nurse TLS/TLL/TLD, pharmacist TLM, others none', () => {
    expect(accompanyingActsFor('nurse')).toEqual(['TLS', 'TLL', 'TLD']);
    expect(accompanyingActsFor('pharmacist')).toEqual(['TLM']);
    for (const role of ['physician', 'midwife', 'other', null] as const)
      expect(accompanyingActsFor(role)).toEqual([]);
  });

  it('defaults: a pharmacist TLM in the pharmacy; a nurse TLD at home, TLL elsewhere; never TLS', () => {
    expect(defaultAccompanyingAct('pharmacist', undefined)).toBe('TLM');
    expect(defaultPlace('pharmacist')).toBe('pharmacy');
    expect(defaultAccompanyingAct('nurse', 'home')).toBe('TLD');
    expect(defaultAccompanyingAct('nurse', 'cabin')).toBe('TLL');
    expect(defaultAccompanyingAct('midwife', 'home')).toBeNull();
    expect(defaultPlace('nurse')).toBeUndefined();
  });

  it('accepts a care sheet that follows every rule', () => {
    expect(careSheetProblems(SHEET, CONTEXT)).toEqual([]);
    expect(
      careSheetProblems({ ...SHEET, accompanyingAct: null }, { ...CONTEXT, accompanyingRole: null }),
    ).toEqual([]);
    expect(
      careSheetProblems(
        { ...SHEET, place: 'pharmacy', accompanyingAct: 'TLM' },
        { ...CONTEXT, accompanyingRole: 'pharmacist' },
      ),
    ).toEqual([]);
  });

  it('refuses an act dated otherwise than the consultation', () => {
    expect(careSheetProblems({ ...SHEET, date: '2020-01-01' }, CONTEXT)).toEqual(['care-sheet-date']);
  });

  it("refuses another doctor than the report's author, unless a reason is given", () => {
    const other = { ...SHEET, doctor: { name: 'Dr Paul Durand', rpps: '10202020202' } };
    expect(careSheetProblems(other, CONTEXT)).toEqual(['care-sheet-doctor']);
    expect(careSheetProblems({ ...other, doctorReason: 'remplaçant du Dr Martin' }, CONTEXT)).toEqual([]);
    expect(careSheetProblems({ ...other, doctorReason: '   ' }, CONTEXT)).toEqual(['care-sheet-doctor']);
    // Without a report yet, nothing to compare with.
    expect(careSheetProblems(other, { ...CONTEXT, author: null })).toEqual([]);
    // The RPPS decides when the report has one; else the name, case and spaces aside.
    expect(sameDoctor({ name: 'X', rpps: '10101010101' }, SHEET.doctor)).toBe(true);
    expect(sameDoctor({ name: ' dr camille  MARTIN ' }, SHEET.doctor)).toBe(true);
  });

  it('refuses an act the role does not bill, and a missing one where the role bills one', () => {
    expect(careSheetProblems({ ...SHEET, accompanyingAct: 'TLM' }, CONTEXT)).toEqual([
      'care-sheet-accompanying-act',
    ]);
    expect(careSheetProblems(SHEET, { ...CONTEXT, accompanyingRole: 'pharmacist' })).toEqual([
      'care-sheet-accompanying-act',
    ]);
    expect(careSheetProblems(SHEET, { ...CONTEXT, accompanyingRole: 'midwife' })).toEqual([
      'care-sheet-accompanying-act',
    ]);
    expect(careSheetProblems({ ...SHEET, accompanyingAct: null }, CONTEXT)).toEqual([
      'care-sheet-accompanying-act',
    ]);
  });

  it("dates a consultation in the station's time zone", () => {
    expect(localDateOf('2026-11-25T23:30:00.000Z', 'Europe/Paris')).toBe('2026-11-26');
    expect(localDateOf('2026-11-25T23:30:00.000Z', 'UTC')).toBe('2026-11-25');
    expect(localDateOf('2026-11-25T03:00:00.000Z', 'Indian/Reunion')).toBe('2026-11-25');
  });
});
