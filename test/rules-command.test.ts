import fs from 'node:fs';
import path from 'node:path';
import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { builtinRules } from '../rules/index.js';
import { CHECK_DOCS } from '../src/check-catalog.js';
import { explanation } from '../src/commands/rules.js';
import { rulesMarkdown } from '../src/engine/rule-docs.js';
import { ROOT, runCli } from './helpers.js';

describe('incentive-lint rules', () => {
  it('lists every built-in rule as JSON for tools', () => {
    const run = runCli(['rules', '--format', 'json']);
    expect(run.code).toBe(0);
    const catalog = JSON.parse(run.stdout) as {
      id: string;
      category: string;
      severity: string;
      summary: string;
      options: Record<string, unknown>;
    }[];
    expect(catalog.map((rule) => rule.id)).toEqual(builtinRules.map((rule) => rule.meta.id));
    expect(catalog.find((rule) => rule.id === 'flat-commission')).toMatchObject({
      category: 'strategic-alignment',
      severity: 'error',
      options: { min_ratio: 2 },
    });
    expect((catalog.find((rule) => rule.id === 'expired-waiver') as { reads?: string[] }).reads).toEqual(['waivers[].expires']);
  });

  it('prints a table with id, category, severity and summary', () => {
    const run = runCli(['rules']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/│ id\s+│ category\s+│ severity\s+│ summary/);
    for (const rule of builtinRules) expect(run.stdout).toContain(rule.meta.id);
  });

  it('lists the checks outside the catalog after the rules, with where each runs', () => {
    const run = runCli(['rules']);
    const after = run.stdout.slice(run.stdout.indexOf('Checks outside the rule catalog (incentive-lint explain ID describes them too):'));
    expect(after).toMatch(/│ lever-coverage\s+│ gate, step 3\s+│ error, always\s+│ A priority that a lever in use/);
    expect(after).toMatch(/│ unused-suppression\s+│ lint, suppression/);
    expect(after).toMatch(/│ suppression-reason\s+│ lint, suppression/);
    // The JSON catalog stays the rules a configuration sets: tools read it as such.
    const ids = (JSON.parse(runCli(['rules', '--format', 'json']).stdout) as { id: string }[]).map((rule) => rule.id);
    expect(ids).not.toContain('lever-coverage');
  });
});

