/**
 * testRule itself: it passes a correct rule, and fails — naming the case — on every way a rule test
 * used to pass wrongly: a rule that throws, a finding at another place, a missing or extra finding,
 * a policy that does not load, an edit that changes nothing, options the rule rejects.
 */
import { describe, expect, it } from 'vitest';
import { defineRule, z } from '../src/api.js';
import { applyEdits, BASE_POLICY, mergeFragment, policyText, remove, set, testRule } from '../src/testing/index.js';

/** The rule of the README's plugin section, as written there. */
const noSpiffOnSmb = defineRule({
  meta: {
    id: 'acme/no-spiff-on-smb',
    category: 'strategic-alignment',
    severity: 'error',
    summary: 'A SPIFF pays on a segment the strategy deprioritizes',
    rationale: 'A sales contest is the loudest incentive there is.',
    source: 'Acme revenue-ops policy',
    options: z.object({ id_prefix: z.string().default('spiff-') }),
  },
  check({ index, strategy, options, report }) {
    for (const plan of index.instruments.filter((i) => i.lever === 'compensation' && i.id.startsWith(options.id_prefix)))
      for (const reward of index.rewardsOf(plan))
        if (strategy.isDeprioritizedSegment(reward.segment))
          report({ node: reward.node, message: `SPIFF ${plan.id} pays on ${reward.segment}`, fix: 'run it on a favored segment' });
  },
});

const spiff = (segment: string) => `compensation:
  - id: spiff-q3
    commission:
      - { metric: new-arr, segment: ${segment}, rate: "5%" }`;

const FINDING = { message: 'SPIFF spiff-q3 pays on smb', fix: 'run it on a favored segment' };

describe('testRule', () => {
  it('passes the README example', () =>
    testRule(noSpiffOnSmb, {
      valid: [
        spiff('enterprise'),
        { name: 'another prefix', policy: spiff('smb'), options: { id_prefix: 'contest-' } },
        { name: 'smb no longer deprioritized', policy: spiff('smb'), edits: [remove('strategy.priorities.0.deprioritize.segments')] },
      ],
      invalid: [
        { policy: spiff('smb'), errors: [{ at: 'compensation.0.commission.0', ...FINDING }] },
        { name: 'by line and column', policy: spiff('smb'), errors: [{ line: 25, column: 9, ...FINDING }] },
      ],
    }));

  it('fails every case of a rule that throws, the valid ones included', async () => {
    const throwing = defineRule({
      ...noSpiffOnSmb,
      check: () => {
        throw new Error('boom');
      },
    });
    const failure = testRule(throwing, {
      valid: [spiff('enterprise')],
      invalid: [{ policy: spiff('smb'), errors: [{ at: 'compensation.0.commission.0', ...FINDING }] }],
    });
    await expect(failure).rejects.toThrow(
      /2 of 2 cases failed[\s\S]*valid\[0\]: the run has diagnostics:\n {2}rule acme\/no-spiff-on-smb failed: boom/,
    );
  });

  it('fails a case whose finding is elsewhere, missing, extra or worded otherwise', async () => {
    const cases = [
      { errors: [{ at: 'compensation.0', ...FINDING }] },
      { errors: [{ at: 'compensation.0.commission.0', ...FINDING, fix: 'another fix' }] },
      {
        errors: [
          { at: 'compensation.0.commission.0', ...FINDING },
          { at: 'compensation.0.commission.0', ...FINDING },
        ],
      },
    ];
    for (const { errors } of cases)
      await expect(testRule(noSpiffOnSmb, { invalid: [{ policy: spiff('smb'), errors }] })).rejects.toThrow(/1 of 1 cases failed/);
    await expect(testRule(noSpiffOnSmb, { valid: [spiff('smb')] })).rejects.toThrow(/expected 0 findings, got 1/);
    await expect(testRule(noSpiffOnSmb, { invalid: [{ policy: spiff('smb'), errors: [] }] })).rejects.toThrow(/errors is empty/);
  });

  it('fails a case whose policy does not load, whose edit changes nothing, whose options are rejected, or whose expected path names nothing', async () => {
    await expect(testRule(noSpiffOnSmb, { valid: [`${spiff('smb')}\nsegments: []\nsegments: []`] })).rejects.toThrow(
      /does not parse|the policy could not be built|does not load/,
    );
    await expect(
      testRule(noSpiffOnSmb, { valid: [{ policy: spiff('enterprise'), edits: [set('strategy.priorities.3.favor', {})] }] }),
    ).rejects.toThrow(/edit of strategy.priorities.3.favor: there is nothing at strategy.priorities.3/);
    await expect(
      testRule(noSpiffOnSmb, { valid: [{ policy: spiff('enterprise'), edits: [remove('strategy.name.first')] }] }),
    ).rejects.toThrow(/cannot delete/);
    await expect(testRule(noSpiffOnSmb, { valid: [{ policy: spiff('enterprise'), options: { id_prefix: 3 } }] })).rejects.toThrow(
      /options .* are invalid/,
    );
    await expect(
      testRule(noSpiffOnSmb, {
        valid: [{ text: 'version: 1\nstrategy: { priorities: [] }\ncompensation: [{ id: x, team: nobody-knows, typo: 1 }]\n' }],
      }),
    ).rejects.toThrow(/does not load/);
    await expect(
      testRule(noSpiffOnSmb, { invalid: [{ policy: spiff('smb'), errors: [{ at: 'compensation.0.commission.0.nope', ...FINDING }] }] }),
    ).rejects.toThrow(/names no node/);
    await expect(testRule('no-such-rule', { valid: [''] })).rejects.toThrow(/no built-in rule "no-such-rule"/);
  });
});

