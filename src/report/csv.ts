/**
 * CSV for spreadsheets: a header and one row per finding (file, line, column, severity, rule,
 * instrument, team, message, fix), RFC 4180 (csv-stringify quotes a field holding a comma, a quote
 * or a line break, doubling its quotes; records end in CRLF). The file is meant to be opened in
 * Excel, LibreOffice or Google Sheets, which evaluate a cell that starts with = + - @ (or a tab or
 * CR, which they strip first) as a formula: policy text is the author's, so such a cell gets a
 * leading apostrophe (OWASP's CSV-injection advice), which spreadsheets show as text. Line breaks
 * inside a message are written \n, so that every finding is one line for grep and diff as well.
 */
import { stringify } from 'csv-stringify/sync';
import type { Finding } from '../engine/run.js';
import type { LintResult } from '../lint.js';
import { printableLine } from '../output/neutralize.js';
import type { Formatter } from './types.js';

export const CSV_COLUMNS = ['file', 'line', 'column', 'severity', 'rule', 'instrument', 'team', 'message', 'fix'] as const;

const FORMULA_START = /^[=+\-@\t\r]/;

/** A cell a spreadsheet shows as the text it is, never evaluates. */
export function spreadsheetCell(value: string): string {
  const text = printableLine(value);
  return FORMULA_START.test(text) ? `'${text}` : text;
}

export const csv: Formatter = (result) => {
  const teamOf = teamsOfInstruments(result);
  const rows = result.findings.map((finding) => [
    spreadsheetCell(finding.file),
    String(finding.line),
    String(finding.column),
    finding.severity,
    finding.rule,
    spreadsheetCell(finding.instrument ?? ''),
    spreadsheetCell(teamOf(finding)),
    spreadsheetCell(finding.message),
    spreadsheetCell(finding.fix),
  ]);
  return stringify([[...CSV_COLUMNS], ...rows], { record_delimiter: 'windows', quoted_match: /^\s|\s$/ });
};

/** The team a finding is about: its instrument's team, or the team it is about outside any instrument. */
function teamsOfInstruments(result: LintResult): (finding: Finding) => string {
  const policy = result.loaded?.policy;
  const teams = new Map<string, string>();
  const declared = new Set<string>((policy?.teams ?? []).map((team) => team.id));
  for (const section of [policy?.compensation, policy?.okrs, policy?.promotions, policy?.recognition]) {
    for (const instrument of section ?? [])
      if (instrument.team !== undefined && !teams.has(instrument.id)) teams.set(instrument.id, instrument.team);
  }
  return (finding) => {
    if (finding.instrument !== undefined) return teams.get(finding.instrument) ?? '';
    return finding.subject !== undefined && declared.has(finding.subject) ? finding.subject : '';
  };
}
