import { describe, expect, it } from 'vitest';
import { parseDirectives } from '../src/engine/suppressions.js';
import { lint, type LintOptions } from '../src/index.js';
import { parseYaml } from '../src/load/parse.js';
import { FLAT_PLAN, lineOf } from './config-helpers.js';
import { runCli, tempDir } from './helpers.js';

const SMB_LINE = '      - { metric: new-arr, segment: smb, rate: "10%" }';

/** FLAT_PLAN with `replacement` written in place of the smb commission line. */
const withSmbLine = (replacement: string) => {
  if (!FLAT_PLAN.includes(`${SMB_LINE}\n`)) throw new Error('the smb line moved');
  return FLAT_PLAN.replace(`${SMB_LINE}\n`, `${replacement}\n`);
};

const lintPolicy = (text: string, options: LintOptions = {}) =>
  lint({ files: [{ path: 'policy.yaml', text }] }, { config: false, today: '2026-06-01', ...options });

const summary = (findings: { rule: string; severity: string; line: number; column: number; message: string; fix: string }[]) =>
  findings.map(({ rule, severity, line, column, message, fix }) => ({ rule, severity, line, column, message, fix }));

describe('inline suppressions', () => {
  it('disable-next-line silences the finding on the next line, with or without other rules listed', async () => {
    const text = withSmbLine(
      `      # incentive-lint-disable-next-line okr-old-priority, flat-commission -- SMB rate drops with the Q3 plan\n${SMB_LINE}`,
    );
    const result = await lintPolicy(text);
    expect(result.findings).toEqual([]);
    expect(result.suppressed.map((f) => [f.rule, f.line])).toEqual([['flat-commission', lineOf(text, 'segment: smb, rate')]]);
  });

  it('disable-line silences the finding on its own line', async () => {
    const result = await lintPolicy(
      withSmbLine(`${SMB_LINE}  # incentive-lint-disable-line flat-commission -- accepted by the CRO until Q3`),
    );
    expect(result.findings).toEqual([]);
    expect(result.suppressed.map((f) => f.rule)).toEqual(['flat-commission']);
  });

  it('does not silence another rule or another line', async () => {
    const otherRule = await lintPolicy(withSmbLine(`      # incentive-lint-disable-next-line okr-old-priority -- wrong rule\n${SMB_LINE}`));
    expect(otherRule.findings.map((f) => f.rule)).toEqual(['flat-commission']);
    const twoAbove = await lintPolicy(withSmbLine(`      # incentive-lint-disable-next-line flat-commission -- too far\n\n${SMB_LINE}`));
    expect(twoAbove.findings.map((f) => f.rule)).toEqual(['flat-commission']);
  });

  it('are not honored with inlineSuppressions: false (the gate accepts only waivers)', async () => {
    const text = withSmbLine(`${SMB_LINE}  # incentive-lint-disable-line flat-commission -- accepted by the CRO until Q3`);
    const result = await lintPolicy(text, { inlineSuppressions: false, extends: 'strict' });
    expect(result.findings.map((f) => f.rule)).toEqual(['flat-commission']);
    expect(result.suppressed).toEqual([]);
  });

  it('counts no suppressed finding in the summary, and the CLI exits 0', () => {
    const dir = tempDir({ 'policy.yaml': withSmbLine(`${SMB_LINE}  # incentive-lint-disable-line flat-commission -- Q3`) });
    const run = runCli(['--format', 'json', '--no-config'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).summary).toEqual({ errors: 0, warnings: 0, infos: 0, files: 1 });
  });
});

