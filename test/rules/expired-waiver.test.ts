import { describe, expect, it } from 'vitest';
import { testRule } from '../../src/testing/index.js';
import { lintText, runCli, tempDir } from '../helpers.js';

const policy = (expires: string) => `version: 1
strategy: { name: Reach }
metrics:
  - { id: social-followers, vanity: true }
  - { id: new-arr, type: outcome }
compensation:
  - id: marketing-2026
    effective: 2026-01-01
    rationale: Brand reach this year, revenue always.
    bonus:
      - { metric: social-followers, weight: 0.2 }
      - { metric: new-arr, weight: 0.8 }
waivers:
  - rule: vanity-metric
    target: marketing-2026
    reason: Brand campaign runs through Q3.
    approved_by: CMO
    expires: ${expires}
`;

const EXPIRED = {
  rule: 'expired-waiver',
  severity: 'warning',
  line: 18,
  column: 14,
  message: 'The waiver of vanity-metric for marketing-2026, approved by CMO, expired on 2026-09-30: its findings are reported again.',
  fix: 'renew it with a new expires date (after 2026-10-01) and a fresh approval from CMO, or fix the vanity-metric finding in marketing-2026 and remove the waiver',
};

const VANITY = {
  rule: 'vanity-metric',
  severity: 'warning',
  line: 11,
  column: 9,
  message:
    'Plan marketing-2026 rewards social-followers, which is declared a vanity metric: it says nothing about business health, and people will chase it anyway.',
  fix: 'replace social-followers with new-arr (type: outcome), or remove it from marketing-2026',
};

describe('expired-waiver', () => {
  it('fires on the expires key of a waiver past its date, and stays silent on the expiry date itself', () =>
    testRule('expired-waiver', {
      valid: [{ text: policy('2026-06-01'), today: '2026-06-01' }],
      invalid: [
        {
          text: policy('2026-05-31'),
          today: '2026-06-01',
          errors: [
            {
              line: 18,
              column: 14,
              message:
                'The waiver of vanity-metric for marketing-2026, approved by CMO, expired on 2026-05-31: its findings are reported again.',
              fix: 'renew it with a new expires date (after 2026-06-01) and a fresh approval from CMO, or fix the vanity-metric finding in marketing-2026 and remove the waiver',
            },
          ],
        },
      ],
    }));

  it('when two waivers accept the same finding, names the one that lasts longest, whatever their order', async () => {
    const second = `  - rule: vanity-metric
    target: marketing-2026
    reason: Extended for the brand relaunch.
    approved_by: CEO
    expires: 2026-12-31
`;
    for (const text of [policy('2026-09-30') + second, policy('2026-09-30').replace('waivers:\n', `waivers:\n${second}`)]) {
      const result = await lintText(text, { today: '2026-06-01' });
      expect(result.waived.map(({ finding, waiver }) => [finding.rule, waiver.approved_by, waiver.expires])).toEqual([
        ['vanity-metric', 'CEO', '2026-12-31'],
      ]);
    }
  });
});

describe('waivers on the command line (--today)', () => {
  const lintAt = (today: string) => {
    const dir = tempDir({ 'policy.yaml': policy('2026-09-30') });
    const run = runCli(['policy.yaml', '--format', 'json', '--today', today], { cwd: dir });
    const findings = (JSON.parse(run.stdout) as { findings: Record<string, unknown>[] }).findings.map(
      ({ rule, severity, line, column, message, fix }) => ({
        rule,
        severity,
        line,
        column,
        message,
        fix,
      }),
    );
    return { code: run.code, findings };
  };

  it('silences the waived finding until the expiry date, inclusive', () => {
    expect(lintAt('2026-09-30')).toEqual({ code: 0, findings: [] });
  });

  it('brings the finding back the day after, beside an expired-waiver warning', () => {
    expect(lintAt('2026-10-01')).toEqual({ code: 0, findings: [VANITY, EXPIRED] });
  });
});
