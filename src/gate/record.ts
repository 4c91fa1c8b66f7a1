/**
 * The decision record of one gate run: what an auditor or a compensation committee needs to show,
 * later, exactly what was judged and how. The sha256 of every file the run read (policy files,
 * files it skipped, the configuration, local plugins), the git commit and whether the tree was
 * clean, the tool and every rule with its severity and options, the waivers in force with their
 * owner and expiry, every step's result, the verdict and the time. Any byte changed in any input
 * changes the record; rerunning the same inputs gives the same record but for `decidedAt`.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Finding } from '../engine/run.js';
import type { LintResult } from '../lint.js';
import { VERSION } from '../project.js';
import { gitState, type GitState } from './git-state.js';
import type { GateReport } from './run.js';

const RECORD_VERSION = 1;

interface RecordedFile {
  file: string;
  role: 'policy' | 'skipped' | 'config' | 'plugin';
  sha256: string | null;
}

export interface DecisionRecord {
  record: 'incentive-lint decision record';
  recordVersion: typeof RECORD_VERSION;
  decidedAt: string;
  tool: { name: 'incentive-lint'; version: string; node: string };
  announce: string;
  today: string;
  verdict: GateReport['verdict'];
  files: RecordedFile[];
  git: (GitState & { repository: true }) | { repository: false };
  rules: { id: string; severity: string; options: Record<string, unknown>; from: string }[];
  plugins: string[];
  waivers: { rule: string; target: string; approved_by: string; expires: string; reason: string; findings: number }[];
  steps: {
    number: number;
    id: string;
    title: string;
    status: string;
    cannotJudge: string[];
    notChecked: string[];
    findings: RecordedFinding[];
  }[];
  blocking: RecordedFinding[];
  /** sha256 of this record without decidedAt and digest: the one line to quote in minutes. */
  digest: string;
}

type RecordedFinding = Pick<Finding, 'rule' | 'file' | 'line' | 'column' | 'message'>;

function recorded(finding: Finding): RecordedFinding {
  const { rule, file, line, column, message } = finding;
  return { rule, file, line, column, message };
}

function sha256Of(file: string): string | null {
  try {
    return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
  } catch {
    return null;
  }
}

export interface RecordOptions {
  cwd: string;
  today: string;
  /** The time of the decision, ISO 8601 (default: now). */
  now?: string;
}

export function buildDecisionRecord(report: GateReport, lint: LintResult, options: RecordOptions): DecisionRecord {
  const { cwd } = options;
  const hashed = (file: string, role: RecordedFile['role']): RecordedFile => ({ file, role, sha256: sha256Of(path.resolve(cwd, file)) });
  const files: RecordedFile[] = [
    ...report.files.map((file) => hashed(file, 'policy')),
    ...report.skipped.map((file) => hashed(file, 'skipped')),
  ];
  const config = lint.config;
  if (config?.file) files.push(hashed(config.file, 'config'));
  // A plugin given as a path is a file the run read; one given as a package name is recorded by name.
  const configDir = config?.file ? path.dirname(path.resolve(cwd, config.file)) : cwd;
  for (const plugin of config?.plugins ?? []) {
    if (plugin.startsWith('.') || path.isAbsolute(plugin))
      files.push({
        file: path.relative(cwd, path.resolve(configDir, plugin)) || plugin,
        role: 'plugin',
        sha256: sha256Of(path.resolve(configDir, plugin)),
      });
  }
  const git = gitState(cwd);
  const body: Omit<DecisionRecord, 'decidedAt' | 'digest'> = {
    record: 'incentive-lint decision record',
    recordVersion: RECORD_VERSION,
    tool: { name: 'incentive-lint', version: VERSION, node: process.version },
    announce: report.announce,
    today: options.today,
    verdict: report.verdict,
    files,
    git: git ? { repository: true, ...git } : { repository: false },
    rules: (config?.rules ?? []).map((entry) => ({
      id: entry.rule.meta.id,
      severity: entry.severity,
      options: entry.options,
      from: entry.severity === 'off' ? entry.severityFrom : `${entry.severityFrom}; options: ${entry.optionsFrom}`,
    })),
    plugins: config?.plugins ?? [],
    waivers: report.waivers.map(({ waiver, findings }) => ({
      rule: waiver.rule,
      target: waiver.target,
      approved_by: waiver.approved_by,
      expires: waiver.expires,
      reason: waiver.reason,
      findings: findings.length,
    })),
    steps: report.steps.map((step) => ({
      number: step.number,
      id: step.id,
      title: step.title,
      status: step.status,
      cannotJudge: step.cannotJudge,
      notChecked: step.notChecked,
      findings: step.findings.map(recorded),
    })),
    blocking: report.blocking.map(recorded),
  };
  const digest = createHash('sha256').update(JSON.stringify(body)).digest('hex');
  const { record, recordVersion, ...rest } = body;
  return { record, recordVersion, decidedAt: options.now ?? new Date().toISOString(), ...rest, digest };
}

export function decisionRecordText(record: DecisionRecord): string {
  return `${JSON.stringify(record, null, 2)}\n`;
}
