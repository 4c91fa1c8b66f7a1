/**
 * The keys the held-out real systems needed (issue 22, item 4): `until`, a priority's `by`,
 * `segments`, `quality_measured_by` and `counts_only_good`, `ranked`, `per_unit`, `pool`, a quota's
 * `excludes` and `window`. A policy that uses them loads; each misuse stops the run (exit 2) at its
 * line and column with what to write instead; the JSON Schema editors use accepts and rejects the
 * same shapes; an undeclared id in a new key is an unknown reference.
 */
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { BASE_POLICY, findingsOf, lintText, runCli } from './helpers.js';
import { createAjv } from './json-schema.js';
import { expectUntrusted, LintBatch } from './bad-input/harness.js';

/** BASE_POLICY with more metrics and a priority deadline, then `sections`. */
function policy(...sections: string[]): string {
  return [
    BASE_POLICY.replace('      statement: Win enterprise accounts', '      statement: Win enterprise accounts\n      by: 2027-12-31'),
    '  - { id: units-installed, type: output, perspective: internal, quality_measured_by: redo-rate, window: { days: 7, every: year } }',
    '  - { id: redo-rate, type: quality, perspective: customer }',
    '  - { id: saleable-tons, type: output, perspective: internal, counts_only_good: true }',
    '  - { id: company-profit, type: outcome, perspective: financial }',
    '  - { id: checkout-shipped, type: output, perspective: internal, deliverable: true }',
    ...sections,
  ].join('\n');
}

/** A policy that uses every new key, correctly. */
const EVERY_KEY = policy(
  'compensation:',
  '  - id: ae-2026',
  '    team: sales',
  '    effective: 2026-01-01',
  '    until: 2026-12-31',
  '    ote: 200000',
  '    variable_share: 0.5',
  '    quotas:',
  '      - { metric: new-arr, amount: 1000000, excludes: [smb] }',
  '    commission:',
  '      - { metric: new-arr, segments: [enterprise, smb], rate: "10%" }',
  '      - { metric: units-installed, per_unit: 20 }',
  '  - id: profit-sharing',
  '    team: engineering',
  '    effective: 2026-01-01',
  '    pool:',
  '      funded_by: company-profit',
  '      share: "10%"',
  '      rating:',
  '        - { metric: units-installed, weight: 0.5 }',
  '        - { metric: redo-rate, weight: "50%" }',
  '      ranked: { within: team, top: "20%", bottom: "10%" }',
  '    bonus:',
  '      - { metric: saleable-tons, weight: 0.3, ranked: { within: company, top: "10%", bottom: "10%", bottom_outcome: exit } }',
  'okrs:',
  '  - id: sales-okrs',
  '    team: sales',
  '    effective: 2026-01-01',
  '    until: 2026-06-30',
  '    stakes: review',
  '    key_results:',
  '      - { metric: new-arr, segments: [enterprise], target: "+20%", window: { days: 14, every: quarter } }',
  'promotions:',
  '  - id: ladder',
  '    effective: 2026-01-01',
  '    until: 2027-01-01',
  '    criteria:',
  '      - { text: Top of the team on tons, metric: saleable-tons, ranked: { top: "20%" } }',
  'recognition:',
  '  - id: club',
  '    effective: 2026-01-01',
  '    until: 2026-12-31',
  '    awards:',
  '      - { text: President\'s Club, metric: new-arr, segments: [enterprise, smb], ranked: { within: company, top: "10%" } }',
  '',
);

/** "policy.yaml:L:C": the line holding `line` (its first occurrence) and the column where `at` starts in it. */
function where(text: string, line: string, at: string): string {
  const lines = text.split('\n');
  const index = lines.findIndex((candidate) => candidate.includes(line));
  if (index < 0) throw new Error(`no line holds ${line}`);
  const column = lines[index]!.indexOf(at, lines[index]!.indexOf(line));
  if (column < 0) throw new Error(`${at} is not in line ${index + 1}`);
  return `policy.yaml:${index + 1}:${column + 1}`;
}

describe('a policy that uses every new key', () => {
  it('loads without an input error, and its keys reach the policy', async () => {
    const result = await lintText(EVERY_KEY);
    expect(result.diagnostics).toEqual([]);
  });

  it('names no undeclared id', async () => {
    expect(findingsOf(await lintText(EVERY_KEY), 'unknown-reference')).toEqual([]);
  });
});

interface Case {
  name: string;
  text: string;
  /** [the line's text, the text the column points at: the value, or the key where the key and its value are wrong together] */
  at: [string, string];
  message: string;
}