describe('the rule API before the strategy view', () => {
  it('still answers a plugin that reads the favored maps and is* queries on the index (deprecated)', () => {
    const legacy = defineRule({
      ...noSpiffOnSmb,
      check({ index, report }) {
        for (const reward of index.rewards) {
          if (!index.isDeprioritizedSegment(reward.segment)) continue;
          report({
            node: reward.node,
            message: `pays on ${reward.segment}`,
            fix: `pay on ${[...index.favoredSegments.keys()].join(' or ')}`,
          });
        }
      },
    });
    return testRule(legacy, {
      invalid: [
        { policy: spiff('smb'), errors: [{ at: 'compensation.0.commission.0', message: 'pays on smb', fix: 'pay on enterprise' }] },
      ],
    });
  });
});

describe('policy fragments', () => {
  it('merge onto the base policy: lists by id (replace once, else append), strategy key by key', () => {
    const merged = mergeFragment({
      strategy: { announced: '2026-04-01' },
      segments: [{ id: 'smb', sales_cycle_days: 30 }, { id: 'mid-market' }, { id: 'smb' }],
      organization: 'Other Co',
    });
    expect(merged.organization).toBe('Other Co');
    expect(merged.strategy).toMatchObject({ name: 'Enterprise-first', announced: '2026-04-01', priorities: [{ id: 'enterprise-growth' }] });
    expect(merged.segments).toEqual([
      { id: 'enterprise', sales_cycle_days: 210, avg_deal_size: 120000 },
      { id: 'smb', sales_cycle_days: 30 },
      { id: 'mid-market' },
      { id: 'smb' },
    ]);
  });

  it("edits insert a copy of their value: cases that share an edit do not see each other's later edits inside it", () => {
    const plan = set('compensation', [{ id: 'ae-2026', team: 'sales', bonus: [{ metric: 'new-arr', weight: 1 }] }]);
    const renamed = applyEdits(mergeFragment(), [plan, set('compensation.0.id', 'ae-2027')]);
    const shared = applyEdits(mergeFragment(), [plan]);
    expect((renamed.compensation as { id: string }[])[0]!.id).toBe('ae-2027');
    expect((shared.compensation as { id: string }[])[0]!.id).toBe('ae-2026');
  });

  it('render the base policy as it is documented, line for line', () => {
    expect(policyText({}).replace(/\[ | \]/g, (bracket) => bracket.trim())).toBe(BASE_POLICY);
  });
});

