import { ResourceIds } from './ids';
import type { FhirBundleEntry, FhirExportWarning, FhirObject, FhirResource } from './types';

/**
 * Collects the entries and the warnings of one bundle while the section builders run. Each
 * resource is added under a stable key (`patient`, `device/<id>`, …) from which its id is derived.
 */
export class BundleWriter {
  readonly ids: ResourceIds;
  private readonly entries: FhirBundleEntry[] = [];
  private readonly keys = new Set<string>();
  private readonly warningList: FhirExportWarning[] = [];

  constructor(consultationId: string) {
    this.ids = new ResourceIds(consultationId);
  }

  add(key: string, resource: FhirObject & { readonly resourceType: string }): void {
    // Two resources under one key would share an id: a bug in a builder, not bad input.
    if (this.keys.has(key)) throw new Error(`FHIR export: duplicate resource key ${key}`);
    this.keys.add(key);
    const { resourceType, ...content } = resource;
    const withId: FhirResource = { resourceType, id: this.ids.id(key), ...content };
    this.entries.push({ fullUrl: this.ids.fullUrl(key), resource: withId });
  }

  /** `base`, or `base#2`, `base#3`… when taken (two readings stamped the same millisecond). */
  uniqueKey(base: string): string {
    if (!this.keys.has(base)) return base;
    for (let n = 2; ; n++) if (!this.keys.has(`${base}#${n}`)) return `${base}#${n}`;
  }

  has(key: string): boolean {
    return this.keys.has(key);
  }

  warn(item: string, reason: string): void {
    this.warningList.push({ item, reason });
  }

  get bundleEntries(): readonly FhirBundleEntry[] {
    return this.entries;
  }

  get warnings(): readonly FhirExportWarning[] {
    return this.warningList;
  }
}
