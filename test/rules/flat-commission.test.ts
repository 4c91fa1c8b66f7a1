import { describe, it } from 'vitest';
import { policyText, remove, set, testRule } from '../../src/testing/index.js';
import { commissionPlan, salesPlan, quotaPlan } from './fragments.js';

const RULE = 'flat-commission';
const FAVORS = 'the strategy favors enterprise, but this commission does not make the trade-off.';

describe('flat-commission', () => {
  it('fires on the smb line when enterprise pays the same rate', () =>
    testRule(RULE, {
      invalid: [
        {
          policy: salesPlan('8%', '8%'),
          errors: [
            {
              at: 'compensation.0.commission.1',
              message: `Plan ae-2026 pays smb 8% on new-arr, against 8% for enterprise (1×): ${FAVORS}`,
              fix: 'raise enterprise to at least 16% (2 × smb 8%), or lower smb to at most 4%',
              editSafety: 'suggestion',
            },
          ],
          // The fix's first half, a decision for a person: raise the favored rate to the ratio.
          output: policyText({ policy: salesPlan('8%', '8%') }).replace(
            'segment: enterprise, rate: 8%',
            'segment: enterprise, rate: "16%"',
          ),
        },
      ],
    }));

  it('stays silent at exactly min_ratio (16% vs 8%) and fires just below it', () =>
    testRule(RULE, {
      valid: [{ policy: salesPlan('16%', '8%') }],
      invalid: [
        {
          policy: salesPlan('15.9%', '8%'),
          errors: [
            {
              at: 'compensation.0.commission.1',
              message: `Plan ae-2026 pays smb 8% on new-arr, against 15.9% for enterprise (1.98×): ${FAVORS}`,
              fix: 'raise enterprise to at least 16% (2 × smb 8%), or lower smb to at most 7.95%',
            },
          ],
        },
      ],
    }));
});

describe('flat-commission, more cases', () => {
  it('honours min_ratio from the configuration: 3× makes 16% vs 8% fire', () =>
    testRule(RULE, {
      invalid: [
        {
          policy: commissionPlan('{ metric: new-arr, segment: enterprise, rate: 0.16 }', '{ metric: new-arr, segment: smb, rate: 0.08 }'),
          options: { min_ratio: 3 },
          errors: [
            {
              at: 'compensation.0.commission.1',
              message: `Plan ae-2026 pays smb 8% on new-arr, against 16% for enterprise (2×): ${FAVORS}`,
              fix: 'raise enterprise to at least 24% (3 × smb 8%), or lower smb to at most 5.33%',
            },
          ],
        },
      ],
    }));

  it('compares lines of the same metric only, ignores segments the strategy does not rank, and checks every plan separately', () =>
    testRule(RULE, {
      valid: [
        {
          name: 'different metrics; an unranked segment',
          policy: {
            segments: [{ id: 'mid-market' }],
            ...commissionPlanData([
              { metric: 'enterprise-arr', segment: 'enterprise', rate: '10%' },
              { metric: 'new-arr', segment: 'smb', rate: '8%' },
              { metric: 'new-arr', segment: 'mid-market', rate: '8%' },
            ]),
          },
        },
        {
          name: 'two plans',
          policy: `compensation:
  - id: ae-2026
    team: sales
    commission:
      - { metric: new-arr, segment: enterprise, rate: "20%" }
  - id: smb-desk
    team: sales
    commission:
      - { metric: new-arr, segment: smb, rate: "15%" }
`,
        },
      ],
    }));
});

describe('flat-commission, whatever the order of the lines', () => {
  it('compares with the lowest favored segment id when two favored segments pay the same least rate', () => {
    const lines = [
      '{ metric: new-arr, segment: mid-market, rate: "8%" }',
      '{ metric: new-arr, segment: enterprise, rate: "8%" }',
      '{ metric: new-arr, segment: smb, rate: "6%" }',
    ];
    const twoFavored = [set('strategy.priorities.0.favor.segments', ['mid-market', 'enterprise']), set('segments.2', { id: 'mid-market' })];
    const finding = {
      message: `Plan ae-2026 pays smb 6% on new-arr, against 8% for enterprise (1.33×): ${FAVORS}`,
      fix: 'raise enterprise to at least 12% (2 × smb 6%), or lower smb to at most 4%',
    };
    return testRule(RULE, {
      invalid: [
        {
          name: 'smb last',
          policy: commissionPlan(...lines),
          edits: twoFavored,
          errors: [{ at: 'compensation.0.commission.2', ...finding }],
        },
        {
          name: 'smb first',
          policy: commissionPlan(...[...lines].reverse()),
          edits: twoFavored,
          errors: [{ at: 'compensation.0.commission.0', ...finding }],
        },
      ],
    });
  });
});

