/**
 * Everything the HTML report shows, gathered once from the gate's run: the verdict and its steps,
 * every finding (with the anchor each is linked by), the alignment matrix with the instruments
 * behind each cell, and the policy index the charts read. Renderers only lay this out.
 */
import { PolicyIndex } from '../engine/lookups/policy-index.js';
import type { Finding } from '../engine/run.js';
import type { DecisionRecord } from '../gate/record.js';
import { RewardModel } from '../model/build.js';
import type { GateReport } from '../gate/run.js';
import type { LintResult } from '../lint.js';
import type { LoadedPolicy } from '../load/index.js';
import { buildEvidenceMatrix, type EvidenceMatrix } from '../matrix/build.js';
import type { SinceComparison } from './since.js';
import type { ImpactReport } from '../impact/model.js';

export interface ReportModel {
  gate: GateReport;
  loaded: LoadedPolicy;
  index: PolicyIndex;
  /** The model every view reads: what each team is rewarded for, at the judged date. */
  rewards: RewardModel;
  matrix: EvidenceMatrix;
  /** Every finding of the gate's run, in the order the findings section lists them. */
  findings: Finding[];
  /** The HTML id of each finding, so the checklist and the charts can link to it. */
  anchors: Map<Finding, string>;
  /** Options of the rules as configured for this run, by rule id (the charts use the same numbers). */
  ruleOptions: Record<string, Record<string, unknown>>;
  today: string;
  version: string;
  /** `report --since`: the gate at an earlier commit beside this one. */
  since?: SinceComparison;
  /** `report --since`: what the change to the compensation plans since that commit costs (diff --impact's figures). */
  impact?: ImpactReport;
  /** The decision record of this run, summarized in the footer. */
  record?: DecisionRecord;
}

export function buildReportModel(gate: GateReport, lint: LintResult, loaded: LoadedPolicy, today: string, version: string): ReportModel {
  // The report reads the model the rules read, so that its heatmap and the findings tell one story.
  const model = lint.model ?? new RewardModel(new PolicyIndex(loaded.policy, loaded.sections));
  const index = model.index;
  const findings = orderFindings(index, allFindings(gate, lint));
  const anchors = new Map(findings.map((finding, position) => [finding, `finding-${position + 1}`]));
  const ruleOptions = Object.fromEntries((lint.config?.rules ?? []).map((entry) => [entry.rule.meta.id, entry.options]));
  return {
    gate,
    loaded,
    index,
    rewards: model,
    matrix: buildEvidenceMatrix(loaded, model),
    findings,
    anchors,
    ruleOptions,
    today,
    version,
  };
}

/** The gate's step and blocking findings (lever coverage included) and the run's other findings, once each. */
function allFindings(gate: GateReport, lint: LintResult): Finding[] {
  return [...new Set([...gate.steps.flatMap((step) => step.findings), ...gate.blocking, ...lint.findings])];
}

/** What a finding is about: its instrument, else its subject (a priority, team, metric), else the policy. */
export function ownerOf(finding: Finding): string | undefined {
  return finding.instrument ?? finding.subject;
}

/** Instruments in the order the policy declares them, then other subjects, then policy-wide; by position within. */
function orderFindings(index: PolicyIndex, findings: readonly Finding[]): Finding[] {
  const rank = new Map(index.instruments.map((instrument, position) => [instrument.id, position]));
  const ownerRank = (finding: Finding) => {
    const owner = ownerOf(finding);
    return owner === undefined ? Number.MAX_SAFE_INTEGER : (rank.get(owner) ?? index.instruments.length);
  };
  return [...findings].sort(
    (a, b) =>
      ownerRank(a) - ownerRank(b) ||
      (ownerOf(a) ?? '').localeCompare(ownerOf(b) ?? '') ||
      a.file.localeCompare(b.file) ||
      a.line - b.line ||
      a.column - b.column ||
      a.rule.localeCompare(b.rule),
  );
}
