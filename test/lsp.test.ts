/**
 * `incentive-lint lsp` at the protocol level: the messages an editor sends and what it gets back.
 * The real-editor test (Neovim) is test/neovim.test.ts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, EXAMPLES, tempDir } from './helpers.js';
import { LspClient, type Diagnostic } from './lsp-client.js';

const POLICY = fs.readFileSync(path.join(EXAMPLES, 'enterprise-first.yaml'), 'utf8');
/** A second file of the same policy, with an OKR set on a metric the first file declares. */
const OKRS = `version: 1
okrs:
  - id: marketing-okrs-extra
    team: marketing
    effective: 2026-04-01
    objective: Fill the funnel
    rationale: Enterprise pipeline is what the strategy needs from marketing this quarter.
    key_results:
      - { metric: sourced-pipeline, target: "4000000", segment: enterprise }
`;

const at = (diagnostics: Diagnostic[], rule: string) => diagnostics.filter((diagnostic) => diagnostic.code === rule);

/** Applies LSP text edits (zero-based lines, UTF-16 characters) as an editor does. */
function applyLspEdits(text: string, edits: readonly { range: Diagnostic['range']; newText: string }[]): string {
  const starts = [0, ...[...text.matchAll(/\n/g)].map((match) => match.index + 1)];
  const offset = (position: { line: number; character: number }) => starts[position.line]! + position.character;
  return [...edits]
    .sort((a, b) => offset(b.range.start) - offset(a.range.start))
    .reduce((out, edit) => out.slice(0, offset(edit.range.start)) + edit.newText + out.slice(offset(edit.range.end)), text);
}

