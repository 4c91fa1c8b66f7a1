import { describe, it } from 'vitest';
import { set, testRule } from '../../src/testing/index.js';

const RULE = 'shared-portion-range';

/** Marketing's plan, without its bonus (each case gives it). */
const ADOPTION = `version: 1
strategy: { name: Adoption }
teams:
  - { id: product }
  - { id: marketing }
metrics:
  - { id: feature-adoption, type: outcome }
  - { id: mqls, type: output, proxy_for: [feature-adoption] }
  - { id: new-arr, type: outcome }
compensation:
  - id: marketing-2026
    team: marketing
`;

const bonus = (...components: Record<string, unknown>[]) => ({ base: ADOPTION, edits: [set('compensation.0.bonus', components)] });
const split = (individual: number, shared: number) =>
  bonus({ metric: 'mqls', weight: individual }, { metric: 'feature-adoption', weight: shared, shared_with: ['product'] });

const BELOW = (shared: string, min = '10%') =>
  `Plan marketing-2026 shares only ${shared} of variable pay (feature-adoption ${shared} with product), below the ${min} minimum: a shared portion this small will be ignored.`;
const ABOVE = (shared: string) =>
  `Plan marketing-2026 shares ${shared} of variable pay (feature-adoption ${shared} with product), above the 50% maximum: it invites free riders, and high performers may leave when they lack control over their earnings.`;

