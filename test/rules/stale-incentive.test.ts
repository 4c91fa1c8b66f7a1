import { describe, it } from 'vitest';
import { remove, set, testRule } from '../../src/testing/index.js';
import { salesPlan } from './fragments.js';

const RULE = 'stale-incentive';

/** The earlier version: the strategy did not deprioritize anything yet. */
const BEFORE = { policy: salesPlan('8%', '8%'), edits: [remove('strategy.priorities.0.deprioritize')] };
const FIX =
  'update ae-2026 for the new strategy, with an effective date on or before the announcement and a rationale that says why it changed; ' +
  'if it is right as it is, record that with a waiver { rule: stale-incentive, target: ae-2026 }';

describe('stale-incentive', () => {
  it('fires on an instrument identical in both versions that rewards what the strategy now ranks differently', () =>
    testRule(RULE, {
      invalid: [
        {
          policy: salesPlan('8%', '8%'),
          baseline: BEFORE,
          errors: [
            {
              at: 'compensation.0.commission.1',
              message:
                'ae-2026 is unchanged, but the strategy changed what it rewards: segment smb (neutral → deprioritized). Teams keep doing what it still pays for.',
              fix: FIX,
            },
          ],
        },
      ],
    }));

  it('stays silent when the instrument changed with the strategy, when the strategy did not change, and without an earlier version', () =>
    testRule(RULE, {
      valid: [
        { name: 'plan updated', policy: salesPlan('16%', '8%'), baseline: BEFORE },
        { name: 'strategy unchanged', policy: salesPlan('8%', '8%'), baseline: { policy: salesPlan('8%', '8%') } },
        { name: 'no earlier version (a plain lint run)', policy: salesPlan('8%', '8%') },
        {
          name: 'only the announcement moved',
          policy: salesPlan('8%', '8%'),
          baseline: { policy: salesPlan('8%', '8%'), edits: [set('strategy.announced', '2026-01-05')] },
        },
      ],
    }));
  it('stays silent on an instrument that ended (until) before the new strategy is announced, and fires on one still in force', () =>
    testRule(RULE, {
      valid: [
        {
          name: 'ended',
          policy: salesPlan('8%', '8%'),
          edits: [set('compensation.0.until', '2026-02-01')],
          baseline: { ...BEFORE, edits: [...BEFORE.edits, set('compensation.0.until', '2026-02-01')] },
        },
      ],
      invalid: [
        {
          policy: salesPlan('8%', '8%'),
          edits: [set('compensation.0.until', '2026-12-31')],
          baseline: { ...BEFORE, edits: [...BEFORE.edits, set('compensation.0.until', '2026-12-31')] },
          errors: [
            {
              at: 'compensation.0.commission.1',
              message:
                'ae-2026 is unchanged, but the strategy changed what it rewards: segment smb (neutral → deprioritized). Teams keep doing what it still pays for.',
              fix: FIX,
            },
          ],
        },
      ],
    }));
});
