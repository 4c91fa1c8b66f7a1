/**
 * The property that keeps fixes honest (issue 26): for every finding that carries edits, in every
 * bundled example, every real policy of test/fixtures/real and every rule's own `bad` example,
 * applying that finding's edits (safe ones and suggestions alike) to a copy of the text makes the
 * finding disappear, and brings no new error or warning and no input problem. A fix that cannot
 * satisfy this must stay prose.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinRules } from '../rules/index.js';
import { applyTextEdits } from '../src/engine/edits.js';
import { lint, type Finding, type LintResult } from '../src/index.js';
import { policyText } from '../src/testing/index.js';
import { EXAMPLES, ROOT, tempDir } from './helpers.js';

const TODAY = '2026-06-01';
const REAL = path.join(ROOT, 'test', 'fixtures', 'real');

interface CorpusPolicy {
  name: string;
  /** Folder the policy is linted from (its configuration, if any, is found from there). */
  cwd: string;
  file: string;
  text: string;
}

const yamlIn = (folder: string) =>
  fs
    .readdirSync(folder)
    .filter((name) => name.endsWith('.yaml') && !name.startsWith('incentive-lint.config'))
    .sort()
    .map((name) => ({
      name: path.relative(ROOT, path.join(folder, name)),
      cwd: folder,
      file: name,
      text: fs.readFileSync(path.join(folder, name), 'utf8'),
    }));

const corpus: CorpusPolicy[] = [
  ...yamlIn(EXAMPLES),
  ...yamlIn(path.join(EXAMPLES, 'plugins')),
  ...yamlIn(REAL),
  ...builtinRules
    .filter((rule) => rule.meta.examples && !rule.meta.examples.baseline)
    .map((rule) => {
      const text = policyText({ policy: rule.meta.examples!.bad });
      return { name: `${rule.meta.id} (its bad example)`, cwd: tempDir({ 'policy.yaml': text }), file: 'policy.yaml', text };
    }),
];

async function lintTexts(policy: CorpusPolicy, text: string): Promise<LintResult> {
  return lint({ files: [{ path: path.join(policy.cwd, policy.file), text }], paths: [policy.file] }, { cwd: policy.cwd, today: TODAY });
}

/** A finding's identity across an edit: its rule and the node it is about (positions move, messages quote numbers). */
const identity = (finding: Finding) => `${finding.rule} ${finding.instrument ?? finding.subject ?? ''} ${JSON.stringify(finding.path)}`;
const describe_ = (finding: Finding) => `${finding.rule} at ${finding.line}:${finding.column}: ${finding.message}`;

describe("applying a finding's edits removes it and adds no problem", () => {
  const withEdits: string[] = [];

  for (const policy of corpus) {
    it(policy.name, async () => {
      const before = await lintTexts(policy, policy.text);
      expect(before.diagnostics).toEqual([]);
      const serious = new Set(before.findings.filter((finding) => finding.severity !== 'info').map(identity));
      for (const finding of before.findings.filter((candidate) => candidate.edits)) {
        withEdits.push(`${finding.rule} in ${policy.name}`);
        // Every edit names the file it was read from: the only file a fix may change.
        expect(new Set(finding.edits!.map((edit) => path.resolve(policy.cwd, edit.file)))).toEqual(
          new Set([path.join(policy.cwd, policy.file)]),
        );
        const { text, skipped } = applyTextEdits(policy.text, finding.edits!);
        expect(skipped, `${describe_(finding)}: its own edits overlap`).toEqual([]);
        expect(text).not.toBe(policy.text);
        const after = await lintTexts(policy, text);
        const context = `${describe_(finding)}\nafter its edits:\n${text}`;
        expect(after.diagnostics, context).toEqual([]);
        expect(after.findings.filter((candidate) => identity(candidate) === identity(finding)).map(describe_), context).toEqual([]);
        const introduced = after.findings.filter((candidate) => candidate.severity !== 'info' && !serious.has(identity(candidate)));
        expect(introduced.map(describe_), context).toEqual([]);
      }
    });
  }

  it('the corpus has findings with edits, safe ones and suggestions, from every rule that gives them', async () => {
    // Runs after the cases above (vitest keeps the order within a file).
    const rules = new Set(withEdits.map((entry) => entry.split(' ')[0]));
    expect([...rules].sort()).toEqual([
      'flat-commission',
      'implausible-value',
      'no-retention-guard',
      'okr-old-priority',
      'pay-old-priority',
      'rational-choice',
    ]);
    expect(withEdits.length).toBeGreaterThanOrEqual(6);
  });
});
