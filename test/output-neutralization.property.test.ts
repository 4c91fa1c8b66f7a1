/**
 * Property: whatever text the repository holds (control characters, line breaks, bidi marks,
 * workflow commands, Markdown and HTML), every output format keeps it inside its medium once it
 * went through the formatter and the stream guard, exactly as the CLI prints it: no line of a
 * github run can start a workflow command, XML stays well-formed, JSON parses back to the same
 * text, Markdown carries no raw HTML, mention or link, and no raw ESC is printed anywhere.
 */
import { Chalk } from 'chalk';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic, type Diagnostic } from '../src/diagnostics.js';
import type { Finding } from '../src/engine/run.js';
import { renderGate, type GateFormat } from '../src/gate/render.js';
import type { GateReport } from '../src/gate/run.js';
import type { LintResult } from '../src/lint.js';
import { renderMatrix, type MatrixFormat } from '../src/matrix/render.js';
import type { AlignmentMatrix } from '../src/matrix/build.js';
import { guardLines, type Medium } from '../src/output/neutralize.js';
import { FORMAT_NAMES, loadFormatter, mediumOf } from '../src/report/index.js';
import { parseXml } from './xml.js';

const HOSTILE = [
  '\n',
  '\r',
  '\r\n',
  '\t',
  '\u001b',
  '\u001b[2J',
  '\u001b]0;title\u0007',
  '\u0000',
  '\u007f',
  '\u0085',
  '\u009b',
  '\u200e',
  '\u200f',
  '\u061c',
  '\u2028',
  '\u2029',
  '\u202e',
  '\u2066',
  '\ud800',
  '\udc00',
  '\ufeff',
  '::',
  '::error::forged',
  '::stop-commands::x',
  '##[error]',
  '%',
  '%0A',
  ':',
  ',',
  '"',
  "'",
  '&',
  '&amp;',
  '<',
  '>',
  '<!--',
  '-->',
  '<script>',
  '</li>',
  '![x](http://e.x/i.png)',
  '[l](javascript:x)',
  '@alice',
  '@org/team',
  'a@b.co',
  'https://evil.example/p?q=1',
  'www.evil.example',
  '|',
  '`',
  '*',
  '_',
  '~',
  '#',
  '\\',
  ' ',
  '✔ no problems',
  '**GO**',
];

const hostileText = fc
  .array(
    fc.oneof(
      fc.constantFrom(...HOSTILE),
      fc.string({ maxLength: 4 }),
      fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)),
    ),
    { maxLength: 8 },
  )
  .map((parts) => parts.join(''));
const nonEmpty = hostileText.map((text) => (text === '' ? 'x' : text));

const finding = fc
  .record({
    message: nonEmpty,
    fix: nonEmpty,
    file: nonEmpty,
    instrument: hostileText,
    rule: fc.constantFrom('flat-commission', 'acme/rule'),
  })
  .map(
    ({ message, fix, file, instrument, rule }): Finding => ({
      rule,
      severity: 'error',
      category: 'alignment',
      message,
      fix,
      file,
      line: 3,
      column: 5,
      endLine: 3,
      endColumn: 9,
      path: ['compensation', 0],
      instrument: instrument || undefined,
    }),
  );

const diagnostic = fc
  .record({ file: nonEmpty, message: nonEmpty })
  .map(({ file, message }): Diagnostic => ({ file, message, line: 2, column: 1, source: 'schema' }));

function lintResult(findings: Finding[], diagnostics: Diagnostic[], skipped: string[]): LintResult {
  const files = [...new Set(findings.map((f) => f.file))];
  return {
    findings,
    waived: [],
    suppressed: [],
    diagnostics,
    files,
    skipped,
    summary: { errors: findings.length, warnings: 0, infos: 0, files: files.length },
    rules: [{ id: 'flat-commission', category: 'alignment', severity: 'error', summary: 's', rationale: 'r', source: 'src' }],
  };
}

const chalk = new Chalk({ level: 0 });

/** What a run prints in `medium`: the formatter's text through the stream guard, as output/print.ts writes it. */
const printed = (text: string, medium: Medium) => guardLines(text, medium);

function expectNoCommand(text: string, medium: Medium): void {
  for (const line of text.split('\n')) {
    if (medium === 'github' && /^::(error|warning|notice) [^\n]*::/.test(line)) continue;
    expect(line, JSON.stringify(line)).not.toMatch(/^\s*::/);
    expect(line, JSON.stringify(line)).not.toContain('##[');
  }
  expect(text).not.toContain('\u001b');
}