describe('flat-commission, a line that names no segment', () => {
  it('fires on one rate for every segment: the same commission for SMB deals as enterprise deals', () =>
    testRule(RULE, {
      invalid: [
        {
          policy: commissionPlan('{ metric: new-arr, rate: "8%" }'),
          errors: [
            {
              at: 'compensation.0.commission.0',
              message: `Plan ae-2026 pays 8% on new-arr whatever the segment (this line names none), so smb earns as much as enterprise: ${FAVORS}`,
              fix: 'name the segments on separate lines, such as { metric: new-arr, segment: enterprise, rate: "16%" } and { metric: new-arr, segment: smb, rate: "8%" }',
            },
          ],
        },
      ],
    }));

  it('lets it pay the segments without a line of their own: silent when the favored line pays 2 × that', () =>
    testRule(RULE, {
      valid: [{ policy: commissionPlan('{ metric: new-arr, segment: enterprise, rate: "16%" }', '{ metric: new-arr, rate: "8%" }') }],
    }));

  it('fires on it when it pays the deprioritized segment too much against the favored line', () =>
    testRule(RULE, {
      invalid: [
        {
          policy: commissionPlan('{ metric: new-arr, segment: enterprise, rate: "10%" }', '{ metric: new-arr, rate: "8%" }'),
          errors: [
            {
              at: 'compensation.0.commission.1',
              message: `Plan ae-2026 pays 8% on new-arr whatever the segment (this line names none), so smb earns 8%, against 10% for enterprise: ${FAVORS}`,
              fix: 'add { metric: new-arr, segment: smb, rate: "5%" } (at most 5%), or raise enterprise to at least 16%',
              editSafety: 'suggestion',
            },
          ],
          // The fix's first way: a line of smb's own, added after the plan's last line at its indentation.
          output: policyText({
            policy: commissionPlan('{ metric: new-arr, segment: enterprise, rate: "10%" }', '{ metric: new-arr, rate: "8%" }'),
          }).replace(
            '{ metric: new-arr, rate: 8% }\n',
            '{ metric: new-arr, rate: 8% }\n      - { metric: new-arr, segment: smb, rate: "5%" }\n',
          ),
        },
      ],
    }));

  it('compares a deprioritized line with the rate it leaves the favored segment', () =>
    testRule(RULE, {
      invalid: [
        {
          policy: commissionPlan('{ metric: new-arr, segment: smb, rate: "8%" }', '{ metric: new-arr, rate: "8%" }'),
          errors: [
            {
              at: 'compensation.0.commission.0',
              message: `Plan ae-2026 pays smb 8% on new-arr, against 8% for enterprise (1×): ${FAVORS}`,
              fix: 'raise enterprise to at least 16% (2 × smb 8%), or lower smb to at most 4%',
            },
          ],
        },
      ],
    }));

  it('stays silent when the strategy does not rank segments both ways', () =>
    testRule(RULE, {
      valid: [
        { policy: commissionPlan('{ metric: new-arr, rate: "8%" }'), edits: [remove('strategy.priorities.0.deprioritize.segments')] },
      ],
    }));
});

