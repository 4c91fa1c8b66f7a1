import { describe, expect, it } from 'vitest';
import { applyTextEdits } from '../../src/engine/edits.js';
import { lint } from '../../src/index.js';
import { policyText, testRule } from '../../src/testing/index.js';
import { salesPlan } from './fragments.js';

// The base policy: enterprise deals of 120,000 over 210 days (7 months), smb deals of 8,000 over 21 days.
const RULE = 'rational-choice';

/** Plan ae-2026: OTE 240,000 at 50% variable on one 1,200,000 quota on all new-arr (base rate 10%), threshold 50%, 1.5× above quota. */
const QUOTA_PLAN = `compensation:
  - id: ae-2026
    ote: 240000
    variable_share: 0.5
    quotas:
      - { metric: new-arr, amount: 1200000 }
    curve:
      threshold: 0.5
      tiers: [{ from: 1, multiplier: 1.5 }]
`;

/** SMB deals of 12,000 that close in 14 days: 25,714 of bookings per month of effort, against 17,143 for enterprise. */
const FAST_SMB = 'segments:\n  - { id: smb, sales_cycle_days: 14, avg_deal_size: 12000 }\n';

/** A Q2 SPIFF of 2,000 a small-business deal: in the year from the announcement (2026-03-02) it pays on 91 days of 365. */
const SPIFF = '    spiffs:\n      - { segment: smb, amount: 2000, start: 2026-04-01, end: 2026-06-30 }\n';

describe('rational-choice', () => {
  it('fires on the quota when a deprioritized segment pays most per month of effort at some level', () =>
    testRule(RULE, {
      invalid: [
        {
          // At 100%: smb 100 deals × 14/30 months = 46.7 months for 120,000 (2,571 a month); enterprise 10 deals × 7 = 70 months (1,714). 2,571 ÷ 1,714 = 1.5.
          policy: FAST_SMB + QUOTA_PLAN,
          errors: [
            {
              at: 'compensation.0.quotas.0',
              message:
                "At 50%, 100%, 150% and 200% of quota, plan ae-2026 pays most per month of effort for smb, which the strategy deprioritizes (2,571 per month against 1,714 for enterprise): the rational choice is not the strategy's.",
              fix: 'add - { segment: enterprise, multiplier: 1.5 } to the credit of plan ae-2026, so that smb no longer pays most per month of effort at any level; or pay smb outside the quota, at a rate of its own',
            },
          ],
        },
      ],
    }));

  it('counts a SPIFF on the deals within its dates, in the year from the announcement: it can make the deprioritized choice win', () =>
    testRule(RULE, {
      valid: [
        {
          name: 'a SPIFF that ended before the year',
          policy: QUOTA_PLAN + SPIFF.replace('2026-04-01, end: 2026-06-30', '2025-04-01, end: 2025-06-30'),
        },
        { name: 'no SPIFF', policy: QUOTA_PLAN },
      ],
      invalid: [
        {
          // At 100%: smb 150 deals over 105 months pay 120,000 + 150 × 2,000 × 91/365 = 194,795 (1,855 a month); enterprise 1,714.
          // At 200% enterprise's accelerator wins.
          policy: QUOTA_PLAN + SPIFF,
          errors: [
            {
              at: 'compensation.0.quotas.0',
              message:
                "At 50%, 100% and 150% of quota, plan ae-2026 pays most per month of effort for smb, which the strategy deprioritizes (1,855 per month against 1,714 for enterprise): the rational choice is not the strategy's.",
              fix: 'add - { segment: enterprise, multiplier: 1.09 } to the credit of plan ae-2026, so that smb no longer pays most per month of effort at any level; or pay smb outside the quota, at a rate of its own',
            },
          ],
        },
      ],
    }));

  it('stays silent when the favored segment pays most', () =>
    testRule(RULE, {
      valid: [
        {
          name: 'quota on enterprise, smb at a low flat rate',
          policy: `${FAST_SMB}compensation:
  - id: ae-2026
    ote: 240000
    variable_share: 0.5
    quotas:
      - { metric: new-arr, segment: enterprise, amount: 1200000 }
    commission:
      - { metric: new-arr, segment: smb, rate: "3%" }
`,
        },
      ],
    }));

  // One defect, one finding: on a flat-rate plan the line-by-line rules report the line that pays the
  // deprioritized choice, and this rule leaves it to them; alone, it reports the plan simulate calls misaligned.
  it('reports a flat-rate plan on the line that pays the deprioritized choice, and leaves it to flat-commission when that rule reports it', async () => {
    const policy = policyText({ policy: salesPlan('4%', '8%') });
    const rules = (off: string[]) => Object.fromEntries(off.map((rule) => [rule, 'off' as const]));
    const run = async (off: string[]) =>
      (
        await lint({ files: [{ path: 'policy.yaml', text: policy }] }, { config: false, today: '2026-06-01', rules: rules(off) })
      ).findings.map((finding) => [finding.rule, finding.path.join('.')]);
    expect(await run([])).toContainEqual(['flat-commission', 'compensation.0.commission.1']);
    expect((await run([])).filter(([rule]) => rule === RULE)).toEqual([]);
    expect((await run(['effort-adjusted-pay', 'flat-commission'])).filter(([rule]) => rule === RULE)).toEqual([
      [RULE, 'compensation.0.commission.1'],
    ]);
  });
});