describe('incentive-lint lsp', () => {
  let client: LspClient;
  let dir: string;
  let policy: string;
  let okrs: string;

  beforeAll(async () => {
    dir = tempDir({ 'policy.yaml': POLICY, 'okrs.yaml': OKRS });
    policy = path.join(dir, 'policy.yaml');
    okrs = path.join(dir, 'okrs.yaml');
    client = new LspClient([BIN, 'lsp', '--stdio'], { cwd: dir });
    await client.start(dir);
  });
  afterAll(async () => {
    await client?.stop();
  });

  it('publishes every finding of the open file at its place, with its rule as the code and its fix', async () => {
    const diagnostics = await client.open(policy, POLICY);
    const flat = at(diagnostics, 'flat-commission');
    expect(flat).toHaveLength(1);
    // The CLI reports 76:9 (one-based); the protocol counts from zero.
    expect(flat[0]!.range.start).toEqual({ line: 75, character: 8 });
    expect(flat[0]!.severity).toBe(1);
    expect(flat[0]!.source).toBe('incentive-lint');
    expect(flat[0]!.message).toMatch(/\nfix: raise enterprise to at least 16%/);
    expect(at(diagnostics, 'unbalanced-scorecard')[0]!.severity).toBe(3);
    expect(diagnostics).toHaveLength(20);
  });

  it("shows the rule's explanation on hover", async () => {
    const hover = await client.hover(policy, 75, 10);
    expect(hover?.contents.kind).toBe('markdown');
    expect(hover?.contents.value).toContain('**flat-commission**');
    expect(hover?.contents.value).toContain('Why');
    expect(hover?.contents.value).toContain('Accepting an exception');
    expect(await client.hover(policy, 8, 0)).toBeNull();
  });

  it('offers a quick fix that disables the rule for the line, and applying it clears the finding', async () => {
    const flat = at(client.published(policy).at(-1)!, 'flat-commission')[0]!;
    const actions = await client.codeActions(policy, flat.range, [flat]);
    expect(actions.map((action) => action.title)).toEqual([
      'Change "8%" to "16%" (flat-commission: a suggestion to review)',
      'Disable flat-commission for this line',
    ]);
    expect(actions.map((action) => [action.kind, action.isPreferred])).toEqual([
      ['quickfix', false],
      ['quickfix', undefined],
    ]);
    const edits = actions[1]!.edit!.changes![pathToFileURL(policy).href]!;
    expect(edits).toEqual([
      {
        range: { start: { line: 75, character: 0 }, end: { line: 75, character: 0 } },
        newText: '      # incentive-lint-disable-next-line flat-commission\n',
      },
    ]);
    const lines = POLICY.split('\n');
    lines.splice(75, 0, edits[0]!.newText.replace(/\n$/, ''));
    const after = await client.change(policy, lines.join('\n'), 2);
    expect(at(after, 'flat-commission')).toEqual([]);
    // The comment disables flat-commission only: effort-adjusted-pay, which defers to it while it reports the line, now reports the line itself.
    expect(at(after, 'effort-adjusted-pay').map((diagnostic) => diagnostic.range.start.line)).toEqual([flat.range.start.line + 1]);
    expect(after).toHaveLength(20);
  });

  it("offers the finding's edits as a quick fix (a suggestion, not preferred), and applying them clears the finding", async () => {
    const diagnostics = await client.change(policy, POLICY, 3);
    const flat = at(diagnostics, 'flat-commission')[0]!;
    const [fix] = await client.codeActions(policy, flat.range, [flat]);
    const uri = pathToFileURL(policy).href;
    // Only the rate: the rest of the line, its comment and the file stay as they are.
    expect(fix!.edit!.changes).toEqual({
      [uri]: [{ range: { start: { line: 74, character: 54 }, end: { line: 74, character: 58 } }, newText: '"16%"' }],
    });
    const after = await client.change(policy, applyLspEdits(POLICY, fix!.edit!.changes![uri]!), 4);
    expect(at(after, 'flat-commission')).toEqual([]);
    expect(after).toHaveLength(19);
  });

  it('offers a safe edit as the preferred quick fix', async () => {
    const typo = POLICY.replace(
      '{ metric: new-arr, segment: enterprise, rate: "8%" }',
      '{ metric: new-arr, segment: enterprise, rate: 1 }',
    );
    const diagnostics = await client.change(policy, typo, 5);
    const implausible = at(diagnostics, 'implausible-value')[0]!;
    const actions = await client.codeActions(policy, implausible.range, [implausible]);
    expect(actions.map((action) => [action.title, action.isPreferred])).toEqual([
      ['Change 1 to "1%" (implausible-value)', true],
      ['Disable implausible-value for this line', undefined],
    ]);
    const after = await client.change(policy, applyLspEdits(typo, actions[0]!.edit!.changes![pathToFileURL(policy).href]!), 6);
    expect(at(after, 'implausible-value')).toEqual([]);
  });

  it('lints the workspace as one policy: an edit in one file re-lints the file that depends on it', async () => {
    // okrs.yaml was never opened: its findings (none) come from the policy's run. Removing the
    // metric it names from policy.yaml makes it an unknown reference there.
    const renamed = POLICY.replace('- { id: sourced-pipeline,', '- { id: sourced-pipeline-2,');
    // Each run publishes for both files; wait for both, so that the next test reads its own run.
    const bothFiles = async (text: string, version: number) => {
      const policyRun = client.diagnosticsFor(policy, client.published(policy).length + 1);
      const okrsRun = await client.change(policy, text, version, okrs);
      await policyRun;
      return okrsRun;
    };
    const inOkrs = await bothFiles(renamed, 7);
    const unknown = at(inOkrs, 'unknown-reference');
    expect(unknown).toHaveLength(1);
    expect(unknown[0]!.range.start).toEqual({ line: 8, character: 18 });
    expect(unknown[0]!.message).toMatch(/^Unknown metric "sourced-pipeline"; did you mean "sourced-pipeline-2"\?/);
    // Back as it was: the other file's diagnostics are cleared.
    const cleared = await bothFiles(POLICY, 8);
    expect(cleared).toEqual([]);
  });

  it('reports a file that cannot be read at its line, as an error', async () => {
    const broken = POLICY.replace('variable_share: 0.5\n    commission:', 'variable_share: [0.5\n    commission:');
    const diagnostics = await client.change(policy, broken, 9);
    expect(diagnostics).toEqual([
      {
        range: { start: { line: 72, character: 20 }, end: { line: 72, character: 21 } },
        severity: 1,
        source: 'incentive-lint',
        code: 'yaml',
        message: 'this [ list is never closed: end it with ], such as [enterprise, smb]',
      },
    ]);
  });
});
