import type { Patient } from '../../../../src/shared/domain/consultation';
/**
 * Text of each character class the printed exports must carry as written (issue 12), short enough
 * to stay on one printed line so that the PDF's text can be compared string for string.
 */
export const CHARACTER_CLASSES = {
  latinExtras: 'Œdème, œuf, Ÿ ÿ, Æ æ, ß, Łódź, Ǆ ǆ, ı İ ğ ş, ő ű',
  greek: 'α β γ δ ε λ μ π σ ς ω Δ Σ Ω ά ί ύ',
  cyrillic: 'А Б Ж Щ Ю Я а ж щ ы ё ї ґ',
  arrows: '← ↑ → ↓ ↔ ⇒ ⇔ ↗ ↘',
  subSuperscripts: 'SpO₂ CO₂ H₂O HbA₁c m² 10⁻³ ⁰¹²³⁴⁵⁶⁷⁸⁹ ₀₁₂₃₄₅₆₇₈₉',
  math: '≠ ≤ ≥ ± × ÷ µ ° ≈ ∞ √ ∑ − ≮ ≯ ‰ ½',
  // The examples: what the WinAnsi fonts turned into `a = b`, `<`, `>` and `?-bloquant ?`.
  notEqual: 'a ≠ b',
  notLessNotGreater: 'x ≮ 3 et y ≯ 5',
  betaBlocker: 'β-bloquant ↑',
} as const;

type Traits = Pick<Patient, 'familyName' | 'birthGivenNames' | 'birthDate' | 'sex'>;

export const GREEK_PATIENT: Traits = {
  familyName: 'Παπαδοπούλου',
  birthGivenNames: ['Ελένη'],
  birthDate: '1956-07-02',
  sex: 'female',
};

export const CYRILLIC_PATIENT: Traits = {
  familyName: 'Сидоров',
  birthGivenNames: ['Иван', 'Петрович'],
  birthDate: '1949-11-30',
  sex: 'male',
};

/** Characters DejaVu Sans has no glyph for (checked in unicode-text.test.ts). */
export const UNCOVERED = { ideograph: '王', ambulance: '🚑' } as const;