// A fix that is a concrete change must make its own finding go away (issue 22, item 6): the credit
// rational-choice proposes is priced through the same simulation before it is proposed, and named
// so that it does not reach the deprioritized choice too.
describe('rational-choice, its fix applied', () => {
  // Direct and partner deals book the same metrics; the strategy favors new-arr and deprioritizes
  // the partner channel, whose deals close in two weeks. The old fix credited new-arr, which partner
  // deals book too: both channels alike, and the partner channel still paid most.
  const CHANNELS = `version: 1
strategy:
  name: Direct growth
  announced: 2026-03-02
  priorities:
    - id: direct-growth
      favor: { metrics: [new-arr] }
      deprioritize: { segments: [partner] }
segments:
  - { id: direct, sales_cycle_days: 120, avg_deal_size: 60000 }
  - { id: partner, sales_cycle_days: 14, avg_deal_size: 12000 }
teams:
  - { id: sales, kind: revenue, customer_facing: true }
metrics:
  - { id: new-arr, type: outcome, perspective: financial, segmented: true }
  - { id: expansion-arr, type: outcome, perspective: financial, segmented: true }
compensation:
  - id: ae-2026
    team: sales
    effective: 2026-01-01
    rationale: One quota on every new dollar, one on expansion.
    ote: 200000
    variable_share: 0.5
    quotas:
      - { metric: new-arr, amount: 1000000, weight: 0.5 }
      - { metric: expansion-arr, amount: 500000, weight: 0.5 }
    curve:
      threshold: 0.5
      tiers: [{ from: 1, multiplier: 1.5 }]
    clawback: { months: 6 }
`;
  const lintText = async (text: string) =>
    (await lint({ files: [{ path: 'policy.yaml', text }] }, { config: false, today: '2026-06-01' })).findings.filter(
      (finding) => finding.rule === RULE,
    );

  it('credits the favored choice, not the metric both channels book, and applying the edit removes the finding', async () => {
    const [finding] = await lintText(CHANNELS);
    expect(finding?.message).toMatch(/pays most per month of effort for expansion-arr in partner, which the strategy deprioritizes/);
    // A credit on new-arr alone would raise partner deals as much as direct ones: the fix names the direct segment.
    expect(finding!.fix).toMatch(
      /^add - \{ metric: new-arr, segment: direct, multiplier: [\d.]+ \} to the credit of plan ae-2026, so that partner no longer pays most per month of effort at any level; or pay partner outside the quota, at a rate of its own$/,
    );
    expect(finding!.edits).toHaveLength(1);
    const { text } = applyTextEdits(CHANNELS, finding!.edits!);
    expect(text).toMatch(/credit: \[\{ metric: new-arr, segment: direct, multiplier: [\d.]+ \}\]/);
    expect(await lintText(text)).toEqual([]);
  });

  it('where the written change is the credit on the metric alone, the finding stays: the class the fix avoids', async () => {
    const [finding] = await lintText(CHANNELS);
    const multiplier = /multiplier: ([\d.]+)/.exec(finding!.fix)![1];
    const both = CHANNELS.replace(
      '    clawback: { months: 6 }\n',
      `    clawback: { months: 6 }\n    credit: [{ metric: new-arr, multiplier: ${multiplier} }]\n`,
    );
    expect(both).not.toBe(CHANNELS);
    expect(await lintText(both)).toHaveLength(1);
  });

  it('applies the quota-plan credit to the bad example and the finding goes away', async () => {
    const text = policyText({ policy: `${FAST_SMB}${QUOTA_PLAN}` });
    const [finding] = await lintText(text);
    expect(finding!.fix).toMatch(/^add - \{ segment: enterprise, multiplier: [\d.]+ \}/);
    expect(await lintText(applyTextEdits(text, finding!.edits!).text)).toEqual([]);
  });
});
