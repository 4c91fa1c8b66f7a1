/**
 * The shared-incentive and balanced-measurement rules on the example policies: silent on the aligned
 * company, and reporting what each seed scenario is about, on the instrument or team it is about.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { EXAMPLES, runCli } from '../helpers.js';

const RULES = new Set([
  'siloed-handoff',
  'shared-portion-range',
  'no-retention-guard',
  'vanity-metric',
  'speed-without-quality',
  'unbalanced-scorecard',
  'individual-only',
  'unrecognized-team',
  'expired-waiver',
]);

interface JsonFinding {
  rule: string;
  severity: string;
  path: (string | number)[];
}

/** Each finding of these rules as "rule severity subject": the id of the object it points into (and a handoff's target). */
function reported(example: string): string[] {
  const file = path.join(EXAMPLES, example);
  const run = runCli([file, '--format', 'json', '--today', '2026-11-23']);
  expect(run.stderr).toBe('');
  const document = parse(fs.readFileSync(file, 'utf8')) as unknown;
  const { findings } = JSON.parse(run.stdout) as { findings: JsonFinding[] };
  return findings
    .filter((finding) => RULES.has(finding.rule))
    .map((finding) => `${finding.rule} ${finding.severity} ${subject(document, finding.path)}`);
}

function subject(document: unknown, at: readonly (string | number)[]): string {
  let node = document as Record<string | number, unknown> | undefined;
  let owner = '?';
  for (const segment of at) {
    if (typeof node?.id === 'string') owner = node.id;
    node = node?.[segment] as Record<string | number, unknown> | undefined;
  }
  if (typeof node === 'object' && node !== null && typeof node.id === 'string') owner = node.id;
  return at.includes('hands_off_to') ? `${owner}→${String(node)}` : owner;
}

describe('shared-incentive and balanced-measurement rules on the examples', () => {
  it('are silent on examples/aligned.yaml', () => {
    expect(reported('aligned.yaml')).toEqual([]);
  });

  it('report the siloed sales handoffs, the shared portions and the vanity metric in examples/shared-incentives.yaml', () => {
    expect(reported('shared-incentives.yaml').sort()).toEqual(
      [
        'siloed-handoff warning sales→implementation',
        // sales→customer-success, paid on net retention, is no-retention-guard's: the commission has no clawback or deferral.
        'no-retention-guard warning ae-2026',
        'shared-portion-range warning product-2026',
        'shared-portion-range warning marketing-2026',
        'vanity-metric warning marketing-2026',
        'vanity-metric warning marketing-2026',
      ].sort(),
    );
  });

  it('report speed without quality, the siloed warehouse-to-finance handoff, a one-sided scorecard and a forgotten team in examples/non-revenue-teams.yaml', () => {
    expect(reported('non-revenue-teams.yaml').sort()).toEqual(
      [
        'siloed-handoff warning operations→finance',
        'speed-without-quality warning support-2026',
        'unbalanced-scorecard info it-2026-h1',
        'unrecognized-team info hr',
      ].sort(),
    );
  });
});
