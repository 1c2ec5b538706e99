import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The standard's machine-readable files are kept in the repository so that the platform runs on its own;
 * they must stay byte-identical to GS1's published files in ../shared (beside the repository in CI).
 */
const REPO_ROOT = fileURLToPath(new URL('../../../../../', import.meta.url));
const SHARED = `${REPO_ROOT}../shared/standards/epcis-2.0/`;
const HERE = fileURLToPath(new URL('./', import.meta.url));

describe('the EPCIS 2.0 standard files', () => {
  it.each(['EPCIS-JSON-Schema.json', 'epcis-context.jsonld'])('%s is a verbatim copy of the published file', (name) => {
    const copy = readFileSync(`${HERE}${name}`);
    const published = readFileSync(`${SHARED}${name}`);
    expect(copy.length).toBeGreaterThan(1000);
    expect(copy.equals(published)).toBe(true);
  });
});
