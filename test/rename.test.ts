/**
 * Nothing depends on how an id or name is spelled: every example and every real-policy fixture,
 * with each id (metrics, teams, instruments, priorities, segments, and every other item with an id)
 * and each such item's name renamed to a meaningless token of the same length (test/rename-policy.ts),
 * has the findings of the original: the same rules at the same lines and columns with the same
 * severities. Messages differ only in the ids they name.
 *
 * Each built-in rule's explain examples (bad and good, merged onto the base policy of rule tests,
 * with the baseline a comparing rule reads renamed by the same substitution) give that rule, run
 * alone, the same findings renamed.
 *
 * The plugin example's own rule (acme/no-spiff-on-smb) is left out of the comparison: it reads a
 * naming convention its user configures (id_prefix: spiff-), which is the plugin's choice; the
 * built-in rules on that policy are compared like everywhere else.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isScalar, parseAllDocuments, visit } from 'yaml';
import { builtinRules } from '../rules/index.js';
import { lint, type LintResult } from '../src/index.js';
import { policyText, runRuleCase } from '../src/testing/index.js';
import { runGate } from '../src/gate/run.js';
import { CORPUS, CORPUS_TODAY } from './corpus.js';
import { tempDir } from './helpers.js';
import { renamePolicy } from './rename-policy.js';

const key = (finding: { rule: string; file: string; line: number; column: number; severity: string }) =>
  `${finding.rule} ${path.basename(finding.file)}:${finding.line}:${finding.column} ${finding.severity}`;

const builtin = (result: LintResult) => result.findings.filter((finding) => !finding.rule.includes('/')).map(key);

/** The ids a text defines (the value of every `id` key). */
function definedIds(text: string): string[] {
  const ids: string[] = [];
  for (const doc of parseAllDocuments(text)) {
    visit(doc, {
      Pair(_, pair) {
        if (isScalar(pair.key) && pair.key.value === 'id' && isScalar(pair.value)) ids.push(String(pair.value.value));
      },
    });
  }
  return ids;
}

describe.each(CORPUS)('$name with every id and name renamed', ({ cwd, files, paths }) => {
  it('has the same findings (rule, line, column, severity), with tokens scrambled and in reverse id order', async () => {
    const originals = files.map((file) => ({ path: file, text: fs.readFileSync(file, 'utf8') }));
    const options = { cwd, today: CORPUS_TODAY };
    const before = await lint({ files: originals, paths }, options);
    expect(before.diagnostics).toEqual([]);
    for (const order of ['scrambled', 'reversed'] as const) {
      const renamed = renamePolicy(originals, order);
      expect(renamed.ids.size).toBeGreaterThan(3);
      if (order === 'reversed') {
        const ids = [...renamed.ids.keys()].sort();
        expect(ids.map((id) => renamed.ids.get(id)!)).toEqual([...renamed.ids.values()].sort().reverse());
      }
      // Every id defined in the renamed texts is a token: none of the original ids survives a definition.
      for (const file of renamed.files)
        for (const id of definedIds(file.text)) expect(renamed.ids.has(id), `${id} is still defined in ${file.path}`).toBe(false);
      const after = await lint({ files: renamed.files, paths }, options);
      expect(after.diagnostics, order).toEqual([]);
      expect(builtin(after), order).toEqual(builtin(before));
    }
  });

  it("gives the gate the same verdict and steps (each step's status and findings)", async () => {
    const folder = path.dirname(files[0]!);
    const copy = (texts: readonly { path: string; text: string }[]) =>
      tempDir(
        Object.fromEntries([
          ...fs
            .readdirSync(folder)
            .filter((name) => name.endsWith('.yaml'))
            .map((name) => [name, fs.readFileSync(path.join(folder, name), 'utf8')]),
          ...texts.map((file) => [path.basename(file.path), file.text]),
        ]),
      );
    const originals = files.map((file) => ({ path: file, text: fs.readFileSync(file, 'utf8') }));
    // A policy found from its folder (no paths) is named by its file, the configuration left out.
    const given = (paths.length > 0 ? paths : files).map((given) => (given === '.' ? '.' : path.basename(given)));
    const gate = async (dir: string) => {
      // A policy with no announcement date is judged as of the corpus date, as `gate --announce` would.
      let outcome = await runGate(given, { cwd: dir, today: CORPUS_TODAY, config: false });
      if (outcome.diagnostics.some((diagnostic) => diagnostic.source === 'usage'))
        outcome = await runGate(given, { cwd: dir, today: CORPUS_TODAY, config: false, announce: CORPUS_TODAY });
      expect(outcome.diagnostics).toEqual([]);
      const report = outcome.report!;
      return {
        verdict: report.verdict,
        steps: report.steps.map((step) => ({ id: step.id, status: step.status, findings: step.findings.map(key) })),
        blocking: report.blocking.map(key),
      };
    };
    const before = await gate(copy(originals));
    // In reverse id order: anything the gate picks by id is picked differently (the findings are compared with both orders above).
    expect(await gate(copy(renamePolicy(originals, 'reversed').files))).toEqual(before);
  });
});

describe.each(builtinRules.map((rule) => ({ id: rule.meta.id, rule })))('the explain examples of $id renamed', ({ rule }) => {
  const examples = rule.meta.examples!;
  it.each(['bad', 'good'] as const)('%s: the same findings of the rule alone, in reverse id order too', async (which) => {
    const texts = [{ path: 'policy.yaml', text: policyText({ policy: examples[which] }) }];
    if (examples.baseline !== undefined) texts.push({ path: 'baseline.yaml', text: policyText({ policy: examples.baseline }) });
    const run = async (files: typeof texts) => {
      const result = await runRuleCase(rule, { text: files[0]!.text, baseline: files[1] && { text: files[1].text } });
      if (result.problem !== undefined) throw new Error(result.problem);
      return result.findings.map((finding) => `${finding.rule} ${finding.line}:${finding.column} ${finding.severity}`);
    };
    const before = await run(texts);
    if (which === 'bad') expect(before.length).toBeGreaterThan(0);
    for (const order of ['scrambled', 'reversed'] as const) expect(await run(renamePolicy(texts, order).files), order).toEqual(before);
  });
});
