/**
 * One story everywhere (issue 22, item 5): on every bundled example, every real policy of
 * test/fixtures/real and the analyst's plan pack, lint, the alignment matrix (what the heatmap
 * draws) and simulate tell the same story, on the same date:
 * - every undermined cell of the matrix has an error or warning at one of its lines;
 * - every finding that says a team's instrument works against a priority marks that cell;
 * - simulate calls a plan misaligned exactly when lint reports its rational choice, and with the
 *   line-by-line rules off, rational-choice alone reports exactly the plans simulate calls misaligned.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint, type Finding, type LintResult } from '../src/index.js';
import type { PathSegment } from '../src/load/index.js';
import { buildEvidenceMatrix } from '../src/matrix/build.js';
import { resolveAsOf } from '../src/model/as-of.js';
import { buildSimulationReport } from '../src/payout/report.js';
import type { PayExtra, RewardEntry } from '../src/model/index.js';
import { EXAMPLES, ROOT, runCli } from './helpers.js';

const TODAY = '2026-06-01';
const REAL = path.join(ROOT, 'test', 'fixtures', 'real');

interface CorpusPolicy {
  name: string;
  cwd: string;
  /** A file or folder, relative to cwd. */
  targets: string[];
}

const yamlIn = (folder: string): CorpusPolicy[] =>
  fs
    .readdirSync(folder)
    .filter((name) => name.endsWith('.yaml') && !name.startsWith('incentive-lint.config'))
    .sort()
    .map((name) => ({ name: path.relative(ROOT, path.join(folder, name)), cwd: folder, targets: [name] }));

const corpus: CorpusPolicy[] = [
  ...yamlIn(EXAMPLES),
  ...yamlIn(path.join(EXAMPLES, 'plugins')),
  ...yamlIn(REAL),
  // The pack's recognition file has no version: 1, so the pack is refused as a folder: its three versioned files are read.
  {
    name: 'test/fixtures/analyst-pack',
    cwd: path.join(ROOT, 'test', 'fixtures'),
    targets: ['strategy', 'compensation', 'okrs'].map((name) => `analyst-pack/${name}.yaml`),
  },
];

const within = (inner: readonly PathSegment[], outer: readonly PathSegment[]) =>
  outer.length <= inner.length && outer.every((segment, position) => inner[position] === segment);
const where = (finding: Finding) => `${finding.rule} at ${finding.file}:${finding.line}:${finding.column}`;

/** The plans whose rational choice lint reports: rational-choice, or the line-by-line rules it leaves a flat-rate plan's defect to. */
const RATIONAL_CHOICE_RULES = ['rational-choice', 'flat-commission', 'effort-adjusted-pay'];

