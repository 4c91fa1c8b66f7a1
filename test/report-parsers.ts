/**
 * Readers for every report format, for tests that parse a report back and compare it with the
 * findings. Each reads what a consumer reads (the GitHub runner, a JUnit viewer, a Markdown
 * renderer, a SARIF viewer) and returns the findings as plain records.
 */
import { expect } from 'vitest';
import type { Finding } from '../src/index.js';
import { parseXml, type XmlElement } from './xml.js';

export interface ReadFinding {
  rule: string;
  severity: string;
  file: string;
  line: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
  message: string;
  fix: string;
}

export function expected(
  findings: readonly Finding[],
  keys: readonly (keyof ReadFinding)[] = ['rule', 'severity', 'file', 'line', 'column', 'endLine', 'endColumn', 'message', 'fix'],
) {
  return findings.map((finding) => Object.fromEntries(keys.map((key) => [key, finding[key]])));
}

// --- github: workflow commands, decoded as the Actions runner decodes them ---

/** What an annotation can say: GitHub takes columns only for a finding that starts and ends on one line. */
export function expectedGithub(findings: readonly Finding[]) {
  return expected(findings).map((finding) =>
    finding.line === finding.endLine ? finding : { ...finding, column: undefined, endColumn: undefined },
  );
}

const SEVERITY_OF_COMMAND: Record<string, string> = { error: 'error', warning: 'warning', notice: 'info' };

function unescapeData(text: string): string {
  return text.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
}

function unescapeProperty(text: string): string {
  return unescapeData(text.replace(/%3A/g, ':').replace(/%2C/g, ','));
}

export function readGithub(text: string): ReadFinding[] {
  return text
    .split('\n')
    .filter((line) => line.startsWith('::'))
    .map((line) => {
      const match = /^::(\w+) ([^:]*)::(.*)$/.exec(line);
      if (!match) throw new Error(`not a workflow command: ${line}`);
      const properties = Object.fromEntries(
        match[2]!.split(',').map((pair) => {
          const [key, value] = pair.split('=') as [string, string];
          return [key, unescapeProperty(value)];
        }),
      );
      const data = unescapeData(match[3]!);
      const fixAt = data.lastIndexOf('\nfix: ');
      return {
        rule: properties.title!,
        severity: SEVERITY_OF_COMMAND[match[1]!]!,
        file: properties.file!,
        line: Number(properties.line),
        column: properties.col === undefined ? undefined : Number(properties.col),
        endLine: Number(properties.endLine),
        endColumn: properties.endColumn === undefined ? undefined : Number(properties.endColumn),
        message: data.slice(0, fixAt),
        fix: data.slice(fixAt + '\nfix: '.length),
      };
    });
}

// --- junit ---

/**
 * Every finding of a JUnit report: a failing testcase (errors) or a passing one whose system-out
 * carries it (warnings, infos). The body's first line is `SEVERITY RULE at FILE:LINE:COLUMN`.
 */
export function readJunit(text: string): { suites: XmlElement[]; findings: ReadFinding[] } {
  const root = parseXml(text);
  if (root.name !== 'testsuites') throw new Error(`root is <${root.name}>`);
  const findings: ReadFinding[] = [];
  for (const suite of root.children) {
    for (const testcase of suite.children) {
      const failure = testcase.children.find((child) => child.name === 'failure');
      const output = testcase.children.find((child) => child.name === 'system-out');
      const body = (failure ?? output)?.text;
      if (body === undefined) continue;
      const firstBreak = body.indexOf('\n');
      const [, severity, rule, file, line, column] = /^(\w+) (\S+) at (.*):(\d+):(\d+)$/.exec(body.slice(0, firstBreak))!;
      const fixAt = body.lastIndexOf('\nfix: ');
      const message = body.slice(firstBreak + 1, fixAt);
      if (failure) expect([failure.attributes.type, failure.attributes.message]).toEqual([severity, message]);
      expect(testcase.attributes.classname).toBe(file);
      findings.push({
        rule: rule!,
        severity: severity!,
        file: file!,
        line: Number(line),
        column: Number(column),
        message,
        fix: body.slice(fixAt + '\nfix: '.length),
      });
    }
  }
  return { suites: root.children, findings };
}

// --- markdown: the table cells, unescaped as CommonMark does ---

function splitRow(row: string): string[] {
  const cells: string[] = [];
  let current = '';
  for (let i = 1; i < row.length; i++) {
    const character = row[i]!;
    if (character === '\\') {
      current += character + (row[i + 1] ?? '');
      i++;
    } else if (character === '|') {
      cells.push(current.trim());
      current = '';
    } else {
      current += character;
    }
  }
  return cells;
}

function unescapeCell(cell: string): string {
  return cell.replace(/<br>/g, '\n').replace(/\\(.)/g, '$1');
}

export function readMarkdown(text: string): { summary: string; findings: (ReadFinding & { docs?: string })[] } {
  const lines = text.split('\n');
  const summary = lines.find((line) => line.startsWith('### '))!;
  const findings: (ReadFinding & { docs?: string })[] = [];
  let file = '';
  for (const line of lines) {
    if (line.startsWith('#### ')) file = unescapeCell(line.slice(5));
    if (!/^\| \d+:\d+ \|/.test(line)) continue;
    const [position, severity, ruleCell, message, fix] = splitRow(line);
    const link = /^\[(.*)\]\((.*)\)$/.exec(ruleCell!);
    const [lineNumber, column] = position!.split(':').map(Number);
    findings.push({
      rule: unescapeCell(link ? link[1]! : ruleCell!),
      ...(link ? { docs: link[2] } : {}),
      severity: severity!,
      file,
      line: lineNumber!,
      column: column!,
      message: unescapeCell(message!),
      fix: unescapeCell(fix!),
    });
  }
  return { summary, findings };
}

// --- sarif ---

export interface SarifLog {
  runs: {
    tool: {
      driver: {
        name: string;
        version: string;
        informationUri: string;
        rules: { id: string; helpUri?: string; defaultConfiguration: { level: string }; shortDescription: { text: string } }[];
      };
    };
    results: {
      ruleId: string;
      ruleIndex: number;
      level: string;
      message: { text: string };
      locations: {
        physicalLocation: {
          artifactLocation: { uri: string };
          region: { startLine: number; startColumn: number; endLine: number; endColumn: number };
        };
      }[];
      partialFingerprints: Record<string, string>;
      properties: { fix: string };
    }[];
  }[];
}

const SEVERITY_OF_LEVEL: Record<string, string> = { error: 'error', warning: 'warning', note: 'info' };

export function readSarif(text: string): { log: SarifLog; findings: ReadFinding[] } {
  const log = JSON.parse(text) as SarifLog;
  const findings = log.runs[0]!.results.map((result) => {
    const { artifactLocation, region } = result.locations[0]!.physicalLocation;
    const fixAt = result.message.text.lastIndexOf('\nFix: ');
    return {
      rule: result.ruleId,
      severity: SEVERITY_OF_LEVEL[result.level]!,
      file: decodeURIComponent(artifactLocation.uri),
      line: region.startLine,
      column: region.startColumn,
      endLine: region.endLine,
      endColumn: region.endColumn,
      message: result.message.text.slice(0, fixAt),
      fix: result.message.text.slice(fixAt + '\nFix: '.length),
    };
  });
  return { log, findings };
}
