/**
 * The one-line formats editors and CI parse, checked with the exact patterns those clients use:
 * VS Code's stock `$eslint-compact` problem matcher (also GitHub's documented matcher of the same
 * shape) for `compact`, and the `file:line:column: message [Severity/rule]` shape that errorformat
 * and gcc-style matchers read for `unix`. The quickfix lists of Neovim itself are test/neovim.test.ts.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers.js';

/** VS Code's `$eslint-compact` (src/vs/workbench/contrib/tasks/common/problemMatcher.ts). */
const ESLINT_COMPACT = /^(.+):\sline\s(\d+),\scol\s(\d+),\s(Error|Warning|Info)\s-\s(.+)\s\((.+)\)$/;
const UNIX = /^(.+?):(\d+):(\d+): (.+) \[(Error|Warning|Info)\/([^\]]+)\]$/;
const LABEL = { error: 'Error', warning: 'Warning', info: 'Info' } as const;

interface JsonFinding {
  file: string;
  line: number;
  column: number;
  severity: keyof typeof LABEL;
  rule: string;
  message: string;
  fix: string;
}

const example = path.join('examples', 'enterprise-first.yaml');
const findings = (JSON.parse(runCli([example, '--no-config', '-f', 'json']).stdout) as { findings: JsonFinding[] }).findings;

describe.each([
  [
    'compact',
    ESLINT_COMPACT,
    (m: RegExpExecArray) => ({ file: m[1], line: Number(m[2]), column: Number(m[3]), severity: m[4], message: m[5], rule: m[6] }),
  ],
  [
    'unix',
    UNIX,
    (m: RegExpExecArray) => ({ file: m[1], line: Number(m[2]), column: Number(m[3]), severity: m[5], message: m[4], rule: m[6] }),
  ],
] as const)('-f %s', (format, pattern, read) => {
  it("every finding is one line the client's pattern reads back exactly, fix included", () => {
    const run = runCli([example, '--no-config', '-f', format]);
    expect(run.code).toBe(1);
    const matched = run.stdout.split('\n').flatMap((line) => {
      const match = pattern.exec(line);
      return match ? [read(match)] : [];
    });
    expect(matched).toEqual(
      findings.map((finding) => ({
        file: finding.file,
        line: finding.line,
        column: finding.column,
        severity: LABEL[finding.severity],
        message: `${finding.message} Fix: ${finding.fix}`,
        rule: finding.rule,
      })),
    );
    expect(run.stdout.trimEnd().split('\n').at(-1)).toBe('20 problems (11 errors, 6 warnings, 3 infos) in 1 file');
  });
});