describe('lint, the matrix and simulate tell one story', () => {
  for (const policy of corpus) {
    describe(policy.name, () => {
      let result: LintResult;
      const run = async () => (result ??= await lint(policy.targets, { cwd: policy.cwd, today: TODAY }));

      it('every undermined cell has an error or warning at one of its lines', async () => {
        const { loaded, model, findings } = await run();
        const matrix = buildEvidenceMatrix(loaded!, model!);
        const pathOf = (node: object) => loaded!.provenance.locate(node)?.path;
        const serious = findings.filter((finding) => finding.severity !== 'info');
        const missing: string[] = [];
        for (const row of matrix.rows) {
          for (const [team, cell] of Object.entries(row.cells)) {
            if (cell.status !== 'undermined' && cell.status !== 'both') continue;
            const entries = model!
              .currentProfileOf(team)
              .entries.filter((entry) => entry.undermines.includes(row.priority) || entry.blindTo.includes(row.priority));
            const atItsLines = (entry: RewardEntry) =>
              serious.some((finding) => {
                const line = pathOf(entry.nodes[0]!);
                const instrument = pathOf(entry.nodes[1]!);
                // On the line itself, or on its instrument as a whole naming this priority (a plan paid on segment-blind measures).
                return (
                  (line && within(finding.path, line)) ||
                  (instrument && within(finding.path, instrument) && finding.priorities?.includes(row.priority))
                );
              });
            // A SPIFF, kicker or quota credit on what the priority deprioritizes: a finding at it.
            const extras = model!.payExtrasOf(team).filter((extra) => extra.undermines.includes(row.priority));
            const atTheExtra = (extra: PayExtra) =>
              serious.some((finding) => {
                const where = pathOf(extra.node);
                return where !== undefined && within(finding.path, where);
              });
            if (!entries.some(atItsLines) && !extras.some(atTheExtra))
              missing.push(`${row.priority} × ${team} (${cell.underminedBy.map((item) => item.description).join('; ')})`);
          }
        }
        expect(missing, 'undermined cells without a finding').toEqual([]);
      });

      it('every finding that says a team works against a priority marks that cell', async () => {
        const { loaded, model, findings } = await run();
        const matrix = buildEvidenceMatrix(loaded!, model!);
        const unmarked: string[] = [];
        for (const finding of findings) {
          if (!finding.priorities || finding.instrument === undefined) continue;
          const instrument = model!.index.instruments.find((candidate) => candidate.id === finding.instrument)!;
          const entries = model!.entriesOfInstrument(instrument);
          // The entries of the line the finding is on, else the whole instrument's.
          const onLine = entries.filter((entry) => within(finding.path, loaded!.provenance.locate(entry.nodes[0]!)!.path));
          const teams = new Set((onLine.length > 0 ? onLine : entries).flatMap((entry) => entry.teams));
          for (const priority of finding.priorities) {
            const row = matrix.rows.find((candidate) => candidate.priority === priority)!;
            for (const team of teams) {
              const cell = row.cells[team]!;
              const marked =
                (cell.status === 'undermined' || cell.status === 'both') &&
                cell.underminedBy.some((item) => item.instrument === finding.instrument);
              if (!marked) unmarked.push(`${where(finding)}: ${priority} × ${team} is ${cell.status}`);
            }
          }
        }
        expect(unmarked, 'findings whose cell the matrix does not mark').toEqual([]);
      });

      it('simulate calls a plan misaligned exactly when lint reports its rational choice', async () => {
        const { findings, loaded } = await run();
        // What `simulate` builds, at the date it resolves (the CLI itself is checked below, on two policies).
        const { date, source } = resolveAsOf({ announced: loaded!.policy.strategy.announced, today: TODAY });
        const plans = buildSimulationReport(loaded!, { date, dateSource: source }).plans;
        const misaligned = plans
          .filter((plan) => plan.verdict === 'misaligned')
          .map((plan) => plan.plan)
          .sort();
        const reported = (list: readonly Finding[], rules: readonly string[]) =>
          [...new Set(list.filter((finding) => rules.includes(finding.rule)).map((finding) => finding.instrument!))].sort();
        const simulated = new Set(plans.map((plan) => plan.plan));
        expect(reported(findings, RATIONAL_CHOICE_RULES).filter((plan) => simulated.has(plan))).toEqual(misaligned);
        // rational-choice's own verdict, with the rules it leaves flat-rate lines to turned off.
        const alone = await lint(policy.targets, {
          cwd: policy.cwd,
          today: TODAY,
          rules: { 'flat-commission': 'off', 'effort-adjusted-pay': 'off' },
        });
        expect(reported(alone.findings, ['rational-choice'])).toEqual(misaligned);
      });
    });
  }

  // The command itself, spawned as a user runs it: the same verdicts as lint on the two quota plans.
  for (const policy of corpus.filter((candidate) => ['examples/quota-plan.yaml', 'test/fixtures/analyst-pack'].includes(candidate.name))) {
    it(`simulate on ${policy.name} agrees with lint, on the date lint judges`, async () => {
      const result = await lint(policy.targets, { cwd: policy.cwd, today: TODAY });
      const simulate = runCli(['simulate', ...policy.targets, '-f', 'json', '--today', TODAY], { cwd: policy.cwd });
      const report = JSON.parse(simulate.stdout) as { date: string; plans: { plan: string; verdict: string }[] };
      expect(report.date).toBe(result.model!.asOf);
      const misaligned = report.plans.filter((plan) => plan.verdict === 'misaligned').map((plan) => plan.plan);
      expect(misaligned.length).toBeGreaterThan(0);
      expect(misaligned).toEqual([
        ...new Set(result.findings.filter((finding) => finding.rule === 'rational-choice').map((finding) => finding.instrument!)),
      ]);
    });
  }
});