describe('parseDirectives', () => {
  it('reads comments only: not a # inside quotes or a block scalar', () => {
    const text = [
      'version: 1',
      'a: "x # incentive-lint-disable-line flat-commission -- quoted"',
      'b: |',
      '  # incentive-lint-disable-line flat-commission -- block scalar text',
      'c: 1 # incentive-lint-disable-line flat-commission,okr-old-priority -- a -- b',
      '# incentive-lint-disable-next-line',
      '#incentive-lint-disable-lines flat-commission',
      '',
    ].join('\n');
    const source = parseYaml('p.yaml', text).documents[0]!;
    expect(parseDirectives(source)).toEqual([
      {
        file: 'p.yaml',
        line: 5,
        column: 6,
        endLine: 5,
        endColumn: 78,
        kind: 'disable-line',
        rules: ['flat-commission', 'okr-old-priority'],
        reason: 'a -- b',
        targetLine: 5,
      },
      {
        file: 'p.yaml',
        line: 6,
        column: 1,
        endLine: 6,
        endColumn: 35,
        kind: 'disable-next-line',
        rules: [],
        reason: undefined,
        targetLine: 7,
      },
    ]);
  });
});

describe('suppressions under strict', () => {
  it('are silent under recommended even without a reason or when stale', async () => {
    const text = withSmbLine(
      `      # incentive-lint-disable-next-line flat-commission\n${SMB_LINE}\n      # incentive-lint-disable-next-line flat-commission -- stale`,
    );
    expect((await lintPolicy(text)).findings).toEqual([]);
  });

  it('report a suppression without a reason (suppression-reason)', async () => {
    const text = withSmbLine(`      # incentive-lint-disable-next-line flat-commission\n${SMB_LINE}`);
    const line = lineOf(text, 'incentive-lint-disable-next-line');
    expect(summary((await lintPolicy(text, { extends: 'strict' })).findings)).toEqual([
      {
        rule: 'suppression-reason',
        severity: 'error',
        line,
        column: 7,
        message: 'incentive-lint-disable-next-line flat-commission gives no reason: an accepted exception must say why',
        fix: 'add the reason after two dashes: # incentive-lint-disable-next-line flat-commission -- <why this exception is accepted>',
      },
    ]);
    const blankReason = withSmbLine(`${SMB_LINE}  # incentive-lint-disable-line flat-commission --   `);
    expect((await lintPolicy(blankReason, { extends: 'strict' })).findings.map((f) => f.rule)).toEqual(['suppression-reason']);
  });

  it('report a suppression that suppresses nothing, or names a rule that does not exist (unused-suppression)', async () => {
    const aligned = FLAT_PLAN.replace('rate: "10%" }', 'rate: "5%" }');
    const stale = aligned.replace(
      '      - { metric: new-arr, segment: smb, rate: "5%" }',
      '      - { metric: new-arr, segment: smb, rate: "5%" }  # incentive-lint-disable-line flat-commission -- Q3 exception',
    );
    const line = lineOf(stale, 'incentive-lint-disable-line');
    expect(summary((await lintPolicy(stale, { extends: 'strict' })).findings)).toEqual([
      {
        rule: 'unused-suppression',
        severity: 'error',
        line,
        column: 56,
        message: 'incentive-lint-disable-line flat-commission suppresses nothing: there is no flat-commission finding on this line',
        fix: 'remove the comment: the finding it suppressed is gone',
      },
    ]);

    const typo = withSmbLine(`      # incentive-lint-disable-next-line flat-commision, flat-commission -- Q3 exception\n${SMB_LINE}`);
    const typoFindings = (await lintPolicy(typo, { extends: 'strict' })).findings;
    expect(typoFindings.map((f) => [f.rule, f.message])).toEqual([
      [
        'unused-suppression',
        'incentive-lint-disable-next-line names rule "flat-commision", which does not exist; did you mean "flat-commission"?',
      ],
    ]);
  });

  it('can be turned on under recommended, and a comment for a rule that is off is not judged', async () => {
    const stale = FLAT_PLAN.replace('rate: "10%" }', 'rate: "5%" }  # incentive-lint-disable-line flat-commission');
    const on = await lintPolicy(stale, { rules: { 'unused-suppression': 'warning', 'suppression-reason': 'info' } });
    expect(on.findings.map((f) => `${f.rule}:${f.severity}`)).toEqual(['suppression-reason:info', 'unused-suppression:warning']);
    const off = await lintPolicy(stale, { extends: 'strict', rules: { 'flat-commission': 'off' } });
    expect(off.findings.map((f) => f.rule)).toEqual(['suppression-reason']);
  });
});
