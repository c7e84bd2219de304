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

export const GREEK_PATIENT = {
  familyName: 'Παπαδοπούλου',
  givenNames: 'Ελένη',
  birthDate: '1956-07-02',
  sex: 'female',
} as const;

export const CYRILLIC_PATIENT = {
  familyName: 'Сидоров',
  givenNames: 'Иван Петрович',
  birthDate: '1949-11-30',
  sex: 'male',
} as const;

/** Characters DejaVu Sans has no glyph for (checked in unicode-text.test.ts). */
export const UNCOVERED = { ideograph: '王', ambulance: '🚑' } as const;
