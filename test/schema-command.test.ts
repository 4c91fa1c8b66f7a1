import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { createAjv } from './json-schema.js';
import { EXAMPLES, ROOT, runCli, tempDir } from './helpers.js';

const SHIPPED = path.join(ROOT, 'schema', 'policy.schema.json');

function schemaFromCli(): object {
  const run = runCli(['schema']);
  expect([run.code, run.stderr]).toEqual([0, '']);
  return JSON.parse(run.stdout) as object;
}

describe('incentive-lint schema', () => {
  const validate = createAjv().compile(schemaFromCli());
  const errorsOf = (yamlText: string) => {
    validate(parse(yamlText));
    return (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message}`);
  };

  it('is a draft-07 JSON Schema with a resolvable $id', () => {
    const schema = schemaFromCli() as Record<string, unknown>;
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(schema.$id).toBe('https://raw.githubusercontent.com/incentive-lint/incentive-lint/main/schema/policy.schema.json');
  });

  it.each(fs.readdirSync(EXAMPLES).filter((name) => name.endsWith('.yaml')))('accepts examples/%s', (example) => {
    expect(errorsOf(fs.readFileSync(path.join(EXAMPLES, example), 'utf8'))).toEqual([]);
  });

  it('accepts percentages as fractions or strings, and dates as YYYY-MM-DD', () => {
    expect(
      errorsOf(`version: 1
strategy: { announced: 2026-03-02 }
compensation:
  - id: ae
    effective: 2026-01-01
    variable_share: "50%"
    commission: [{ metric: new-arr, rate: 0.08 }, { metric: new-arr, rate: " 12.5 % " }]
`),
    ).toEqual([]);
  });

  it('rejects a broken policy, naming each problem', () => {
    expect(
      errorsOf(`version: 2
strategy: { announced: 02/03/2026 }
teams: [{ id: Sales Team }]
compensation:
  - id: ae
    commision: []
    commission: [{ metric: new-arr, rate: 8 }, { metric: new-arr, rate: eight percent }]
`),
    ).toEqual(
      expect.arrayContaining([
        '/version must be equal to constant',
        '/strategy/announced must match format "date"',
        '/teams/0/id must match pattern "^[a-z0-9]+(?:-[a-z0-9]+)*$"',
        '/compensation/0 must NOT have additional properties',
        '/compensation/0/commission/0/rate must be <= 1',
        '/compensation/0/commission/1/rate must match pattern "^\\s*(?:-?0+(?:\\.0+)?|0*(?:\\d{1,2}(?:\\.\\d+)?|100(?:\\.0+)?))\\s*%\\s*$"',
      ]),
    );
  });

  it('is the schema the package ships in schema/policy.schema.json (run `npm run schema` after changing src/schema.ts)', () => {
    expect(JSON.parse(fs.readFileSync(SHIPPED, 'utf8'))).toEqual(schemaFromCli());
  });

  it('--output writes it to a file; an unwritable path exits 2 with a message', () => {
    const dir = tempDir({ 'a-file': '' });
    expect(runCli(['schema', '--output', 'out/policy.schema.json'], { cwd: dir })).toMatchObject({ code: 0, stdout: '', stderr: '' });
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'out/policy.schema.json'), 'utf8'))).toEqual(schemaFromCli());
    const run = runCli(['schema', '-o', 'a-file/x.json'], { cwd: dir });
    expect([run.code, run.stderr]).toEqual([
      2,
      'error a-file/x.json: cannot write the schema here (a part of the path is a file, not a folder): choose a writable file\n',
    ]);
  });
});