const instrument = (section: string, line: string) => policy(`${section}:`, line, '');

describe.concurrent('misuse of a new key stops the run at its place and says what to write', () => {
  const cases: Case[] = [
    ...(
      [
        ['compensation', '  - { id: p, effective: 2026-01-01, until: 2025-12-31, commission: [{ metric: new-arr, rate: 0.1 }] }'],
        ['okrs', '  - { id: p, effective: 2026-01-01, until: 2025-12-31, key_results: [] }'],
        ['promotions', '  - { id: p, effective: 2026-01-01, until: 2025-12-31, criteria: [] }'],
        ['recognition', '  - { id: p, effective: 2026-01-01, until: 2025-12-31, awards: [] }'],
      ] as const
    ).map(([section, line]) => ({
      name: `until before effective (${section})`,
      text: instrument(section, line),
      at: ['until: 2025', '2025'] as [string, string],
      message:
        'until (2025-12-31) is before effective (2026-01-01): the instrument would never be in force; write an until on or after 2026-01-01',
    })),
    {
      name: 'stakes that is not one of the three',
      text: instrument('okrs', '  - { id: p, stakes: bonus, key_results: [] }'),
      at: ['stakes:', 'bonus'],
      message: 'stakes: the text "bonus" is not one of pay, review, none',
    },
    {
      name: 'until that is not a date',
      text: instrument('okrs', '  - { id: p, until: end of year, key_results: [] }'),
      at: ['until:', 'end of'],
      message: 'until: "end of year" is not a date: write it YYYY-MM-DD, such as 2026-03-02',
    },
    {
      name: 'a deadline that is not a date',
      text: policy().replace('by: 2027-12-31', 'by: 2004'),
      at: ['by: 2004', '2004'],
      message: 'by: a date is written YYYY-MM-DD, such as 2026-03-02',
    },
    {
      name: 'a deadline in words',
      text: policy().replace('by: 2027-12-31', 'by: end of 2004'),
      at: ['by: end', 'end'],
      message: 'by: "end of 2004" is not a date: write it YYYY-MM-DD, such as 2026-03-02',
    },
    {
      name: 'a deadline before the announcement',
      text: policy().replace('by: 2027-12-31', 'by: 2025-12-31'),
      at: ['by: 2025', '2025'],
      message:
        'by: the deadline (by: 2025-12-31) is before the strategy is announced (2026-03-02): a priority cannot be due before it is announced; write a by on or after 2026-03-02',
    },
    {
      name: 'segment and segments on one line',
      text: instrument('compensation', '  - { id: p, commission: [{ metric: new-arr, segment: smb, segments: [enterprise], rate: 0.1 }] }'),
      at: ['segment: smb, segments: [enterprise]', 'segments'],
      message: 'segments: a line has segment or segments, not both: write segments: [smb, enterprise]',
    },
    {
      name: 'an empty segments list',
      text: instrument('okrs', '  - { id: p, key_results: [{ metric: new-arr, segments: [], target: 1 }] }'),
      at: ['segments: []', 'segments'],
      message: 'segments lists at least one segment id; to pay on every segment, remove segments',
    },
    {
      name: 'a segment listed twice',
      text: instrument('recognition', '  - { id: p, awards: [{ text: Club, segments: [smb, smb] }] }'),
      at: ['segments: [smb, smb]', 'smb]'],
      message: 'segments: smb is listed twice in segments: list each segment once',
    },
    {
      name: 'rate and per_unit on one line',
      text: instrument('compensation', '  - { id: p, commission: [{ metric: units-installed, rate: 0.1, per_unit: 20 }] }'),
      at: ['per_unit: 20', '20'],
      message:
        'per_unit: a commission line pays a rate (a share of what is booked) or per_unit (an amount for each unit counted), not both: keep the one the plan states',
    },
    {
      name: 'a per_unit of 0',
      text: instrument('compensation', '  - { id: p, commission: [{ metric: units-installed, per_unit: 0 }] }'),
      at: ['per_unit: 0', '0'],
      message: 'per_unit must be greater than 0, such as per_unit: 20',
    },
    {
      name: 'a per_unit written as text',
      text: instrument('compensation', '  - { id: p, commission: [{ metric: units-installed, per_unit: "$20" }] }'),
      at: ['per_unit:', '"$20"'],
      message: 'per_unit: $20 is written with a currency sign, and YAML reads it as text, not a number: write per_unit: 20',
    },
    {
      name: 'a count whose quality is measured by itself',
      text: policy().replace('quality_measured_by: redo-rate', 'quality_measured_by: units-installed'),
      at: ['quality_measured_by: units-installed', 'units-installed,'],
      message:
        'quality_measured_by names the metric itself: name the quality metric of the same units (such as redo-rate for units installed), or remove it',
    },
    {
      name: 'counts_only_good on a quality metric',
      text: policy().replace(
        '{ id: redo-rate, type: quality, perspective: customer }',
        '{ id: redo-rate, type: quality, perspective: customer, counts_only_good: true }',
      ),
      at: ['counts_only_good: true }', 'true }'],
      message:
        'counts_only_good is for a count of units (such as saleable tons), and this metric is the quality measure itself: remove it here, or put it on the count this metric guards',
    },
    {
      name: 'a ranking whose top and bottom exceed everyone',
      text: instrument('promotions', '  - { id: p, criteria: [{ text: Top, ranked: { top: "60%", bottom: "50%" } }] }'),
      at: ['bottom: "50%"', '"50%"'],
      message: 'bottom: top (60%) and bottom (50%) add up to more than 100% of the people ranked: make them add up to at most 100%',
    },
    {
      name: 'a ranking within something unknown',
      text: instrument('recognition', '  - { id: p, awards: [{ text: Top, ranked: { within: peers } }] }'),
      at: ['within: peers', 'peers'],
      message: 'within: the text "peers" is not one of team, company',
    },
    {
      name: 'an outcome for the bottom share without a bottom share',
      text: instrument(
        'compensation',
        '  - { id: p, bonus: [{ metric: new-arr, weight: 1, ranked: { top: "20%", bottom_outcome: exit } }] }',
      ),
      at: ['bottom_outcome: exit', 'exit'],
      message: 'bottom_outcome says what the bottom share gets: add bottom (such as bottom: "10%"), or remove bottom_outcome',
    },
    {
      name: 'a pool whose rating weights do not add up to 100%',
      text: instrument(
        'compensation',
        '  - { id: p, pool: { funded_by: company-profit, rating: [{ metric: units-installed, weight: 0.5 }, { metric: redo-rate, weight: 0.3 }] } }',
      ),
      at: ['rating: [', 'rating'],
      message:
        "rating: the rating's weights add up to 80%: make them add up to 1 (100%), each the share of the rating a component is worth",
    },
    {
      name: 'a pool without a rating',
      text: instrument('compensation', '  - { id: p, pool: { funded_by: company-profit, rating: [] } }'),
      at: ['rating: []', 'rating'],
      message: 'rating: a pool is split by a rating: list at least one component, such as - { metric: output, weight: 1 }',
    },
    {
      name: 'a pool that names no funding metric',
      text: instrument('compensation', '  - { id: p, pool: { rating: [{ metric: units-installed, weight: 1 }] } }'),
      at: ['pool: {', 'pool'],
      message: '"pool" has no "funded_by": add it',
    },
    {
      name: 'a quota on one segment that also excludes one',
      text: instrument('compensation', '  - { id: p, quotas: [{ metric: new-arr, amount: 100, segment: enterprise, excludes: [smb] }] }'),
      at: ['excludes: [smb]', 'excludes'],
      message:
        'excludes: a quota on segment enterprise already leaves every other segment out: remove excludes, or remove segment to count every segment but the excluded ones',
    },
    {
      name: 'an empty excludes list',
      text: instrument('compensation', '  - { id: p, quotas: [{ metric: new-arr, amount: 100, excludes: [] }] }'),
      at: ['excludes: []', 'excludes'],
      message: 'excludes lists at least one segment id; to count every segment, remove excludes',
    },
    {
      name: 'a window longer than its period',
      text: policy().replace('window: { days: 7, every: year }', 'window: { days: 8, every: week }'),
      at: ['days: 8', '8'],
      message: 'days: a window of 8 days is longer than a week (at most 7 days): write days: 7 or fewer, or a longer period in every',
    },
    {
      name: 'a window period written as an adjective',
      text: policy().replace('window: { days: 7, every: year }', 'window: { days: 7, every: annual }'),
      at: ['every: annual', 'annual'],
      message: 'every: the text "annual" is not one of week, month, quarter, half, year; write every: year',
    },
    {
      name: 'a window written as a number of days',
      text: policy().replace('window: { days: 7, every: year }', 'window: 7'),
      at: ['window: 7', '7'],
      message: 'window: expected a mapping of keys, found 7',
    },
  ];
  const batch = new LintBatch();
  for (const { name, text, at, message } of cases) {
    batch.it(name, { 'policy.yaml': text }, (run) => expectUntrusted(run, where(text, ...at), message));
  }
});