describe('incentive-lint explain', () => {
  it('explains a rule: rationale with source, options with defaults, examples, the waiver to accept it', () => {
    const run = runCli(['explain', 'flat-commission']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Enterprise deals should pay 2-3x the commission of SMB deals.');
    expect(run.stdout).toContain(
      'Source: "What role do incentives play in strategic alignment failures?" (WattNext), section "The Four Incentive Traps"',
    );
    expect(run.stdout).toContain('min_ratio (default 2)');
    expect(run.stdout).toContain('Reported\n  compensation:\n    - id: ae-2026');
    expect(run.stdout).toContain('the rest is the base policy of rule tests');
    expect(run.stdout).toContain('    - rule: flat-commission\n      target: INSTRUMENT-ID');
    // The in-process explanation the cases below check for every rule is what the binary prints.
    expect(run.stdout).toBe(explanation(builtinRules.find((rule) => rule.meta.id === 'flat-commission')!, new Chalk({ level: 0 })));
  });

  it('says which policy keys a rule reads, in schema order, after its options', () => {
    const run = runCli(['explain', 'expired-waiver']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      'Reads\n  The policy keys whose declaration can change its findings (docs/format.md lists the rules that read each key):\n  waivers[].expires\n\nReported',
    );
    const lines = runCli(['explain', 'missing-rationale']).stdout.split('\n');
    expect(lines[lines.indexOf('Reads') + 2]).toBe(
      '  compensation[].rationale, okrs[].rationale, okrs[].objective, promotions[].rationale,',
    );
    expect(lines[lines.indexOf('Reads') + 3]).toBe('  recognition[].rationale');
  });

  it('shows the earlier version a diff-only rule compares its examples with', () => {
    const run = runCli(['explain', 'stale-incentive']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      'Earlier version (what diff and --since compare with)\n  # the earlier version: the strategy did not mention smb',
    );
  });

  it("explains the gate's lever-coverage: where it runs, why, its source, how to satisfy it, the waiver naming a priority (exit 0)", () => {
    const run = runCli(['explain', 'lever-coverage']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/^lever-coverage {2}strategic-alignment · error, always · gate, step 3: a check outside the rule catalog\n/);
    expect(run.stdout).toContain(
      'Where it runs\n  `incentive-lint gate` and `incentive-lint report` run it as step 3 of the gate, "Every priority rewarded by each lever in use"',
    );
    expect(run.stdout).toContain('A plain lint run does not report it, and the configuration cannot turn it off or change its severity.');
    expect(run.stdout).toContain(
      'Why\n  "People don\'t do what you tell them to do. They do what they\'re measured on, bonused for, promoted for, and publicly recognized for."',
    );
    expect(run.stdout).toContain(
      '  Source: "What role do incentives play in strategic alignment failures?" (WattNext), section "Why This Matters", and "What To Do Next", step 3 "Sequence changes correctly"',
    );
    expect(run.stdout).toContain('How to satisfy it\n  Reward the priority in at least one instrument of each lever the finding names');
    expect(run.stdout).toContain('Reported\n  compensation:\n    - id: ae-2026');
    expect(run.stdout).toContain('    - rule: lever-coverage\n      target: PRIORITY-ID          # the priority the finding is about');
  });

  it('explains the two checks of suppression comments: where they run, how to satisfy them, why nothing is waived (exit 0)', () => {
    for (const id of ['unused-suppression', 'suppression-reason']) {
      const run = runCli(['explain', id]);
      expect(run.code, id).toBe(0);
      expect(run.stdout).toContain(
        `${id}  integrity · off under recommended, error under strict · lint, suppression comments: a check outside the rule catalog`,
      );
      expect(run.stdout).toContain(`turn it on alone with rules: { ${id}: warning } in incentive-lint.config.yaml`);
      expect(run.stdout).toContain('How to satisfy it\n  ');
      expect(run.stdout).toContain('Source: "What role do incentives play in strategic alignment failures?" (WattNext)');
      expect(run.stdout).toContain(`nothing to waive: leave the check off in incentive-lint.config.yaml (rules: { ${id}: off })`);
    }
    expect(runCli(['explain', 'suppression-reason']).stdout).toContain('Write the reason after `--` on the comment');
  });

  it('an unknown id suggests a check too', () => {
    const run = runCli(['explain', 'lever-coverag']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('unknown rule "lever-coverag"; did you mean "lever-coverage"?');
  });

  it('an unknown rule exits 2 and suggests the closest id', () => {
    const run = runCli(['explain', 'flat-comission']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('unknown rule "flat-comission"; did you mean "flat-commission"?');
  });

  // What `explain` prints, rule by rule, in process: the cases above run the binary.
  it('every rule explains itself', () => {
    for (const rule of builtinRules) {
      const text = explanation(rule, new Chalk({ level: 0 }));
      const severity = rule.meta.presets === undefined ? rule.meta.severity : `off (goalposts: ${rule.meta.severity})`;
      expect(text, rule.meta.id).toContain(`${rule.meta.id}  ${rule.meta.category} · default ${severity}`);
      expect(text, rule.meta.id).toContain(rule.meta.rationale.slice(0, 40));
      expect(text, rule.meta.id).toContain(`    - rule: ${rule.meta.id}\n`);
    }
    // A goalpost says it is off until the preset turns it on.
    expect(explanation(builtinRules.find((rule) => rule.meta.id === 'cap-below-p90')!, new Chalk({ level: 0 }))).toContain(
      'cap-below-p90  goalposts · default off (goalposts: error)',
    );
  });
});

describe('docs/rules.md', () => {
  it('is up to date with the rule metadata (run `npm run docs` to regenerate)', () => {
    const checkedIn = fs.readFileSync(path.join(ROOT, 'docs', 'rules.md'), 'utf8');
    expect(checkedIn).toBe(rulesMarkdown(builtinRules, CHECK_DOCS));
    expect(checkedIn).toContain('| [lever-coverage](#lever-coverage) | gate, step 3 | error, always |');
    expect(checkedIn).toContain('## Checks outside the rule catalog');
  });
});

describe('rule metadata', () => {
  it('every rule has a summary, a rationale, a source and examples, and its options have defaults', () => {
    for (const { meta } of builtinRules) {
      expect(meta.summary, meta.id).toMatch(/\S/);
      expect(meta.rationale.length, meta.id).toBeGreaterThan(80);
      expect(meta.source, meta.id).toMatch(/\S/);
      expect(meta.examples?.bad, meta.id).toBeDefined();
      expect(meta.examples?.good, meta.id).toBeDefined();
      expect(() => meta.options?.parse({}), meta.id).not.toThrow();
    }
  });
});
