import type { Page } from '@playwright/test';

/**
 * What a French screen must never show (issue 15 item 3): an English word from a known list, or a
 * raw code a person cannot read. The list holds English words a French sentence never contains;
 * words spelt alike in both languages ("station", "message", "note", "type", "date", "minute",
 * "portable", "patient", "consultation", "audio", "signal", "microphone", "test", "page", "code",
 * "mode", "on", "or", "as", "an", "a", "chat", "rate", "notes", "conclusion", "prescriptions",
 * "place", "simulation", "instrument", "direct" (l'écran direct), "zoom", "sent" (il sent), "close"
 * (la séance est close)) are left off on purpose: they would fail a right screen.
 */
// A word list reads better packed than one word a line.
// prettier-ignore
export const ENGLISH_WORDS: ReadonlySet<string> = new Set([
  // Grammar words
  'the', 'and', 'of', 'with', 'without', 'to', 'for', 'from', 'this', 'that', 'these', 'your',
  'you', 'is', 'are', 'was', 'were', 'be', 'been', 'has', 'have', 'will', 'can', 'cannot', 'could',
  'not', 'no', 'yes', 'off', 'in', 'at', 'by', 'it', 'its', 'please', 'only', 'yet', 'still',
  'here', 'there', 'what', 'when', 'which', 'who', 'why', 'how', 'new', 'back', 'next', 'previous',
  'all', 'any',
  // The call and the network
  'invite', 'invitation', 'already', 'used', 'room', 'full', 'disconnected', 'connected',
  'connecting', 'reconnecting', 'interrupted', 'waiting', 'link', 'call', 'calls', 'hang', 'ended',
  'error', 'errors', 'failed', 'failure', 'refused', 'denied', 'unavailable', 'missing',
  'available', 'server', 'relay', 'relayed', 'upload', 'download', 'speed', 'loss', 'jitter',
  'good', 'fair', 'poor', 'weak', 'network', 'mute', 'unmute', 'camera', 'cameras', 'video',
  'speakers', 'copy', 'copied', 'clipboard', 'join', 'joined', 'sign', 'signed', 'loading',
  'unknown',
  // Devices and vitals
  'device', 'devices', 'measured', 'measurement', 'measuring', 'streaming', 'searching', 'stale',
  'probe', 'unplugged', 'plugged', 'simulated', 'oximeter', 'monitor', 'thermometer', 'scale',
  'stethoscope', 'pulse', 'heart', 'blood', 'pressure', 'temperature', 'weight', 'height',
  'breath', 'breaths', 'lead', 'leads', 'trend', 'trends', 'freeze', 'frozen', 'calipers', 'alarm',
  'alarms', 'reading', 'readings', 'battery', 'fps',
  // The record and the screens
  'start', 'stop', 'record', 'records', 'report', 'save', 'saved', 'cancel', 'send', 'open',
  'closed', 'end', 'delete', 'export', 'settings', 'check', 'run', 'none', 'doctor', 'nurse',
  'sheet', 'care', 'act', 'reason', 'findings', 'remarks', 'author', 'born', 'age', 'sex', 'male',
  'female', 'name', 'language', 'english', 'french', 'lock', 'locked', 'unlock', 'live', 'tools',
  'snapshot', 'snapshots', 'recording', 'values', 'summary', 'pass', 'fail', 'warning', 'skipped',
]);

/**
 * Text that is right although it looks like a hit, each with why. Brand and standard names stay
 * as they are in French; measured units and identifiers a person is meant to read are kept too.
 */
export const ALLOWED: readonly { readonly text: RegExp; readonly why: string }[] = [
  { text: /Pro Santé Connect/g, why: 'the service’s own name' },
  {
    text: /\bTURN\b|\bWebRTC\b|\bRTT\b|\bUDP\b|\bTCP\b|\bQR\b|\bJSON\b|\bPDF\b|\bFHIR\b/g,
    why: 'standard names',
  },
  {
    text: /\bSpO₂|\bSpO2\b|\bECG\b|\bNEWS2\b|\bRPPS\b|\bmmHg\b|\bmV\b|\bkbit\/s|\bMbit\/s|\bdBFS\b/g,
    why: 'clinical and audio units, scores',
  },
  {
    text: /\bcoturn\b|\bChrome\b|\bEdge\b|\bFirefox\b|\bBluetooth\b|\bLinux\b|\budev\b/g,
    why: 'software and product names',
  },
  { text: /--check-endpoints\b/g, why: 'a command-line flag the fix tells to type' },
  { text: /Royal College of Physicians/g, why: 'the source cited for the NEWS2 bands, by its name' },
  { text: /\b(?:TLS|TLL|TLD|TLM|TCG|TC|TE2|TE1)\b/g, why: 'CCAM/NGAP act codes' },
  { text: /\bhttps?:\/\/\S+/g, why: 'an address a person copies' },
  { text: /\/[\w.-]+(?:\/[\w.-]+)+/g, why: 'a device path a person checks (/dev/ttyUSB0, a pty)' },
  { text: /\b(?:stuns?|turns?):[^\s,]+/g, why: 'a STUN/TURN address a person types' },
  { text: /\bfake_device_\d+\b/g, why: 'Chromium’s fake camera’s own label (a real one comes from the OS)' },
  { text: /\b\d{1,3}(?:\.\d{1,3}){3}(?::\d+)?\b/g, why: 'an IP address and port' },
];

/** French words written with ASCII hyphens that would otherwise read as kebab-case codes. */
const FRENCH_HYPHENATED: ReadonlySet<string> = new Set([
  'rendez-vous',
  'aller-retour',
  'pare-feu',
  'haut-parleurs',
  'haut-parleur',
  'ci-dessous',
  'ci-dessus',
  'avez-vous',
  'voulez-vous',
  'est-ce',
  'peut-il',
  'faut-il',
  'celle-ci',
  'celui-ci',
  'au-dessus',
  'au-dessous',
  'sous-titres',
  'vous-en',
  'dites-le',
  'quelques-uns',
  'y-a-t-il',
]);