describe('an undeclared id in a new key is an unknown reference', () => {
  it.each([
    [
      'quality_measured_by',
      policy().replace('quality_measured_by: redo-rate', 'quality_measured_by: redo-rat'),
      'quality_measured_by: redo-rat',
      'redo-rat',
      'Unknown metric "redo-rat"',
    ],
    [
      'segments',
      instrument('okrs', '  - { id: p, key_results: [{ metric: new-arr, segments: [enterprise, mid-market], target: 1 }] }'),
      'segments: [enterprise, mid-market]',
      'mid-market',
      'Unknown segment "mid-market"',
    ],
    [
      'excludes',
      instrument(
        'compensation',
        '  - { id: p, quotas: [{ metric: new-arr, amount: 100, excludes: [partner] }], commission: [{ metric: new-arr, rate: 0.1 }] }',
      ),
      'excludes: [',
      'partner',
      'Unknown segment "partner"',
    ],
    [
      'pool.funded_by',
      instrument('compensation', '  - { id: p, pool: { funded_by: profit, rating: [{ metric: redo-rate, weight: 1 }] } }'),
      'funded_by: profit',
      'profit',
      'Unknown metric "profit"',
    ],
    [
      'pool.rating[].metric',
      instrument('compensation', '  - { id: p, pool: { funded_by: company-profit, rating: [{ metric: output, weight: 1 }] } }'),
      'metric: output',
      'output',
      'Unknown metric "output"',
    ],
  ])('%s', async (_key, text, line, at, message) => {
    const findings = findingsOf(await lintText(text), 'unknown-reference');
    const place = where(text, line, at).split(':');
    expect(findings.map(({ line, column, message }) => ({ line, column, message: message.split(';')[0] }))).toEqual([
      { line: Number(place[1]), column: Number(place[2]), message },
    ]);
  });
});

