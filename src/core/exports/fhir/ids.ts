import { createHash } from 'node:crypto';

/**
 * Name-based UUIDs (RFC 4122 version 5, SHA-1) for every resource of a consultation's bundle: the
 * same consultation exported twice gives the same ids, so a receiver can recognise a re-export and
 * replace rather than duplicate. The name is `<consultation id>/<resource key>`.
 */

/** Our own namespace (a fixed random UUID), so our ids never collide with another generator's. */
const NAMESPACE = Buffer.from('6f1c2d3e8a9b4c5d9e0f1a2b3c4d5e6f', 'hex');

export function nameBasedUuid(name: string): string {
  const hash = createHash('sha1').update(NAMESPACE).update(name, 'utf8').digest();
  const bytes = hash.subarray(0, 16);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x50;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Mints the ids of one consultation's resources and the references to them. */
export class ResourceIds {
  constructor(private readonly consultationId: string) {}

  /** The resource id (also the UUID of its `urn:uuid:` fullUrl). */
  id(key: string): string {
    return nameBasedUuid(`${this.consultationId}/${key}`);
  }

  fullUrl(key: string): string {
    return `urn:uuid:${this.id(key)}`;
  }

  /** A reference inside the bundle: resolved against the entries' fullUrl (FHIR R4 §2.36.4.1). */
  reference(key: string): { readonly reference: string } {
    return { reference: this.fullUrl(key) };
  }
}