it('is exported as incentive-lint/testing', async () => {
  const testing = await import('incentive-lint/testing');
  expect(typeof testing.testRule).toBe('function');
});

describe("testRule output (the edited policy, as ESLint's RuleTester asserts)", () => {
  /** The README's rule with a fix: move the SPIFF to the favored segment. */
  const movesToEnterprise = defineRule({
    ...noSpiffOnSmb,
    check({ index, strategy, report }) {
      for (const plan of index.instruments.filter((i) => i.lever === 'compensation'))
        for (const reward of index.rewardsOf(plan))
          if (strategy.isDeprioritizedSegment(reward.segment))
            report({
              node: reward.node,
              message: `SPIFF ${plan.id} pays on ${reward.segment}`,
              fix: 'run it on a favored segment',
              edits: [{ set: { node: reward.node, key: 'segment', value: 'enterprise' }, safety: 'suggestion' }],
            });
    },
  });
  const before = policyText({ policy: spiff('smb') });
  const after = before.replace('segment: smb', 'segment: enterprise');

  it('passes when output is the text after the edits, comments and layout kept', async () => {
    const text = `${BASE_POLICY}compensation:\n  # the Q3 contest\n  - id: spiff-q3\n    commission:\n      - { metric: new-arr,   segment: smb, rate: "5%" }   # aligned\n`;
    await testRule(movesToEnterprise, {
      invalid: [
        { policy: spiff('smb'), errors: [{ at: 'compensation.0.commission.0', ...FINDING, editSafety: 'suggestion' }], output: after },
        { text, errors: [{ at: 'compensation.0.commission.0', ...FINDING }], output: text.replace('segment: smb', 'segment: enterprise') },
      ],
    });
  });

  it('fails a wrong output, output: null on a fix, an output where there is no fix, and the wrong safety', async () => {
    const errors = [{ at: 'compensation.0.commission.0', ...FINDING }] as const;
    await expect(testRule(movesToEnterprise, { invalid: [{ policy: spiff('smb'), errors, output: before }] })).rejects.toThrow(
      /the text after the edits differs from output, first at line 25/,
    );
    await expect(testRule(movesToEnterprise, { invalid: [{ policy: spiff('smb'), errors, output: null }] })).rejects.toThrow(
      /output is null, but the findings carry edits/,
    );
    await expect(testRule(noSpiffOnSmb, { invalid: [{ policy: spiff('smb'), errors, output: after }] })).rejects.toThrow(
      /the findings carry no edits/,
    );
    await testRule(noSpiffOnSmb, { invalid: [{ policy: spiff('smb'), errors: [{ ...errors[0], editSafety: 'none' }], output: null }] });
    await expect(
      testRule(movesToEnterprise, { invalid: [{ policy: spiff('smb'), errors: [{ ...errors[0], editSafety: 'safe' }] }] }),
    ).rejects.toThrow(/"editSafety": "suggestion"/);
  });

  it('fails an edit whose text does not load, whatever output says', async () => {
    const breaks = defineRule({
      ...noSpiffOnSmb,
      check({ policy, report }) {
        const line = policy.compensation[0]!.commission![0]!;
        report({
          node: line,
          message: 'x',
          fix: 'y',
          edits: [{ set: { node: line, key: 'rate', value: { not: 'a rate' } }, safety: 'safe' }],
        });
      },
    });
    const broken = before.replace('rate: "5%"', 'rate: { not: a rate }');
    await expect(
      testRule(breaks, {
        invalid: [{ policy: spiff('smb'), errors: [{ at: 'compensation.0.commission.0', message: 'x', fix: 'y' }], output: broken }],
      }),
    ).rejects.toThrow(/the text after the edits does not load:\n.*policy\.yaml:25:/);
  });
});