describe('the JSON Schema editors use', () => {
  const schema = JSON.parse(runCli(['schema']).stdout) as object;
  const validate = createAjv().compile(schema);
  const errorsOf = (text: string) => {
    validate(parse(text));
    return (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message}`);
  };

  it('accepts a policy that uses every new key', () => {
    expect(errorsOf(EVERY_KEY)).toEqual([]);
  });

  it('rejects the misuses it can see: exclusive pairs, bad enums, dates, windows and shares', () => {
    const errors = errorsOf(
      policy(
        'compensation:',
        '  - id: p',
        '    until: end of year',
        '    commission:',
        '      - { metric: new-arr, segment: smb, segments: [enterprise], rate: 0.1, per_unit: 20 }',
        '    quotas:',
        '      - { metric: new-arr, amount: 100, segment: smb, excludes: [enterprise] }',
        '    pool: { funded_by: company-profit, rating: [], ranked: { within: peers, top: 2 } }',
        'okrs:',
        '  - { id: o, key_results: [{ metric: new-arr, segments: [], window: { days: 0, every: annual } }] }',
        '',
      ).replace('by: 2027-12-31', 'by: soon'),
    );
    expect(errors).toEqual(
      expect.arrayContaining([
        '/strategy/priorities/0/by must match format "date"',
        '/compensation/0/until must match format "date"',
        '/compensation/0/commission/0 must NOT be valid',
        '/compensation/0/quotas/0 must NOT be valid',
        '/compensation/0/pool/rating must NOT have fewer than 1 items',
        '/compensation/0/pool/ranked/within must be equal to one of the allowed values',
        '/compensation/0/pool/ranked/top must be <= 1',
        '/okrs/0/key_results/0/segments must NOT have fewer than 1 items',
        '/okrs/0/key_results/0/window/days must be > 0',
        '/okrs/0/key_results/0/window/every must be equal to one of the allowed values',
      ]),
    );
    // Two pairs on the commission line: segment with segments, and rate with per_unit.
    expect(errors.filter((error) => error === '/compensation/0/commission/0 must NOT be valid')).toHaveLength(2);
  });

  it('accepts one of each exclusive pair alone', () => {
    expect(
      errorsOf(
        policy(
          'compensation:',
          '  - id: p',
          '    commission: [{ metric: new-arr, segment: smb, rate: 0.1 }, { metric: new-arr, segments: [enterprise], per_unit: 20 }]',
          '    quotas: [{ metric: new-arr, amount: 100, segment: smb }, { metric: new-arr, amount: 100, excludes: [smb] }]',
          '',
        ),
      ),
    ).toEqual([]);
  });
});
