/**
 * The editor experience, with the real client editors run: yaml-language-server over stdio, given
 * the JSON Schema the way `init` points to it (a local install, relative to the policy's folder).
 * Hover and completion show each key's description, and the schema and the CLI agree on every
 * value both can judge.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli, tempDir } from './helpers.js';
import { LspClient, type Diagnostic } from './lsp-client.js';

const SCHEMA = JSON.parse(fs.readFileSync(path.join(ROOT, 'schema', 'policy.schema.json'), 'utf8')) as JsonSchema;
const MODELINE = '# yaml-language-server: $schema=./node_modules/incentive-lint/schema/policy.schema.json';

interface JsonSchema {
  type?: string;
  title?: string;
  description?: string;
  markdownDescription?: string;
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
}

/** Every property of the schema, as `path.to.key`, with its schema. */
function everyProperty(schema: JsonSchema, at = ''): [string, JsonSchema][] {
  const found: [string, JsonSchema][] = [];
  for (const [key, property] of Object.entries(schema.properties ?? {})) {
    const where = at ? `${at}.${key}` : key;
    found.push([where, property], ...everyProperty(property, where));
    if (property.items) found.push(...everyProperty(property.items, `${where}[]`));
  }
  return found;
}

describe('the JSON Schema describes every key', () => {
  it('has a description on every property, from the zod schema', () => {
    const properties = everyProperty(SCHEMA);
    expect(properties.length).toBeGreaterThan(60);
    expect(properties.filter(([, property]) => !property.description?.trim()).map(([where]) => where)).toEqual([]);
  });
});

describe("yaml-language-server, the editors' client", () => {
  let client: LspClient;
  let dir: string;
  let counter = 0;

  /** Opens `text` as a new policy.yaml beside the locally installed schema; resolves with its diagnostics. */
  async function open(text: string): Promise<{ file: string; diagnostics: Diagnostic[] }> {
    const file = path.join(dir, `policy-${++counter}.yaml`);
    fs.writeFileSync(file, text);
    return { file, diagnostics: await client.open(file, text) };
  }

  beforeAll(async () => {
    dir = tempDir({ 'node_modules/incentive-lint/schema/policy.schema.json': JSON.stringify(SCHEMA) });
    client = new LspClient();
    await client.start(dir);
  });
  afterAll(async () => client?.stop());

  it('shows the description of a key on hover, in Markdown where the schema has it', async () => {
    const text = `${MODELINE}\nversion: 1\nmetrics:\n  - id: new-arr\n    type: outcome\ncompensation:\n  - id: ae-2026\n    team: sales\n    commission:\n      - { metric: new-arr, rate: "8%" }\n`;
    const { file, diagnostics } = await open(text);
    expect(diagnostics).toEqual([]);
    const hoverOn = async (line: number, key: string) =>
      (await client.hover(file, line, text.split('\n')[line]!.indexOf(key) + 1))?.contents.value ?? '';
    expect(await hoverOn(9, 'rate')).toContain(
      'The commission rate: a fraction such as 0.08 or a percentage such as "8%", between 0 and 100%.',
    );
    expect(await hoverOn(7, 'team')).toContain('The id of the team this instrument applies to.');
    expect(await hoverOn(5, 'compensation')).toContain('Commission and bonus plans.');
    expect(await hoverOn(4, 'type')).toContain('- `outcome`: a business result (new-arr, net-retention)');
  });

  it('offers every key of a plan on completion, each with its description', async () => {
    const text = `${MODELINE}\nversion: 1\ncompensation:\n  - id: ae-2026\n    \n`;
    const { file } = await open(text);
    const items = (await client.completion(file, 4, 4)).items;
    const labels = items.map((item) => item.label);
    expect(labels).toEqual(
      expect.arrayContaining(['team', 'effective', 'rationale', 'variable_share', 'commission', 'bonus', 'clawback', 'deferral']),
    );
    const documentation = (label: string) => {
      const value = items.find((item) => item.label === label)!.documentation;
      return typeof value === 'string' ? value : (value?.value ?? '');
    };
    for (const label of labels) expect(documentation(label), label).not.toBe('');
    // Each offered key carries the description the schema gives it.
    const plan = SCHEMA.properties!.compensation!.items!;
    for (const label of ['clawback', 'rationale', 'team'])
      expect(documentation(label), label).toContain(plan.properties![label]!.description!);
  });

  it('agrees with the CLI on every value both judge: percentages, fractions, counts, ids, keys', async () => {
    const rates = [
      '"800%"',
      '"-5%"',
      '"100%"',
      '"100.0%"',
      '"100.5%"',
      '"0%"',
      '"-0%"',
      '"8%"',
      '" 8 %"',
      '"8.25%"',
      '"007%"',
      '"%"',
      '"-0.5%"',
      '"eight"',
      '"0.08"',
      '8',
      '0.08',
      '1',
      '1.01',
      '0',
      '-0',
      '-0.1',
    ];
    const lines = [
      'version: 1',
      'strategy: { name: S, priorities: [] }',
      'segments:',
      '  - { id: a, sales_cycle_days: 0 }',
      '  - { id: b, sales_cycle_days: 1.5 }',
      '  - { id: c, sales_cycle_days: -3 }',
      '  - { id: Enterprise Accounts }',
      'compensation:',
      '  - id: plan',
      '    clawback: { months: 1.5 }',
      '    deferral: { share: "30%", months: 6 }',
      '    comission: []',
      '    commission:',
      ...rates.map((rate) => `      - { metric: m, rate: ${rate} }`),
    ];
    const text = `${MODELINE}\n${lines.join('\n')}\n`;
    const { diagnostics } = await open(text);
    const editorLines = new Set(diagnostics.map((diagnostic) => diagnostic.range.start.line + 1));

    // The CLI reads the same text from stdin, named as the editor's file.
    const cli = runCli(['--stdin', '--stdin-filename', 'policy.yaml'], { cwd: tempDir(), input: text });
    expect(cli.code).toBe(2);
    const cliLines = new Set([...cli.stderr.matchAll(/^error policy\.yaml:(\d+):\d+: /gm)].map((match) => Number(match[1])));

    const verdicts = text.split('\n').map((line, index) => [line.trim(), cliLines.has(index + 1), editorLines.has(index + 1)] as const);
    expect(verdicts.filter(([, byCli, byEditor]) => byCli !== byEditor)).toEqual([]);
    // And both refuse what they should: the values the issue named, and the others.
    const refused = verdicts.filter(([, byCli]) => byCli).map(([line]) => line);
    expect(refused).toEqual([
      '- { id: a, sales_cycle_days: 0 }',
      '- { id: c, sales_cycle_days: -3 }',
      '- { id: Enterprise Accounts }',
      'clawback: { months: 1.5 }',
      'comission: []',
      '- { metric: m, rate: "800%" }',
      '- { metric: m, rate: "-5%" }',
      '- { metric: m, rate: "100.5%" }',
      '- { metric: m, rate: "%" }',
      '- { metric: m, rate: "-0.5%" }',
      '- { metric: m, rate: "eight" }',
      '- { metric: m, rate: "0.08" }',
      '- { metric: m, rate: 8 }',
      '- { metric: m, rate: 1.01 }',
      '- { metric: m, rate: -0.1 }',
    ]);
  });
});
