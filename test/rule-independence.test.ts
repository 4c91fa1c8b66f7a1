/**
 * No rule's findings depend on which other rules run: for every example and real-policy fixture,
 * each rule that reports something in the default run, run with every other rule off, reports at
 * least the same findings (rule, place, severity, message). The engine's one-finding-per-defect
 * (meta.defersTo) may drop a finding only while the rule it defers to is enabled and reports the
 * same model entry; with that rule off, the finding comes back.
 */
import { describe, expect, it } from 'vitest';
import { lint, type Finding } from '../src/index.js';
import { CORPUS, CORPUS_TODAY } from './corpus.js';

const key = (finding: Finding) =>
  `${finding.rule} ${finding.file}:${finding.line}:${finding.column} ${finding.severity} ${finding.message}`;

describe.each(CORPUS)('$name', ({ cwd, paths }) => {
  it('each rule alone reports every finding it reports beside the others', async () => {
    const all = await lint(paths, { cwd, today: CORPUS_TODAY });
    expect(all.diagnostics).toEqual([]);
    const reporting = [...new Set(all.findings.map((finding) => finding.rule))].sort();
    const ran = all.rules.map((rule) => rule.id);
    for (const id of reporting) {
      const alone = await lint(paths, {
        cwd,
        today: CORPUS_TODAY,
        rules: Object.fromEntries(ran.filter((other) => other !== id).map((other) => [other, 'off' as const])),
      });
      expect(alone.diagnostics).toEqual([]);
      expect(alone.rules.map((rule) => rule.id)).toEqual([id]);
      const found = new Set(alone.findings.map(key));
      expect(
        all.findings
          .filter((finding) => finding.rule === id)
          .map(key)
          .filter((finding) => !found.has(finding)),
        `${id} alone`,
      ).toEqual([]);
    }
  });
});