describe('shared-portion-range', () => {
  it('fires on the bonus key when the shared portion is below min', () =>
    testRule(RULE, {
      invalid: [
        {
          ...split(0.95, 0.05),
          errors: [
            {
              at: 'compensation.0.bonus',
              message: BELOW('5%'),
              fix: 'raise feature-adoption (shared with product) from 5% to 10% and lower mqls from 95% to 90%',
            },
          ],
        },
      ],
    }));

  it('fires when the shared portion is above max, and moves the excess to the individual component', () =>
    testRule(RULE, {
      invalid: [
        {
          ...split(0.3, 0.7),
          errors: [
            {
              at: 'compensation.0.bonus',
              message: ABOVE('70%'),
              fix: 'lower feature-adoption (shared with product) from 70% to 50% and raise mqls from 30% to 50%',
            },
          ],
        },
      ],
    }));

  it('stays silent at exactly min and max, and fires just outside them', () =>
    testRule(RULE, {
      valid: [split(0.9, 0.1), split(0.5, 0.5)],
      invalid: [
        {
          ...split(0.91, 0.09),
          errors: [
            {
              at: 'compensation.0.bonus',
              message: BELOW('9%'),
              fix: 'raise feature-adoption (shared with product) from 9% to 10% and lower mqls from 91% to 90%',
            },
          ],
        },
        {
          ...split(0.49, 0.51),
          errors: [
            {
              at: 'compensation.0.bonus',
              message: ABOVE('51%'),
              fix: 'lower feature-adoption (shared with product) from 51% to 50% and raise mqls from 49% to 50%',
            },
          ],
        },
      ],
    }));

  it('adds up every shared component (0.05 + 0.05 is exactly the minimum), and exempts plans with no shared component', () =>
    testRule(RULE, {
      valid: [
        bonus(
          { metric: 'mqls', weight: 0.9 },
          { metric: 'feature-adoption', weight: 0.05, shared_with: ['product'] },
          { metric: 'new-arr', weight: 0.05, shared_with: ['product'] },
        ),
        bonus({ metric: 'mqls', weight: 1 }),
      ],
    }));

  it('follows the min and max options', () =>
    testRule(RULE, {
      valid: [{ ...split(0.3, 0.7), options: { min: 0.2, max: 0.8 } }],
      invalid: [
        {
          ...split(0.9, 0.1),
          options: { min: 0.2, max: 0.8 },
          errors: [
            {
              at: 'compensation.0.bonus',
              message: BELOW('10%', '20%'),
              fix: 'raise feature-adoption (shared with product) from 10% to 20% and lower mqls from 90% to 80%',
            },
          ],
        },
      ],
    }));

  it('lets commission take the rest when there is no individual component to move', () =>
    testRule(RULE, {
      invalid: [
        {
          base: ADOPTION,
          edits: [
            set('compensation.0.commission', [{ metric: 'new-arr', rate: '5%' }]),
            set('compensation.0.bonus', [{ metric: 'feature-adoption', weight: 0.05, shared_with: ['product'] }]),
          ],
          errors: [
            {
              at: 'compensation.0.bonus',
              message: BELOW('5%'),
              fix: 'raise feature-adoption (shared with product) from 5% to 10% (commission takes the rest)',
            },
          ],
        },
      ],
    }));

  it('does not count as a free rider a leader paid on the result of the teams it leads (leads), nor a team sharing its result with its own leaders', () =>
    testRule(RULE, {
      valid: [
        { ...split(0.3, 0.7), edits: [...split(0.3, 0.7).edits, set('teams.1', { id: 'marketing', leads: ['product'] })] },
        { ...split(0.3, 0.7), edits: [...split(0.3, 0.7).edits, set('teams.0', { id: 'product', leads: ['marketing'] })] },
      ],
    }));

  it('judges the max on total pay when the plan declares variable_share: 70% shared of a 10% bonus is 7% of earnings', () =>
    testRule(RULE, {
      valid: [{ ...split(0.3, 0.7), edits: [...split(0.3, 0.7).edits, set('compensation.0.variable_share', 0.1)] }],
      invalid: [
        {
          ...split(0.3, 0.7),
          edits: [...split(0.3, 0.7).edits, set('compensation.0.variable_share', 0.2)],
          errors: [
            {
              at: 'compensation.0.bonus',
              message:
                'Plan marketing-2026 shares 70% of variable pay, 14% of total pay (feature-adoption 70% with product), above the 50% maximum: it invites free riders, and high performers may leave when they lack control over their earnings.',
              fix: 'lower feature-adoption (shared with product) from 70% to 50% and raise mqls from 30% to 50%',
            },
          ],
        },
        {
          ...split(0.3, 0.7),
          options: { max_of_total_pay: 0.05 },
          edits: [...split(0.3, 0.7).edits, set('compensation.0.variable_share', 0.1)],
          errors: [
            {
              at: 'compensation.0.bonus',
              message:
                'Plan marketing-2026 shares 70% of variable pay, 7% of total pay (feature-adoption 70% with product), above the 50% maximum: it invites free riders, and high performers may leave when they lack control over their earnings.',
              fix: 'lower feature-adoption (shared with product) from 70% to 50% and raise mqls from 30% to 50%',
            },
          ],
        },
      ],
    }));

  it('never moves weight to a metric the strategy deprioritizes, or a proxy of one', () =>
    testRule(RULE, {
      invalid: [
        {
          ...bonus(
            { metric: 'mqls', weight: 0.3 },
            { metric: 'new-arr', weight: 0.1 },
            { metric: 'feature-adoption', weight: 0.6, shared_with: ['product'] },
          ),
          edits: [
            set('compensation.0.bonus', [
              { metric: 'mqls', weight: 0.3 },
              { metric: 'new-arr', weight: 0.1 },
              { metric: 'feature-adoption', weight: 0.6, shared_with: ['product'] },
            ]),
            set('strategy', {
              name: 'Adoption',
              priorities: [{ id: 'adoption', favor: { metrics: ['feature-adoption'] }, deprioritize: { metrics: ['mqls'] } }],
            }),
          ],
          errors: [
            {
              at: 'compensation.0.bonus',
              message: ABOVE('60%'),
              fix: 'lower feature-adoption (shared with product) from 60% to 50% and raise new-arr from 10% to 20%',
            },
          ],
        },
      ],
    }));

  it("does not hold a revenue team to the max: a sales overlay pooled on the account executives' number is standard", () =>
    testRule(RULE, {
      valid: [{ ...split(0.25, 0.75), edits: [...split(0.25, 0.75).edits, set('teams.1', { id: 'marketing', kind: 'revenue' })] }],
    }));
  it('does not call free riding a company-wide gainshare that is all the plan pays, shared with every team (Scanlon, open-book plans)', () =>
    testRule(RULE, {
      valid: [
        bonus({ metric: 'feature-adoption', weight: 1, shared_with: ['product'] }),
        // A plan of no team applies to the whole company.
        {
          ...bonus({ metric: 'feature-adoption', weight: 1, shared_with: ['product'] }),
          edits: [
            ...bonus({ metric: 'feature-adoption', weight: 1, shared_with: ['product'] }).edits,
            set('compensation.0.team', undefined),
          ],
        },
      ],
      invalid: [
        {
          // A team left out: the plan is a team-to-team pool, not the company's result.
          ...bonus({ metric: 'feature-adoption', weight: 1, shared_with: ['product'] }),
          edits: [...bonus({ metric: 'feature-adoption', weight: 1, shared_with: ['product'] }).edits, set('teams.2', { id: 'support' })],
          errors: [
            {
              at: 'compensation.0.bonus',
              message: ABOVE('100%'),
              fix: 'lower feature-adoption (shared with product) from 100% to 50% and give 50% to individual components',
            },
          ],
        },
        // Beside individual pay, a company-wide share above the max is still judged.
        {
          ...split(0.3, 0.7),
          errors: [
            {
              at: 'compensation.0.bonus',
              message: ABOVE('70%'),
              fix: 'lower feature-adoption (shared with product) from 70% to 50% and raise mqls from 30% to 50%',
            },
          ],
        },
      ],
    }));
});
