/** The browser's (or Electron's, i.e. the OS's) preferred languages, most preferred first. */
export function systemLanguages(): readonly string[] {
  if (typeof navigator === 'undefined') return [];
  return navigator.languages.length > 0 ? navigator.languages : [navigator.language];
}
