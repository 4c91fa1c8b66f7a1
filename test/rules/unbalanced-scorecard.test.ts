import { describe, expect, it } from 'vitest';
import { findingsOf, lintText } from '../helpers.js';

const policy = (extra = '') => `version: 1
strategy:
  priorities:
    - id: service
      favor: { metrics: [order-accuracy] }
teams:
  - { id: it }
  - { id: support }
metrics:
  - { id: system-uptime, type: quality, perspective: internal }
  - { id: change-failure-rate, type: quality, perspective: internal }
  - { id: it-user-satisfaction, type: quality, perspective: customer }
  - { id: order-accuracy, type: quality, perspective: customer }
  - { id: handle-time, type: speed }
  - { id: learning-hours, type: behavior, perspective: learning }
okrs:
  - id: it-2026-h1
    team: it
    key_results:
      - { metric: system-uptime }
      - { metric: change-failure-rate }
compensation:
  - id: support-2026
    team: support
    bonus: [{ metric: order-accuracy, weight: 1 }]
${extra}`;

describe('unbalanced-scorecard', () => {
  it('fires on the instrument id, naming the missing perspectives and a metric of one of them', async () => {
    expect(findingsOf(await lintText(policy()), 'unbalanced-scorecard')).toEqual([
      {
        line: 17,
        column: 9,
        severity: 'info',
        message: 'OKR set it-2026-h1 measures only the internal perspective of the balanced scorecard (fewer than 2).',
        fix: 'add a key result { metric: it-user-satisfaction } (perspective: customer); missing perspectives: financial, customer and learning',
      },
      {
        line: 23,
        column: 9,
        severity: 'info',
        message: 'Plan support-2026 measures only the customer perspective of the balanced scorecard (fewer than 2).',
        fix: 'add a bonus component on learning-hours (perspective: learning); missing perspectives: financial, internal and learning',
      },
    ]);
  });

  it('stays silent at min_perspectives and fires below it', async () => {
    const twoEach = policy()
      .replace('      - { metric: change-failure-rate }\n', '      - { metric: it-user-satisfaction }\n')
      .replace('bonus: [{ metric: order-accuracy, weight: 1 }]', 'bonus: [{ metric: order-accuracy, weight: 0.5 }, { metric: learning-hours, weight: 0.5 }]');
    expect(findingsOf(await lintText(twoEach), 'unbalanced-scorecard')).toEqual([]);
    const three = { rules: { 'unbalanced-scorecard': ['info', { min_perspectives: 3 }] as ['info', Record<string, unknown>] } };
    expect(findingsOf(await lintText(twoEach, three), 'unbalanced-scorecard').map((finding) => finding.message)).toEqual([
      'OKR set it-2026-h1 measures only the customer and internal perspectives of the balanced scorecard (fewer than 3).',
      'Plan support-2026 measures only the customer and learning perspectives of the balanced scorecard (fewer than 3).',
    ]);
    const one = { rules: { 'unbalanced-scorecard': ['info', { min_perspectives: 1 }] as ['info', Record<string, unknown>] } };
    expect(findingsOf(await lintText(policy(), one), 'unbalanced-scorecard')).toEqual([]);
  });

  it('stays silent when no rewarded metric declares a perspective, and does not judge ladders', async () => {
    const unknown = policy(`promotions:
  - id: ladder
    team: it
    criteria: [{ text: Keeps systems up, metric: system-uptime }]
`)
      .replace('      - { metric: system-uptime }\n      - { metric: change-failure-rate }\n', '      - { metric: handle-time }\n')
      .replace('bonus: [{ metric: order-accuracy, weight: 1 }]', 'bonus: [{ metric: handle-time, weight: 1 }]');
    expect(findingsOf(await lintText(unknown), 'unbalanced-scorecard')).toEqual([]);
  });
});
