import type { Sex } from '../domain/consultation';

/**
 * « née le » for a woman, « né le » for a man; for another or an unknown sex, the neutral
 * « date de naissance : », never « né(e) ».
 */
export function bornFr(date: string, sex: Sex): string {
  if (sex === 'female') return `née le ${date}`;
  if (sex === 'male') return `né le ${date}`;
  return `date de naissance : ${date}`;
}