describe('message ids (meta.messages, report({ messageId, data }))', () => {
  const worded = defineRule({
    ...noSpiffOnSmb,
    meta: { ...noSpiffOnSmb.meta, messages: { onSegment: 'SPIFF {{plan}} pays on {{ segment }}' } },
    check({ index, strategy, report }) {
      for (const plan of index.instruments.filter((i) => i.lever === 'compensation'))
        for (const reward of index.rewardsOf(plan))
          if (strategy.isDeprioritizedSegment(reward.segment))
            report({
              node: reward.node,
              messageId: 'onSegment',
              data: { plan: plan.id, segment: reward.segment! },
              fix: 'run it on a favored segment',
            });
    },
  });
  const at = 'compensation.0.commission.0';

  it('fills the message from its template, and a case asserts it by text or by id and data (fix then optional)', async () => {
    await testRule(worded, {
      invalid: [
        { policy: spiff('smb'), errors: [{ at, ...FINDING }] },
        { policy: spiff('smb'), errors: [{ at, messageId: 'onSegment', data: { segment: 'smb', plan: 'spiff-q3' } }] },
        { policy: spiff('smb'), errors: [{ at, messageId: 'onSegment', data: { plan: 'spiff-q3', segment: 'smb' }, fix: FINDING.fix }] },
      ],
    });
  });

  it('fails other data, another or an undeclared id, and a message expected of a rule that gave an id', async () => {
    const fails = (error: object) => testRule(worded, { invalid: [{ policy: spiff('smb'), errors: [{ at, ...error } as never] }] });
    await expect(fails({ messageId: 'onSegment', data: { plan: 'spiff-q3', segment: 'enterprise' } })).rejects.toThrow(
      /the findings differ/,
    );
    await expect(fails({ messageId: 'onSegment', data: { plan: 'spiff-q3', segment: 'smb' }, fix: 'another fix' })).rejects.toThrow(
      /the findings differ/,
    );
    await expect(fails({ messageId: 'offSegment', data: {} })).rejects.toThrow(
      /the expected messageId "offSegment" is not declared in the rule's meta.messages \(onSegment\)/,
    );
    await expect(testRule(noSpiffOnSmb, { invalid: [{ policy: spiff('smb'), errors: [{ at, messageId: 'onSegment' }] }] })).rejects.toThrow(
      /\(it declares none\)/,
    );
  });

  it('makes a report with an undeclared id, a placeholder without data, or both a message and an id a failure of the rule', async () => {
    const reporting = (descriptor: object) =>
      defineRule({ ...worded, check: ({ policy, report }) => report({ node: policy.compensation[0]!, fix: 'y', ...descriptor } as never) });
    const run = (descriptor: object) => testRule(reporting(descriptor), { valid: [spiff('smb')] });
    await expect(run({ messageId: 'nope' })).rejects.toThrow(
      /report\(\) names messageId "nope", which meta.messages does not declare \(it declares onSegment\)/,
    );
    await expect(run({ messageId: 'onSegment', data: { plan: 'spiff-q3' } })).rejects.toThrow(
      /report\(\) gives no data.segment for the \{\{segment\}\} of messageId onSegment/,
    );
    await expect(run({ messageId: 'onSegment', message: 'x', data: { plan: 'a', segment: 'b' } })).rejects.toThrow(
      /gives both a message and a messageId/,
    );
  });

  it('defineRule refuses messages that are not texts', () => {
    expect(() => defineRule({ ...worded, meta: { ...worded.meta, messages: { onSegment: 3 as never } } })).toThrow(
      /meta.messages.onSegment must be a non-empty text/,
    );
  });
});