function expectSafeMarkdown(text: string): void {
  const body = text.replace('<!-- incentive-lint report -->', '').replace(/<br>/g, ' ');
  // Outside code spans (where mentions and links are shown), no unescaped HTML, mention or link.
  const outsideCode = body.replace(/\\\\/g, ' ').replace(/(?<!\\)`[^`\n]*`/g, '');
  expect(outsideCode, body).not.toMatch(/(?<!\\)</);
  expect(outsideCode, body).not.toMatch(/(?<![\w\\])@[A-Za-z0-9]/);
  // GitHub links a URL or www. address at the start of a line, after a space or after * _ ~ (.
  expect(outsideCode, body).not.toMatch(/(?:^|[\s*_~(])(?:https?:\/\/|www\.)/m);
}

describe('every output format keeps hostile text inside its medium', () => {
  it('lint reports: every format (stylish, json, sarif, github, gitlab, junit, markdown)', async () => {
    const formatters = await Promise.all(FORMAT_NAMES.map(async (name) => [name, (await loadFormatter(name))!] as const));
    fc.assert(
      fc.property(
        fc.array(finding, { maxLength: 3 }),
        fc.array(diagnostic, { maxLength: 2 }),
        fc.array(nonEmpty, { maxLength: 2 }),
        (findings, diagnostics, skipped) => {
          const result = lintResult(findings, diagnostics, skipped);
          for (const [name, formatter] of formatters) {
            const medium = mediumOf(name);
            const text = printed(formatter(result, { chalk }), medium);
            expectNoCommand(text, medium);
            if (medium === 'json') {
              const parsed = JSON.parse(text) as
                | { findings?: { message: string }[]; runs?: { results: { message: { text: string } }[] }[] }
                | { description: string }[];
              // JSON carries the text exactly: json's message, SARIF's and GitLab's message with the fix after it.
              const messages = Array.isArray(parsed)
                ? parsed.map((issue) => issue.description)
                : (parsed.findings?.map((f) => f.message) ?? parsed.runs![0]!.results.map((r) => r.message.text));
              expect(messages.length).toBe(findings.length);
              for (const [index, message] of messages.entries()) expect(message.startsWith(findings[index]!.message)).toBe(true);
            }
            if (medium === 'xml') expect(() => parseXml(text)).not.toThrow();
            if (medium === 'markdown') expectSafeMarkdown(text);
            if (name === 'stylish') {
              // One line per finding and one per fix: a line break in the text adds none.
              expect(
                text.split('\n').filter((line) => line.includes('flat-commission') || line.includes('acme/rule')).length,
              ).toBeGreaterThanOrEqual(findings.length);
              // A message with a line break is never printed raw before its rule id (a lone "\n" alone is in any text, so the rule id anchors it).
              for (const f of findings) if (/[\n\r]/.test(f.message)) expect(text).not.toContain(`${f.message}  ${f.rule}`);
            }
          }
          // Problems of a run that could not lint, as printed on stderr.
          expectNoCommand(printed(diagnostics.map((d) => `error ${formatDiagnostic(d)}\n`).join(''), 'text'), 'text');
          for (const d of diagnostics) expect(formatDiagnostic(d)).not.toMatch(/[\n\r\u2028\u2029]/);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('gate and matrix reports in every format', () => {
    fc.assert(
      fc.property(fc.array(finding, { minLength: 1, maxLength: 3 }), nonEmpty, nonEmpty, nonEmpty, (findings, team, priority, reason) => {
        const report: GateReport = {
          verdict: 'no-go',
          announce: '2026-03-02',
          files: [...new Set(findings.map((f) => f.file))],
          skipped: [reason],
          steps: [
            { number: 1, id: 'plans', title: 'Plans', status: 'fail', findings, cannotJudge: [], notChecked: [reason] },
            { number: 2, id: 'awards', title: 'Awards', status: 'cannot-judge', findings: [], cannotJudge: [reason], notChecked: [] },
          ],
          blocking: findings,
          waivers: [
            {
              waiver: { rule: reason, target: team, approved_by: priority, expires: '2026-12-31', reason },
              findings,
            } as GateReport['waivers'][number],
          ],
        };
        const matrix: AlignmentMatrix = {
          teams: [team],
          rows: [{ priority, cells: { [team]: { status: 'undermined', reinforcedBy: [], underminedBy: [reason] } } }],
        };
        for (const format of ['stylish', 'markdown', 'json'] as const) {
          const medium: Medium = format === 'stylish' ? 'text' : format;
          for (const text of [
            printed(renderGate(report, format as GateFormat, chalk), medium),
            printed(renderMatrix(matrix, format as MatrixFormat, chalk), medium),
          ]) {
            expectNoCommand(text, medium);
            if (format === 'json') JSON.parse(text);
            if (format === 'markdown') expectSafeMarkdown(text);
          }
          if (format !== 'json') {
            const gate = printed(renderGate(report, format as GateFormat, chalk), medium);
            // The verdict is the report's own, once: no text can add another.
            expect(gate.split('\n').filter((line) => /GO\b/.test(line) && /^(\*\*|✖|✔|## )/.test(line)).length).toBe(
              2 - (format === 'stylish' ? 1 : 0),
            );
          }
        }
      }),
      { numRuns: 100 },
    );
  });
});
