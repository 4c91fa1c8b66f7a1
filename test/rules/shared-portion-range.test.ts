import { describe, expect, it } from 'vitest';
import { findingsOf, lintText } from '../helpers.js';

const plan = (bonus: string, extra = '') => `version: 1
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
${extra}    bonus:
${bonus}`;

const split = (individual: number, shared: number) =>
  plan(`      - { metric: mqls, weight: ${individual} }
      - { metric: feature-adoption, weight: ${shared}, shared_with: [product] }
`);

describe('shared-portion-range', () => {
  it('fires on the bonus key when the shared portion is below min', async () => {
    expect(findingsOf(await lintText(split(0.95, 0.05)), 'shared-portion-range')).toEqual([
      {
        line: 13,
        column: 5,
        severity: 'warning',
        message:
          'Plan marketing-2026 shares only 5% of variable pay (feature-adoption 5% with product), below the 10% minimum: a shared portion this small will be ignored.',
        fix: 'raise feature-adoption (shared with product) from 5% to 10% and lower mqls from 95% to 90%',
      },
    ]);
  });

  it('fires when the shared portion is above max, and moves the excess to the individual component', async () => {
    expect(findingsOf(await lintText(split(0.3, 0.7)), 'shared-portion-range')).toEqual([
      {
        line: 13,
        column: 5,
        severity: 'warning',
        message:
          'Plan marketing-2026 shares 70% of variable pay (feature-adoption 70% with product), above the 50% maximum: it invites free riders, and high performers may leave when they lack control over their earnings.',
        fix: 'lower feature-adoption (shared with product) from 70% to 50% and raise mqls from 30% to 50%',
      },
    ]);
  });

  it('stays silent at exactly min and max, and fires just outside them', async () => {
    expect(findingsOf(await lintText(split(0.9, 0.1)), 'shared-portion-range')).toEqual([]);
    expect(findingsOf(await lintText(split(0.5, 0.5)), 'shared-portion-range')).toEqual([]);
    expect(findingsOf(await lintText(split(0.91, 0.09)), 'shared-portion-range')).toHaveLength(1);
    expect(findingsOf(await lintText(split(0.49, 0.51)), 'shared-portion-range')).toHaveLength(1);
  });

  it('adds up every shared component (0.05 + 0.05 is exactly the minimum)', async () => {
    const twoSmall = plan(`      - { metric: mqls, weight: 0.9 }
      - { metric: feature-adoption, weight: 0.05, shared_with: [product] }
      - { metric: new-arr, weight: 0.05, shared_with: [product] }
`);
    expect(findingsOf(await lintText(twoSmall), 'shared-portion-range')).toEqual([]);
  });

  it('exempts plans with no shared component', async () => {
    const individual = plan(`      - { metric: mqls, weight: 1 }
`);
    expect(findingsOf(await lintText(individual), 'shared-portion-range')).toEqual([]);
  });

  it('follows the min and max options', async () => {
    const options = { rules: { 'shared-portion-range': ['warning', { min: 0.2, max: 0.8 }] as ['warning', Record<string, unknown>] } };
    expect(findingsOf(await lintText(split(0.9, 0.1), options), 'shared-portion-range').map((finding) => finding.fix)).toEqual([
      'raise feature-adoption (shared with product) from 10% to 20% and lower mqls from 90% to 80%',
    ]);
    expect(findingsOf(await lintText(split(0.3, 0.7), options), 'shared-portion-range')).toEqual([]);
  });

  it('lets commission take the rest when there is no individual component to move', async () => {
    const withCommission = plan(
      `      - { metric: feature-adoption, weight: 0.05, shared_with: [product] }
`,
      `    commission: [{ metric: new-arr, rate: "5%" }]
`,
    );
    expect(findingsOf(await lintText(withCommission), 'shared-portion-range').map((finding) => finding.fix)).toEqual([
      'raise feature-adoption (shared with product) from 5% to 10% (commission takes the rest)',
    ]);
  });
});