/** Raw codes: what a program writes, never a person. */
const RAW_CODES: readonly { readonly name: string; readonly pattern: RegExp }[] = [
  { name: 'error class', pattern: /\b\w*Error\b/g },
  { name: 'template placeholder', pattern: /\$\{[^}]*\}?|\{\{[^}]*\}\}/g },
  { name: 'JavaScript value', pattern: /\bundefined\b|\bNaN\b|\bnull\b|\btrue\b|\bfalse\b|\[object \w+\]/g },
  // Bounded by anything but a letter or digit of any script: "d’eux-mêmes" is no "eux-m".
  { name: 'dotted key', pattern: /(?<![\p{L}\d.])[a-z][a-zA-Z]*(?:\.[a-z][a-zA-Z-]*)+(?![\p{L}\d])/gu },
  { name: 'camelCase key', pattern: /(?<![\p{L}\d])[a-z]+[A-Z][a-zA-Z]*(?![\p{L}\d])/gu },
  { name: 'snake_case code', pattern: /(?<![\p{L}\d])[A-Za-z0-9]+_[A-Za-z0-9_]+(?![\p{L}\d])/gu },
  { name: 'kebab-case code', pattern: /(?<![\p{L}\d-])[a-z0-9]+(?:-[a-z0-9]+)+(?![\p{L}\d-])/gu },
];

export interface TextOnScreen {
  /** Where: the nearest `data-testid` (or the tag) and, for an attribute, its name. */
  readonly where: string;
  readonly text: string;
  /** The element's language (`lang` of it or its nearest ancestor). */
  readonly lang: string;
}

export interface Finding {
  readonly where: string;
  readonly found: string;
  readonly kind: string;
  readonly text: string;
}

/** English words and raw codes in these texts, once the allowed parts are taken out. */
export function findingsIn(texts: readonly TextOnScreen[]): Finding[] {
  const findings: Finding[] = [];
  for (const { where, text, lang } of texts) {
    let rest = text;
    for (const allowed of ALLOWED) rest = rest.replace(allowed.text, ' ');
    for (const { name, pattern } of RAW_CODES)
      for (const match of rest.matchAll(pattern)) {
        const found = match[0];
        if (name === 'kebab-case code' && (FRENCH_HYPHENATED.has(found) || /^\d+(-\d+)+$/.test(found)))
          continue;
        // A French imperative with its pronoun: "allumez-le", "rebranchez-les", "redémarrez-le".
        if (name === 'kebab-case code' && /^[a-z]+-(?:le|la|les|lui|leur|moi|nous|vous|en|y)$/.test(found))
          continue;
        findings.push({ where, found, kind: name, text });
      }
    // A text marked English is English on purpose: "English" in the language list, named in itself.
    if (lang.startsWith('en')) continue;
    // Words: runs of letters, accents included, so "vidéo" never reads as "video".
    for (const match of rest.toLowerCase().matchAll(/[\p{L}’']+/gu)) {
      const word = match[0].replace(/^[’']+|[’']+$/g, '');
      if (ENGLISH_WORDS.has(word)) findings.push({ where, found: word, kind: 'English word', text });
    }
  }
  return findings;
}

/**
 * Every text a person meets on the page as it is now: visible text nodes, the document's title,
 * the options of visible selects, and the attributes read aloud or shown on hover (aria-label,
 * aria-description, aria-valuetext, aria-roledescription, title, placeholder, alt) of visible
 * elements. What people typed (input values) is theirs and not collected.
 */
export function textsOnScreen(page: Page): Promise<TextOnScreen[]> {
  // In-page code as a string: the e2e tests typecheck without the DOM library (see page-probes.ts).
  return page.evaluate<TextOnScreen[]>(`(() => {
    const out = [];
    const visible = (el) => el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })
      && el.getClientRects().length > 0;
    const where = (el) => {
      const owner = el.closest('[data-testid]');
      const id = owner ? owner.getAttribute('data-testid') : '';
      return (id ? id + ' ' : '') + '<' + el.tagName.toLowerCase() + '>';
    };
    const lang = (el) => (el.closest('[lang]') || document.documentElement).getAttribute('lang') || '';
    out.push({ where: '<title>', text: document.title, lang: lang(document.documentElement) });
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      const text = node.textContent.trim();
      if (!el || text === '' || ['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEXTAREA'].includes(el.tagName)) continue;
      if (el.tagName === 'OPTION' ? !visible(el.closest('select')) : !visible(el)) continue;
      out.push({ where: where(el), text, lang: lang(el) });
    }
    const names = ['aria-label', 'aria-description', 'aria-valuetext', 'aria-roledescription', 'title', 'placeholder', 'alt'];
    for (const el of document.body.querySelectorAll('*')) {
      if (!visible(el)) continue;
      for (const name of names) {
        const text = (el.getAttribute(name) || '').trim();
        if (text !== '') out.push({ where: where(el) + ' [' + name + ']', text, lang: lang(el) });
      }
    }
    return out;
  })()`);
}

/** One line per finding, grouped as a person would fix them: screen, element, what, in what text. */
export function describeFindings(screen: string, findings: readonly Finding[]): string[] {
  const seen = new Set<string>();
  const lines: string[] = [];
  for (const f of findings) {
    const line = `${screen} · ${f.where}: ${f.kind} "${f.found}" in "${f.text.slice(0, 160)}"`;
    if (!seen.has(line)) lines.push(line);
    seen.add(line);
  }
  return lines;
}
