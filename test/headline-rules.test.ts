import { describe, expect, it } from 'vitest';
import { findingsOf, lintText, policyWith } from './helpers.js';

describe('flat-commission', () => {
  const plan = (enterprise: string, smb: string) =>
    policyWith(`compensation:
  - id: ae-2026
    team: sales
    commission:
      - { metric: new-arr, segment: enterprise, rate: "${enterprise}" }
      - { metric: new-arr, segment: smb, rate: "${smb}" }
`);

  it('fires on the smb line when enterprise pays the same rate', async () => {
    const result = await lintText(plan('8%', '8%'));
    expect(findingsOf(result, 'flat-commission')).toEqual([
      {
        line: 28,
        column: 9,
        severity: 'error',
        message:
          'Plan ae-2026 pays smb 8% on new-arr, against 8% for enterprise (1×): the strategy favors enterprise, but this commission does not make the trade-off.',
        fix: 'raise enterprise to at least 16% (2 × smb 8%), or lower smb to at most 4%',
      },
    ]);
  });

  it('stays silent at exactly min_ratio (16% vs 8%) and fires just below it', async () => {
    expect(findingsOf(await lintText(plan('16%', '8%')), 'flat-commission')).toEqual([]);
    expect(findingsOf(await lintText(plan('15.9%', '8%')), 'flat-commission')).toHaveLength(1);
  });
});