describe('flat-commission, bounds in the fix', () => {
  it('rounds a bound toward what satisfies it, and never shows a ratio under min_ratio as min_ratio', () =>
    testRule(RULE, {
      valid: [{ name: 'following the fix silences the rule', policy: salesPlan('14.9%', '4.96%'), options: { min_ratio: 3 } }],
      invalid: [
        {
          policy: salesPlan('9.99%', '5%'),
          errors: [
            {
              at: 'compensation.0.commission.1',
              message: `Plan ae-2026 pays smb 5% on new-arr, against 9.99% for enterprise (1.99×): ${FAVORS}`,
              fix: 'raise enterprise to at least 10% (2 × smb 5%), or lower smb to at most 4.99%',
            },
          ],
        },
        {
          policy: salesPlan('14.9%', '5%'),
          options: { min_ratio: 3 },
          errors: [
            {
              at: 'compensation.0.commission.1',
              message: `Plan ae-2026 pays smb 5% on new-arr, against 14.9% for enterprise (2.98×): ${FAVORS}`,
              fix: 'raise enterprise to at least 15% (3 × smb 5%), or lower smb to at most 4.96%',
            },
          ],
        },
      ],
    }));

  it('on a quota plan, asks for quota credit on the favored segment rather than a second rate', () =>
    testRule(RULE, {
      invalid: [
        {
          policy: quotaPlan('new-arr', '[{ metric: new-arr }]'),
          errors: [
            {
              at: 'compensation.0.commission.0',
              message:
                'Plan ae-2026 pays 10% on new-arr whatever the segment (this line names none), so smb earns as much as enterprise: the strategy favors enterprise, but this commission does not make the trade-off.',
              fix: 'add credit: [{ segment: enterprise, multiplier: 2 }] to plan ae-2026, so that new-arr from enterprise counts 2× toward quota; or give enterprise a quota of its own',
            },
          ],
        },
      ],
    }));

  it("prices a segment's quota credit with its rate, as simulate does, and leaves a line on named accounts alone", () =>
    testRule(RULE, {
      valid: [
        {
          name: 'enterprise bookings credit 2x toward quota',
          policy: quotaPlan('new-arr', '[{ metric: new-arr }]', '    credit: [{ segment: enterprise, multiplier: 2 }]\n'),
        },
        {
          name: 'an account manager paid on the expansion of an assigned book',
          policy: `compensation:
  - id: am-2026
    team: sales
    commission: [{ metric: new-arr, rate: "10%", accounts: assigned book of 40 accounts }]
`,
        },
      ],
      invalid: [
        {
          name: 'a credit below what the strategy asks (1.5x against min_ratio 2)',
          policy: `compensation:
  - id: ae-2026
    team: sales
    commission:
      - { metric: new-arr, segment: enterprise, rate: "10%" }
      - { metric: new-arr, segment: smb, rate: "10%" }
    credit: [{ segment: enterprise, multiplier: 1.5 }]
`,
          errors: [
            {
              at: 'compensation.0.commission.1',
              message:
                'Plan ae-2026 pays smb 10% on new-arr, against 10% at 1.5× quota credit for enterprise (1.5×): the strategy favors enterprise, but this commission does not make the trade-off.',
              fix: 'raise enterprise to at least 13.34% (2 × smb 10%), or lower smb to at most 7.5%',
            },
          ],
        },
      ],
    }));

  it('reports a quota that counts a deprioritized segment in full when no rate can be told (no OTE), and honours excludes and credit', () => {
    const plan = (quota: string, extra = '') => `compensation:
  - id: ae-2026
    team: sales
    quotas: [${quota}]
${extra}`;
    return testRule(RULE, {
      valid: [
        { name: 'the channel left out of the quota', policy: plan('{ metric: new-arr, amount: 1000000, excludes: [smb] }') },
        {
          name: 'the channel credited at half',
          policy: plan('{ metric: new-arr, amount: 1000000 }', '    credit: [{ segment: smb, multiplier: 0.5 }]\n'),
        },
        {
          name: 'the favored segment credited 2x',
          policy: plan('{ metric: new-arr, amount: 1000000 }', '    credit: [{ segment: enterprise, multiplier: 2 }]\n'),
        },
        {
          name: 'a priced quota that excludes the channel',
          policy: quotaPlan('new-arr', '[{ metric: new-arr }]').replace('amount: 1000000 }', 'amount: 1000000, excludes: [smb] }'),
        },
      ],
      invalid: [
        {
          policy: plan('{ metric: new-arr, amount: 1000000 }'),
          errors: [
            {
              at: 'compensation.0.quotas.0',
              message:
                'Plan ae-2026 counts smb bookings in full toward its quota on new-arr (no excludes, no lower credit), as it counts enterprise in full: the strategy favors enterprise, but the quota does not make the trade-off.',
              fix: 'add excludes: [smb] to the quota on new-arr, or credit smb below enterprise (credit: [{ segment: smb, multiplier: 0.5 }]), or credit enterprise 2×',
            },
          ],
        },
      ],
    });
  });
});

function commissionPlanData(lines: Record<string, unknown>[]) {
  return { compensation: [{ id: 'ae-2026', team: 'sales', commission: lines }] };
}
