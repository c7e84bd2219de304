import type { BrowserContextOptions } from '@playwright/test';

/**
 * The form factors of issue 7 and the two languages. The language is chosen the way a real
 * station gets it: from the browser's (Electron's: the OS's) languages, via the context `locale`,
 * with the `language` setting left at `system`.
 */
export interface Size {
  readonly name: 'wall' | 'laptop' | 'tablet';
  readonly width: number;
  readonly height: number;
  /** Touch screens must offer 48×48 CSS px targets (issue 7, tablet layout). */
  readonly touch: boolean;
}

export const WALL: Size = { name: 'wall', width: 1920, height: 1080, touch: false };
export const LAPTOP: Size = { name: 'laptop', width: 1366, height: 768, touch: false };
export const TABLET: Size = { name: 'tablet', width: 1280, height: 800, touch: true };

export const STATION_SIZES: readonly Size[] = [WALL, LAPTOP, TABLET];
/** The consultant's browser layout is required from 1366×768 up. */
export const CONSULTANT_SIZES: readonly Size[] = [LAPTOP, WALL];
/** The doctor's workspace and tools (issue 15 item 5): the three sizes, a desk down to a 10" tablet. */
export const DOCTOR_SIZES: readonly Size[] = [WALL, LAPTOP, TABLET];

export type Lang = 'en' | 'fr';
export const LANGS: readonly Lang[] = ['en', 'fr'];
const BROWSER_LOCALE: Record<Lang, string> = { en: 'en-GB', fr: 'fr-FR' };

export interface Variant {
  readonly size: Size;
  readonly lang: Lang;
}

export function variants(sizes: readonly Size[]): Variant[] {
  return sizes.flatMap((size) => LANGS.map((lang) => ({ size, lang })));
}

export function contextOptions({ size, lang }: Variant): BrowserContextOptions {
  return {
    viewport: { width: size.width, height: size.height },
    hasTouch: size.touch,
    isMobile: false,
    locale: BROWSER_LOCALE[lang],
    // Stable screenshots: no caret blink or transition caught half-way.
    reducedMotion: 'reduce',
  };
}

export function variantLabel({ size, lang }: Variant): string {
  return `${size.name}-${lang}`;
}
