/** The model of what each team is rewarded for: what `matrix --format json` prints and what rules read. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPolicyTexts } from '../src/load/index.js';
import { PolicyIndex } from '../src/engine/lookups/policy-index.js';
import { RewardModel } from '../src/model/index.js';
import { EXAMPLES, runCli } from './helpers.js';

function modelOf(yaml: string): RewardModel {
  const loaded = loadPolicyTexts([{ path: 'policy.yaml', text: yaml }], { cwd: '/' });
  return new RewardModel(new PolicyIndex(loaded.policy, loaded.sections));
}

const BASE = `version: 1
strategy:
  announced: 2026-03-02
  priorities:
    - { id: enterprise-growth, favor: { segments: [enterprise] }, deprioritize: { segments: [smb] } }
segments: [{ id: enterprise }, { id: smb }]
teams: [{ id: sales, customer_facing: true }, { id: product }]
metrics:
  - { id: new-arr, type: outcome }
  - { id: deals-closed, type: output }
  - { id: csat, type: quality }
`;

describe('the reward model', () => {
  it('gives each entry its lever, strength with its basis, dates and the priorities it serves or undermines', () => {
    const model = modelOf(`${BASE}compensation:
  - id: ae-2026
    team: sales
    effective: 2026-01-01
    variable_share: 0.5
    commission: [{ metric: new-arr, segment: enterprise, rate: 0.1 }, { metric: new-arr, segment: smb, rate: 0.1 }]
    bonus: [{ metric: csat, weight: 0.2 }]
`);
    const entries = model.profileOf('sales').entries;
    expect(entries.map((entry) => [entry.lever, entry.metric, entry.segment, entry.serves, entry.undermines])).toEqual([
      ['pay', 'new-arr', 'enterprise', ['enterprise-growth'], []],
      ['pay', 'new-arr', 'smb', [], ['enterprise-growth']],
      ['pay', 'csat', undefined, [], []],
    ]);
    expect(entries[0]!.strength.share).toBeCloseTo(0.4);
    expect(entries[0]!.strength.ofOnTargetPay).toBeCloseTo(0.2);
    expect(entries[2]!.strength.basis).toBe('bonus weight 20% of variable pay × variable_share 50%');
    expect(entries[0]!.when).toEqual({ effective: '2026-01-01', until: undefined });
    expect(model.profileOf('product').entries).toEqual([]);
  });

  it('reads a line on what a favored metric is declared to stand for as serving its priority, and no more', () => {
    // customer-satisfaction is declared a proxy for return on equity; the bonus pays on return on equity.
    const model = modelOf(`version: 1
strategy:
  priorities:
    - { id: satisfied-customers, favor: { metrics: [customer-satisfaction] } }
    - { id: less-discounting, deprioritize: { metrics: [discount-rate] } }
teams:
  - { id: branches }
metrics:
  - { id: customer-satisfaction, type: outcome, proxy_for: [return-on-equity] }
  - { id: discount-rate, type: outcome, proxy_for: [return-on-equity] }
  - { id: return-on-equity, type: outcome }
compensation:
  - id: profit-sharing
    team: branches
    bonus: [{ metric: return-on-equity, weight: 1 }]
`);
    // Deprioritizing a proxy (discount-rate) says nothing against what it stands for.
    expect(model.profileOf('branches').entries.map((entry) => [entry.metric, entry.serves, entry.undermines])).toEqual([
      ['return-on-equity', ['satisfied-customers'], []],
    ]);
  });

  it('tells a quality line beside a count from a declared quality link of the same units', () => {
    const model = modelOf(`${BASE}compensation:
  - id: ae-2026
    team: sales
    bonus: [{ metric: deals-closed, weight: 0.8 }, { metric: csat, weight: 0.2 }]
`);
    const count = model.profileOf('sales').entries.find((entry) => entry.metric === 'deals-closed')!;
    expect(count.made.kind).toBe('count');
    expect(count.guards.map((guard) => [guard.kind, guard.metric, guard.sameUnits])).toEqual([['quality-beside', 'csat', false]]);
  });

  it('puts promotion criteria and awards in the profile as levers of their own', () => {
    const model = modelOf(`${BASE}promotions:
  - id: ladder
    team: sales
    criteria: [{ text: Most deals closed, metric: deals-closed }, { text: Happy customers, metric: csat }]
recognition:
  - id: club
    awards: [{ text: President's Club, metric: deals-closed, teams: [sales] }]
`);
    const entries = model.profileOf('sales').entries;
    expect(entries.map((entry) => [entry.lever, entry.metric, entry.strength.basis])).toEqual([
      ['promotion', 'deals-closed', 'one of 2 criteria of its ladder'],
      ['promotion', 'csat', 'one of 2 criteria of its ladder'],
      ['recognition', 'deals-closed', 'one of 1 awards of its program'],
    ]);
    expect(entries[2]!.blindTo).toEqual([]);
  });

  it('reads a relative target as a level, as both target rules do', () => {
    const model = modelOf(`${BASE}okrs:
  - id: sales-okrs
    team: sales
    key_results: [{ metric: deals-closed, target: below the same period last year }, { metric: csat, target: improve }]
`);
    expect(model.profileOf('sales').entries.map((entry) => entry.made.target)).toEqual(['relative', 'degree']);
  });

  it('says what each line decides (stakes) and reads a named deliverable as one, declared or by its deadline', () => {
    const model =
      modelOf(`${BASE.replace('  - { id: csat, type: quality }', '  - { id: csat, type: quality }\n  - { id: checkout-shipped, type: output, deliverable: true }')}okrs:
  - id: stretch
    team: product
    stakes: none
    key_results: [{ metric: deals-closed, target: 20 }, { metric: checkout-shipped, target: done }, { metric: csat, target: Publish the survey by 2026-06-30 }]
  - id: reviewed
    team: product
    stakes: review
    key_results: [{ metric: deals-closed, target: 20 }]
promotions:
  - { id: ladder, team: product, criteria: [{ text: Ships, metric: deals-closed }] }
compensation:
  - { id: pay, team: sales, bonus: [{ metric: deals-closed, weight: 1 }] }
`);
    const product = model.profileOf('product').entries;
    expect(product.map((entry) => [entry.instrument, entry.strength.stakes, entry.made.deliverable, entry.made.target])).toEqual([
      ['stretch', 'none', false, 'level'],
      ['stretch', 'none', true, 'deliverable'],
      ['stretch', 'none', true, 'deliverable'],
      ['reviewed', 'review', false, 'level'],
      ['ladder', 'review', false, 'level'],
    ]);
    expect(product[0]!.strength.basis).toBe('one of 3 key results of its OKR set; not used for pay or evaluation (stakes: none)');
    expect(model.profileOf('sales').entries[0]!.strength.stakes).toBe('pay');
  });

  it('knows a shared line that reaches every team, and the metrics a plan pays through its pool', () => {
    const model =
      modelOf(`${BASE.replace('  - { id: csat, type: quality }', '  - { id: csat, type: quality }\n  - { id: profit, type: outcome }')}compensation:
  - { id: gainshare, team: sales, bonus: [{ metric: profit, weight: 1, shared_with: [product] }] }
  - { id: pooled, team: product, pool: { funded_by: profit, rating: [{ metric: csat, weight: 0.5 }, { metric: deals-closed, weight: 0.5 }] } }
`);
    const [gainshare, pooled] = model.index.instruments;
    expect(model.reachesEveryTeam(model.index.rewardsOf(gainshare!)[0]!)).toBe(true);
    expect(model.pooledMetrics(pooled!)).toEqual(['profit', 'csat', 'deals-closed']);
    expect(model.pooledMetrics(gainshare!)).toEqual([]);
  });

  it('is printed by matrix --format json, each entry with its position', () => {
    const run = runCli(['matrix', path.join(EXAMPLES, 'enterprise-first.yaml'), '--format', 'json']);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout) as {
      model: { asOf: string; teams: { team: string; entries: { lever: string; metric: string; at: { line: number } }[] }[] };
    };
    expect(json.model.asOf).toBe('2026-03-02');
    const sales = json.model.teams.find((team) => team.team === 'sales')!;
    expect(sales.entries.length).toBeGreaterThan(0);
    expect(sales.entries.every((entry) => entry.at.line > 0)).toBe(true);
    expect(new Set(sales.entries.map((entry) => entry.lever))).toContain('recognition');
  });
});
