/**
 * The editor clients themselves, with Debian's Neovim (installed by .ci/run):
 * - its built-in LSP client drives `incentive-lint lsp` (test/e2e/neovim-lsp.lua);
 * - its quickfix list reads the `unix` format with `errorformat=%f:%l:%c: %m`, and the `compact`
 *   format with the errorformat Neovim ships for ESLint (`:compiler eslint`).
 * Without nvim the tests are skipped on a laptop, and fail in CI (CI=true), where it must be there.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, cliEnvironment, EXAMPLES, ROOT, runCli, tempDir } from './helpers.js';

const NVIM = ['/usr/bin/nvim', '/usr/local/bin/nvim'].find((candidate) => fs.existsSync(candidate));
if (!NVIM && process.env.CI) throw new Error("Neovim is missing: .ci/run installs Debian's neovim package for this test");

function nvim(args: string[], env: Record<string, string> = {}) {
  const run = spawnSync(NVIM!, ['--headless', '--clean', ...args], {
    encoding: 'utf8',
    timeout: 90_000,
    env: { ...cliEnvironment(), ...env },
  });
  return { code: run.status, stderr: `${run.stderr ?? ''}${run.error ? String(run.error) : ''}` };
}

interface Seen {
  line: number;
  col: number;
  severity: number;
  code: string;
  message: string;
}

describe.skipIf(!NVIM)('Neovim', () => {
  it("its LSP client shows the findings, follows an edit, applies quick fixes (disable, and a finding's edits) and hovers the explanation", () => {
    const dir = tempDir({ 'policy.yaml': fs.readFileSync(path.join(EXAMPLES, 'enterprise-first.yaml'), 'utf8') });
    const out = path.join(dir, 'seen.json');
    const run = nvim(['-c', `luafile ${path.join(ROOT, 'test', 'e2e', 'neovim-lsp.lua')}`], {
      IL_NODE: process.execPath,
      IL_BIN: BIN,
      IL_FILE: path.join(dir, 'policy.yaml'),
      IL_OUT: out,
    });
    const seen = JSON.parse(fs.readFileSync(out, 'utf8')) as {
      error?: string;
      opened: Seen[];
      edited: Seen[];
      fixed: Seen[];
      actions: string[];
      inserted: string;
      edit_actions: string[];
      edit_preferred: boolean;
      added_lines: number;
      clawback: string;
      guarded: Seen[];
      hover: string;
    };
    expect(seen.error, run.stderr).toBeUndefined();
    expect(run.code).toBe(0);

    const cli = JSON.parse(runCli([path.join(dir, 'policy.yaml'), '--no-config', '-f', 'json']).stdout) as {
      findings: { rule: string; line: number; column: number }[];
    };
    // What the CLI printed for the file as it is on disk is what the editor showed on opening it.
    const places = (list: { code?: string; rule?: string; line: number; col?: number; column?: number }[]) =>
      list.map((item) => `${item.code ?? item.rule}@${item.line}:${item.col ?? item.column}`).sort();
    expect(places(seen.opened)).toEqual(
      places(cli.findings.map((finding) => ({ rule: finding.rule, line: finding.line - 1, col: finding.column - 1 }))),
    );
    expect(seen.opened.find((d) => d.code === 'flat-commission')).toMatchObject({ line: 75, col: 8, severity: 1 });

    expect(seen.edited.map((d) => d.code)).not.toContain('flat-commission');
    expect(seen.edited).toHaveLength(seen.opened.length - 1);

    expect(seen.actions).toContain('Disable recognition-mismatch for this line');
    expect(seen.inserted).toMatch(/^\s*# incentive-lint-disable-next-line recognition-mismatch$/);
    expect(seen.fixed).toHaveLength(seen.edited.length - 1);

    // The finding's edits, applied by Neovim's own workspace-edit code: one line added, indented as the plan's keys.
    expect(seen.edit_actions).toEqual([
      'Add clawback: { months: 6 } (no-retention-guard: a suggestion to review)',
      'Disable no-retention-guard for this line',
    ]);
    expect(seen.edit_preferred).toBe(false);
    expect(seen.added_lines).toBe(1);
    expect(seen.clawback).toBe('    clawback: { months: 6 }');
    expect(seen.guarded.map((d) => d.code)).not.toContain('no-retention-guard');
    expect(seen.guarded).toHaveLength(seen.fixed.length - 1);

    expect(seen.hover).toContain('**pay-old-priority**');
    expect(seen.hover).toContain('Accepting an exception');
  });

  it('its quickfix list reads the unix format with errorformat %f:%l:%c: %m, and compact with :compiler eslint', () => {
    const dir = tempDir();
    const example = path.join(EXAMPLES, 'enterprise-first.yaml');
    const json = JSON.parse(runCli([example, '--no-config', '-f', 'json']).stdout) as {
      findings: { line: number; column: number; message: string }[];
    };
    for (const [format, setup] of [
      ['unix', 'set errorformat=%f:%l:%c:\\ %m'],
      ['compact', 'compiler eslint'],
    ] as const) {
      const report = path.join(dir, `${format}.txt`);
      fs.writeFileSync(report, runCli([example, '--no-config', '-f', format]).stdout);
      const out = path.join(dir, `${format}.json`);
      const run = nvim([
        '-c',
        setup,
        '-c',
        `cgetfile ${report}`,
        '-c',
        `lua local f = io.open('${out}', 'w'); f:write(vim.json.encode(vim.fn.getqflist())); f:close()`,
        '-c',
        'qall!',
      ]);
      expect(run.code, run.stderr).toBe(0);
      const entries = (JSON.parse(fs.readFileSync(out, 'utf8')) as { valid: number; lnum: number; col: number; text: string }[]).filter(
        (entry) => entry.valid === 1,
      );
      expect(
        entries.map((entry) => [entry.lnum, entry.col]),
        format,
      ).toEqual(json.findings.map((finding) => [finding.line, finding.column]));
      expect(
        entries.every((entry, index) => entry.text.includes(json.findings[index]!.message)),
        format,
      ).toBe(true);
    }
  });
});
