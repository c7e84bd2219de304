/**
 * Minimal FHIR R4 JSON shapes for the export. Deliberately loose: the bundle is plain JSON handed to
 * other systems, and its conformance is proven by a real validator in the tests (@medplum/core with
 * the R4 definitions), not by mirroring the whole FHIR type system here.
 */

export type FhirJson = string | number | boolean | FhirObject | readonly FhirJson[];
export interface FhirObject {
  readonly [key: string]: FhirJson;
}

export interface FhirResource extends FhirObject {
  readonly resourceType: string;
  readonly id: string;
}

export interface FhirBundleEntry extends FhirObject {
  readonly fullUrl: string;
  readonly resource: FhirResource;
}

export interface FhirBundle extends FhirObject {
  readonly resourceType: 'Bundle';
  readonly id: string;
  readonly identifier: FhirObject;
  readonly type: 'collection';
  readonly timestamp: string;
  readonly entry: readonly FhirBundleEntry[];
}

/** Something the record held that the bundle leaves out, and why (for logs and the export screen). */
export interface FhirExportWarning {
  /** What was left out, e.g. `numeric MDC_FOO from oximeter@/dev/ttyUSB0`. */
  readonly item: string;
  readonly reason: string;
}

export interface FhirExport {
  readonly bundle: FhirBundle;
  readonly warnings: readonly FhirExportWarning[];
}

export interface FhirBundleOptions {
  /** The export instant (Bundle.timestamp, DocumentReference.date): given, so the build stays pure. */
  readonly generatedAt: Date;
  /** The report PDF, when one was generated: it becomes a DocumentReference. */
  readonly reportPdf?: Uint8Array;
  /** The language of the names written for people (the devices' friendly names); English if unset. */
  readonly language?: 'en' | 'fr';
}
