import { SIMULATED_DATA_LABEL } from './codes';
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
  /** References (urn:uuid) of the Device resources that are our simulator. */
  private readonly simulators = new Set<string>();

  constructor(consultationId: string) {
    this.ids = new ResourceIds(consultationId);
  }

  /**
   * Adds a resource. One made by a simulator (its `device` is a simulated Device) gets the
   * simulated-data security label here, so no builder can forget it.
   */
  add(key: string, resource: FhirObject & { readonly resourceType: string }): void {
    // Two resources under one key would share an id: a bug in a builder, not bad input.
    if (this.keys.has(key)) throw new Error(`FHIR export: duplicate resource key ${key}`);
    this.keys.add(key);
    const { resourceType, ...content } = resource;
    const device = (content['device'] as { reference?: unknown } | undefined)?.reference;
    const labelled =
      typeof device === 'string' && this.simulators.has(device) ? withSimulatedLabel(content) : content;
    const withId: FhirResource = { resourceType, id: this.ids.id(key), ...labelled };
    this.entries.push({ fullUrl: this.ids.fullUrl(key), resource: withId });
  }

  /** Marks the Device added under `key` as a simulator: what references it is labelled simulated. */
  markSimulator(key: string): void {
    this.simulators.add(this.ids.fullUrl(key));
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

/** The resource with `meta.security` holding the simulated-data label (its profiles kept). */
export function withSimulatedLabel<T extends FhirObject>(resource: T): T {
  const meta = (resource['meta'] as FhirObject | undefined) ?? {};
  const security = (meta['security'] as readonly FhirObject[] | undefined) ?? [];
  return { ...resource, meta: { ...meta, security: [...security, SIMULATED_DATA_LABEL] } };
}
