/**
 * The bad-input catalog: every way a policy file can be broken or hostile, run through the built
 * CLI. Each run must end in exit 2 with a message at file:line:column (where a position exists),
 * nothing on stdout, no stack trace, and within BAD_INPUT_TIMEOUT_MS (the spawn is killed after).
 * Cases that stop at their own file share one run (LintBatch, see harness.ts); a case with other
 * options, a folder scan, a huge file or a policy that must lint has a run of its own.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint } from '../../src/index.js';
import { BASE_POLICY, EXAMPLES } from '../helpers.js';
import { expectNoStackTrace, expectUntrusted, folderWith, LintBatch, lintFiles, runCliAsync, yamlLines } from './harness.js';

interface Case {
  name: string;
  text: string;
  where: string;
  message: string;
}

/** The cases of this file that stop at their own file: one run of the CLI for all of them. */
const batch = new LintBatch();

describe.concurrent('syntax errors point at the mistake and say what to write', () => {
  const cases: Case[] = [
    {
      name: 'an unclosed double quote (reported where it opens, not at the end of the file)',
      text: yamlLines('version: 1', 'strategy:', '  name: "Enterprise-first', '  priorities: []'),
      where: 'policy.yaml:3:9',
      message: 'this double-quoted text is never closed: add the closing " where the text ends (write \\" for a quote inside it)',
    },
    {
      name: 'an unclosed single quote',
      text: yamlLines('version: 1', 'strategy:', "  name: 'Enterprise-first", '  priorities: []'),
      where: 'policy.yaml:3:9',
      message: "this single-quoted text is never closed: add the closing ' where the text ends (write '' for a quote inside it)",
    },
    {
      name: 'an unclosed [ list',
      text: yamlLines('version: 1', 'teams: [sales, marketing', 'metrics: []'),
      where: 'policy.yaml:2:8',
      message: 'this [ list is never closed: end it with ], such as [enterprise, smb]',
    },
    {
      name: 'an unclosed { mapping }',
      text: yamlLines('version: 1', 'teams:', '  - { id: sales, kind: revenue', '  - { id: marketing }'),
      where: 'policy.yaml:3:5',
      message: 'this { mapping } is never closed: end it with }, such as { id: sales, kind: revenue }',
    },
    {
      name: 'a missing colon',
      text: yamlLines('version: 1', 'strategy:', '  name Enterprise-first', '  priorities: []'),
      where: 'policy.yaml:3:3',
      message:
        'this line is not a `key: value` pair: write the key, a colon and a space, then the value (such as name: Enterprise-first), or quote text that runs over several lines',
    },
    {
      name: 'an unquoted ": " inside a value',
      text: yamlLines('version: 1', 'strategy:', '  name: Enterprise: first', '  priorities: []'),
      where: 'policy.yaml:3:9',
      message: 'a value that contains ": " must be quoted: write it in double quotes, such as name: "Enterprise: first"',
    },
    {
      name: 'keys of one mapping at different indentation',
      text: yamlLines('version: 1', 'strategy:', '    name: Enterprise-first', '  priorities: []'),
      where: 'policy.yaml:4:1',
      message:
        'all mapping items must start at the same column: the indentation does not line up with the lines above: indent items of one list or mapping by the same number of spaces',
    },
    {
      name: 'a list item beside the keys of a mapping',
      text: yamlLines('version: 1', 'strategy:', '  name: Enterprise-first', '  - enterprise-growth'),
      where: 'policy.yaml:4:1',
      message: 'a "- item" list cannot stand beside the keys of a mapping: put it under its own key (key: then the items indented below)',
    },
    {
      name: 'a value starting with a reserved character',
      text: yamlLines('version: 1', 'organization: @acme'),
      where: 'policy.yaml:2:15',
      message: 'plain value cannot start with reserved character @: quote the value, such as "@acme"',
    },
    {
      name: 'an invalid escape in double quotes',
      text: yamlLines('version: 1', 'organization: "C:\\qa"'),
      where: 'policy.yaml:2:18',
      message: 'invalid escape sequence \\q: inside double quotes write \\\\ for a backslash, or use single quotes',
    },
    {
      name: 'tabs for indentation',
      text: yamlLines('version: 1', 'strategy:', '\tname: Enterprise-first'),
      where: 'policy.yaml:3:1',
      message: 'tabs are not allowed as indentation: YAML indents with spaces, not tabs: replace the tab with spaces',
    },
    {
      name: 'an unsupported %YAML directive',
      text: yamlLines('%YAML 9.9', '---', 'version: 1'),
      where: 'policy.yaml:1:7',
      message: 'unsupported YAML version 9.9: remove the % directive line: policy files are YAML 1.2 and need no directives',
    },
  ];

  for (const { name, text, where, message } of cases) {
    batch.it(name, { 'policy.yaml': text }, (run) => expectUntrusted(run, where, message));
  }

  batch.it(
    'reports one error per line, not the cascade a single mistake sets off',
    { 'policy.yaml': yamlLines('version: 1', 'strategy:', '  name: Enterprise-first', '  - enterprise-growth') },
    (run) => {
      expect(run.stderr.split('\n').filter((line) => line.startsWith('error '))).toHaveLength(1);
    },
  );
});

describe.concurrent('duplicate keys', () => {
  batch.it('at the top of the file', { 'policy.yaml': yamlLines('version: 1', 'version: 1') }, (run) => {
    expectUntrusted(run, 'policy.yaml:2:1', 'duplicate key "version": a key may appear once in a mapping: remove or rename the second one');
  });

  batch.it(
    'inside a list item and inside a { mapping }',
    {
      'policy.yaml': yamlLines(
        'version: 1',
        'teams:',
        '  - id: sales',
        '    kind: revenue',
        '    id: marketing',
        'metrics:',
        '  - { id: new-arr, id: arr }',
      ),
    },
    (run) => {
      expectUntrusted(run, 'policy.yaml:5:5', 'duplicate key "id": a key may appear once in a mapping: remove or rename the second one');
      expectUntrusted(run, 'policy.yaml:7:20', 'duplicate key "id": a key may appear once in a mapping: remove or rename the second one');
    },
  );
});

describe.concurrent('aliases', () => {
  const laugh = (name: string, of: string) => `${name}: &${name} [${Array(9).fill(of).join(', ')}]`;
  const levels = ['b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'];
  const bomb = yamlLines('version: 1', laugh('a', '"lol"'), ...levels.map((name, i) => laugh(name, `*${i === 0 ? 'a' : levels[i - 1]}`)));
  batch.it('stops a "billion laughs" alias bomb at the first alias, quickly', { 'policy.yaml': bomb }, (run) => {
    expectUntrusted(
      run,
      'policy.yaml:3:8',
      'too many aliases: a document may expand at most 50 aliases (*name); write the values out instead of nesting aliases',
    );
  });

  batch.it('names an alias whose anchor is not defined', { 'policy.yaml': yamlLines('version: 1', 'organization: *acme') }, (run) => {
    expectUntrusted(
      run,
      'policy.yaml:2:15',
      'the alias *acme names no anchor defined before it: define &acme above it, or write the value out',
    );
  });

  const mergeKeys = `${BASE_POLICY}compensation:\n  - &plan { id: ae-2026, team: sales }\n  - { <<: *plan, id: ae-2027 }\n`;
  batch.it('rejects merge keys (<<), an old way around alias limits', { 'policy.yaml': mergeKeys }, (run) => {
    expectUntrusted(run, 'policy.yaml:24:7', 'merge keys (<<) are not supported in a compensation plan: write the keys out');
  });

  it('still accepts a few aliases for shared snippets', async () => {
    const text = `${BASE_POLICY.replace('favor: { segments: [enterprise]', 'favor: { segments: &favored [enterprise]')}recognition:\n  - id: awards\n    awards:\n      - { text: Enterprise win, segment: enterprise, teams: [sales] }\n`;
    const run = await lintFiles({
      'policy.yaml': text.replace('segments: [enterprise], metrics: [enterprise-arr]', 'segments: *favored, metrics: [enterprise-arr]'),
    });
    expectNoStackTrace(run.stderr);
    expect(run.stderr).not.toMatch(/alias/);
    expect([0, 1]).toContain(run.code);
  });
});

describe.concurrent('10,000-deep nesting is refused, not a stack overflow', () => {
  const depth = 10_000;
  const shapes: Record<string, () => string> = {
    'flow lists': () => `version: 1\nstrategy: ${'['.repeat(depth)}${']'.repeat(depth)}\n`,
    'flow mappings': () => `version: 1\nstrategy: ${'{ a: '.repeat(depth)}1${' }'.repeat(depth)}\n`,
    'block mappings': () =>
      `version: 1\nstrategy:\n${Array.from({ length: depth }, (_, i) => `${' '.repeat(i + 2)}k${i}:`).join('\n')} 1\n`,
    'block lists': () => `version: 1\nstrategy:\n${Array.from({ length: depth }, (_, i) => `${' '.repeat(i + 2)}-`).join('\n')} 1\n`,
  };
  for (const [shape, text] of Object.entries(shapes)) {
    it(shape, async () => {
      const run = await lintFiles({ 'policy.yaml': text() });
      expectNoStackTrace(run.stderr);
      // Where the parser gives up depends on the stack size of the platform; the line is inside the nesting.
      expect(run.stderr).toMatch(
        /^error policy\.yaml:\d+:\d+: the YAML is nested too deeply to read: a policy needs only a few levels; flatten the structure$/m,
      );
      expect(run.code).toBe(2);
    });
  }
});

describe.concurrent('prototype keys', () => {
  const hostile = yamlLines(
    'version: 1',
    'strategy: { priorities: [] }',
    '__proto__: { polluted: yes }',
    'constructor: { prototype: { polluted: yes } }',
    'prototype: { polluted: yes }',
    'teams:',
    '  - id: sales',
    '    __proto__: { isAdmin: true }',
    '    constructor: { prototype: { isAdmin: true } }',
  );

  it('are unknown keys at their own position', async () => {
    const run = await lintFiles({ 'policy.yaml': hostile });
    const top =
      'the keys allowed here are version, organization, currency, strategy, segments, teams, metrics, compensation, okrs, promotions, recognition, waivers, roster';
    expectUntrusted(run, 'policy.yaml:3:1', `unknown key "__proto__" in the policy file: ${top}`);
    expectUntrusted(run, 'policy.yaml:4:1', `unknown key "constructor" in the policy file: ${top}`);
    expectUntrusted(run, 'policy.yaml:5:1', `unknown key "prototype" in the policy file: ${top}`);
    const team = 'the keys allowed here are id, name, description, kind, headcount, customer_facing, hands_off_to, leads';
    expectUntrusted(run, 'policy.yaml:8:5', `unknown key "__proto__" in a team: ${team}`);
    expectUntrusted(run, 'policy.yaml:9:5', `unknown key "constructor" in a team: ${team}`);
  });

  it('pollute no prototype: an object created after loading is untouched', async () => {
    const before = Object.getOwnPropertyNames(Object.prototype).sort();
    const result = await lint(['policy.yaml'], { cwd: folderWith({ 'policy.yaml': hostile }) });
    expect(result.diagnostics).toHaveLength(5);
    const fresh: Record<string, unknown> = {};
    expect(fresh.polluted).toBeUndefined();
    expect(fresh.isAdmin).toBeUndefined();
    expect(Object.getPrototypeOf(fresh)).toBe(Object.prototype);
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before);
    expect(Object.getOwnPropertyNames(Array.prototype)).not.toContain('polluted');
  });
});

describe.concurrent('YAML tags are rejected as data and never run', () => {
  const tags = [
    "!!js/function \"function () { require('fs').writeFileSync('PWNED', 'x') }\"",
    '!<tag:yaml.org,2002:js/function> "function () { return 1 }"',
    '!!js/undefined ""',
    '!!js/regexp /enterprise/',
    '!!binary aGVsbG8=',
    '!!python/object/apply:os.system ["touch PWNED"]',
    '!!set { a, b }',
    '!!timestamp 2026-01-01',
    '!acme/plan ae-2026',
  ];
  for (const value of tags) {
    const tag = value.split(' ')[0]!.replace('!<tag:yaml.org,2002:', '!!').replace('>', '');
    const tagged = batch.add({ 'policy.yaml': yamlLines('version: 1', `organization: ${value}`) });
    it(tag, async () => {
      const run = await tagged();
      expectUntrusted(
        run,
        'policy.yaml:2:15',
        `YAML tag ${tag} is not allowed: a policy file is plain data and no tag is ever run; remove the tag and write the value itself`,
      );
      // Nothing was written: not beside the policy, not in the working folder of the run.
      expect(fs.readdirSync(tagged.folder)).toEqual(['policy.yaml']);
      expect(fs.readdirSync(path.dirname(tagged.folder)).every((name) => name.startsWith('case-'))).toBe(true);
    });
  }
});

describe.concurrent('a byte order mark and CRLF line endings are accepted, with the same positions', () => {
  const plain = fs.readFileSync(path.join(EXAMPLES, 'enterprise-first.yaml'), 'utf8');
  const variants: Record<string, string> = {
    'a UTF-8 BOM': `\uFEFF${plain}`,
    'CRLF line endings': plain.replace(/\n/g, '\r\n'),
    both: `\uFEFF${plain.replace(/\n/g, '\r\n')}`,
  };
  const findings = async (text: string) => {
    const run = await lintFiles({ 'policy.yaml': text }, ['policy.yaml', '--format', 'json']);
    expectNoStackTrace(run.stderr);
    expect(run.code).toBe(1);
    // An edit's range is an offset in the file as read, so a \r before each line moves it; its
    // positions stay, and its text ends lines as the file does.
    return (JSON.parse(run.stdout).findings as { edits?: { range?: unknown; text: string }[] }[]).map((finding) => ({
      ...finding,
      ...(finding.edits && {
        edits: finding.edits.map(({ range: _range, ...edit }) => ({ ...edit, text: edit.text.replace(/\r\n/g, '\n') })),
      }),
    }));
  };
  let expected: Promise<unknown[]> | undefined;

  for (const [name, text] of Object.entries(variants)) {
    it(name, async () => {
      expected ??= findings(plain);
      expect((await expected).length).toBeGreaterThan(0);
      expect(await findings(text)).toEqual(await expected);
    });
  }

  const broken = batch.add({ 'policy.yaml': `\uFEFF${yamlLines('version: 2', 'strategy: { priorities: [] }').replace(/\n/g, '\r\n')}` });
  const unclosed = batch.add({
    'policy.yaml': yamlLines('version: 1', 'strategy:', '  name: "Enterprise-first', '  priorities: []').replace(/\n/g, '\r\n'),
  });
  it('positions of errors stay right too', async () => {
    expectUntrusted(await broken(), 'policy.yaml:1:10', 'version is 2: this tool reads format version 1; write version: 1');
    expectUntrusted(
      await unclosed(),
      'policy.yaml:3:9',
      'this double-quoted text is never closed: add the closing " where the text ends (write \\" for a quote inside it)',
    );
  });
});

describe.concurrent('files that are not UTF-8 YAML text', () => {
  const text = (...parts: Array<string | number[]>) =>
    Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part) : Buffer.from(part))));

  batch.it(
    'invalid UTF-8: the byte, its line and column (in characters)',
    { 'policy.yaml': text('version: 1\norganization: café ', [0xff], ' GmbH\n') },
    (run) => {
      expectUntrusted(run, 'policy.yaml:2:20', 'byte 0xFF is not UTF-8 text: save the file as UTF-8');
    },
  );

  const latin1 = batch.add({ 'policy.yaml': text('version: 1\norganization: caf', [0xe9], '\n') });
  const overlong = batch.add({ 'policy.yaml': text('version: 1\n', [0xc0, 0xaf], '\n') });
  const surrogate = batch.add({ 'policy.yaml': text('version: 1\n# ', [0xed, 0xa0, 0x80], '\n') });
  it('Latin-1 text, an overlong encoding and an encoded surrogate are all invalid UTF-8', async () => {
    expectUntrusted(await latin1(), 'policy.yaml:2:18', 'byte 0xE9 is not UTF-8 text: save the file as UTF-8');
    expectUntrusted(await overlong(), 'policy.yaml:2:1', 'byte 0xC0 is not UTF-8 text: save the file as UTF-8');
    expectUntrusted(await surrogate(), 'policy.yaml:2:3', 'byte 0xED is not UTF-8 text: save the file as UTF-8');
  });

  const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('version: 1\n', 'utf16le')]);
  batch.it('UTF-16 text (as some Windows editors save it)', { 'policy.yaml': utf16 }, (run) => {
    expectUntrusted(run, 'policy.yaml', 'the file is UTF-16 text: save it as UTF-8 (most editors offer the encoding when saving)');
  });

  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]);
  const namedBinary = batch.add({ 'policy.yaml': png });
  it('a binary file with a .yaml name: refused when named, skipped in a folder scan', async () => {
    expectUntrusted(await namedBinary(), 'policy.yaml', 'this is a binary file, not YAML text: give the path of a policy .yaml file');
    const aligned = fs.readFileSync(path.join(EXAMPLES, 'aligned.yaml'));
    const run = await lintFiles({ 'policy/logo.yaml': png, 'policy/aligned.yaml': aligned }, ['policy', '--format', 'json']);
    expectNoStackTrace(run.stderr);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).summary.files).toBe(1);
  });
});

describe.concurrent('nothing to lint', () => {
  const empty = batch.add({ 'policy.yaml': '' });
  const blank = batch.add({ 'policy.yaml': '\n   \n\n' });
  const comments = batch.add({ 'policy.yaml': '# policy to come\n\n# owner: revops\n' });
  it('an empty file, a blank file, a file of only comments', async () => {
    const starter = 'a policy file starts with version: 1 (run `incentive-lint init` for a starter)';
    expectUntrusted(await empty(), 'policy.yaml:1:1', `the file is empty: ${starter}`);
    expectUntrusted(await blank(), 'policy.yaml:1:1', `the file is empty: ${starter}`);
    expectUntrusted(await comments(), 'policy.yaml:1:1', `the file holds only comments: ${starter}`);
  });

  it("a folder with no policy files, empty or holding only other tools' YAML", async () => {
    const none = 'no policy files found: a policy file is a .yaml file that starts with version: 1; run `incentive-lint init` to write one';
    expectUntrusted(await runCliAsync(['policy'], { cwd: folderWith({ 'policy/README.md': '# nothing here\n' }) }), 'policy', none);
    const others = folderWith({
      'policy/.github/workflows/ci.yaml': 'on: push\n',
      'policy/docker-compose.yaml': 'version: "3"\nservices: {}\n',
    });
    expectUntrusted(
      await runCliAsync(['policy'], { cwd: others }),
      'policy',
      'no policy files found (skipped 1 YAML file without a version key): a policy file is a .yaml file that starts with version: 1; run `incentive-lint init` to write one',
    );
  });

  const missingFile = batch.add({}, ['nope.yaml']);
  const missingFolder = batch.add({}, ['missing/folder/']);
  it('a missing path', async () => {
    expectUntrusted(await missingFile(), 'nope.yaml', 'no such file or folder: check the path');
    expectUntrusted(await missingFolder(), 'missing/folder/', 'no such file or folder: check the path');
  });

  it.runIf(fs.existsSync('/dev/zero'))('a device, which would never end (/dev/zero)', async () => {
    expectUntrusted(
      await lintFiles({}, ['/dev/zero']),
      '/dev/zero',
      'not a file or folder (a device or socket): give the path of a policy .yaml file or a folder',
    );
  });
});

describe.concurrent('a path without read permission', () => {
  /**
   * Root reads any file whatever its mode, and CI runs as root: there the CLI runs as the
   * unprivileged user `nobody` (uid 65534), for whom mode 000 holds, in a folder it may enter.
   */
  const asRoot = process.getuid?.() === 0;
  const user = asRoot ? { uid: 65534, gid: 65534 } : {};
  function folderFor(files: Record<string, string>): string {
    const dir = folderWith(files);
    if (asRoot) fs.chmodSync(dir, 0o755);
    return dir;
  }

  it('a file', async () => {
    const dir = folderFor({ 'policy.yaml': BASE_POLICY });
    fs.chmodSync(path.join(dir, 'policy.yaml'), 0o000);
    expectUntrusted(
      await runCliAsync(['policy.yaml'], { cwd: dir, ...user }),
      'policy.yaml',
      'permission denied: the file or folder cannot be read by this user',
    );
  });

  it('a folder', async () => {
    const dir = folderFor({ 'policy/policy.yaml': BASE_POLICY });
    fs.chmodSync(path.join(dir, 'policy'), 0o000);
    expectUntrusted(
      await runCliAsync(['policy'], { cwd: dir, ...user }),
      'policy',
      'permission denied: the file or folder cannot be read by this user',
    );
  });
});

describe.concurrent('symbolic link loops', () => {
  function loopyFolder(): string {
    const dir = folderWith({ 'policy/aligned.yaml': fs.readFileSync(path.join(EXAMPLES, 'aligned.yaml')) });
    fs.symlinkSync('.', path.join(dir, 'policy', 'again'));
    fs.symlinkSync('..', path.join(dir, 'policy', 'up'));
    fs.symlinkSync('b.yaml', path.join(dir, 'policy', 'a.yaml'));
    fs.symlinkSync('a.yaml', path.join(dir, 'policy', 'b.yaml'));
    return dir;
  }

  it('under a folder: each folder is visited once and the scan ends', async () => {
    const run = await runCliAsync(['policy', '--format', 'json'], { cwd: loopyFolder() });
    expectNoStackTrace(run.stderr);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).summary).toEqual({ errors: 0, warnings: 0, infos: 0, files: 1 });
  });

  it('named on the command line', async () => {
    expectUntrusted(
      await runCliAsync(['policy/a.yaml'], { cwd: loopyFolder() }),
      'policy/a.yaml',
      'too many symbolic links (a link loop): point the link at a real file',
    );
  });
});

describe.concurrent('numbers that are no amount, rate or count', () => {
  const plan = (...lines: string[]) =>
    `${BASE_POLICY}compensation:\n  - id: ae-2026\n    team: sales\n${lines.map((line) => `    ${line}\n`).join('')}`;
  // BASE_POLICY is 21 lines; `compensation:` is line 22, `- id: ae-2026` 23, `team:` 24, then the plan's lines.
  const line = (n: number) => `policy.yaml:${24 + n}`;
  const infinite = (key: string, example: string) =>
    `${key}: the number is infinite or too large (such as .inf or 1e400): write a finite number, such as ${key}: ${example}`;

  const nonFinite = plan(
    'variable_share: .inf',
    'commission:',
    '  - { metric: new-arr, segment: enterprise, rate: 1e400 }',
    '  - { metric: new-arr, segment: smb, rate: .nan }',
    '  - { metric: new-arr, rate: "1e400%" }',
    `  - { metric: new-arr, rate: "1${'0'.repeat(400)}%" }`,
    'clawback: { months: -.inf }',
  );
  batch.it('.inf, 1e400 and .nan are schema errors that never print Infinity or NaN', { 'policy.yaml': nonFinite }, (run) => {
    expectUntrusted(run, `${line(1)}:21`, infinite('variable_share', '0.5'));
    expectUntrusted(run, `${line(3)}:55`, infinite('rate', '"8%"'));
    expectUntrusted(run, `${line(4)}:48`, 'rate: .nan is not a number: write a finite number, such as rate: "8%"');
    expectUntrusted(run, `${line(5)}:34`, 'rate: "1e400%" is not a percentage: write a fraction such as 0.08 or a percentage such as "8%"');
    expectUntrusted(run, `${line(6)}:34`, infinite('rate', '"8%"'));
    expectUntrusted(run, `${line(7)}:25`, infinite('months', '6'));
    expect(run.stderr).not.toMatch(/Infinity|NaN/);
  });

  const outOfRange = plan(
    'commission:',
    '  - { metric: new-arr, segment: enterprise, rate: "150%" }',
    '  - { metric: new-arr, segment: smb, rate: -0.02 }',
    '  - { metric: new-arr, rate: 0x10 }',
  );
  batch.it('rates above 100% or negative are schema errors', { 'policy.yaml': outOfRange }, (run) => {
    expectUntrusted(run, `${line(2)}:55`, 'rate: 1.5 (150%) is above 100%: write a share between 0 and 1, such as 0.08 or "8%"');
    expectUntrusted(run, `${line(3)}:48`, 'rate: -0.02 (-2%) is negative: a share is between 0 and 1 (0% and 100%)');
    expectUntrusted(run, `${line(4)}:34`, 'rate: 16 (1600%) is above 100%: if you meant 16%, write 0.16 or "16%"');
  });

  const tabbed = plan('commission:', '\t- { metric: new-arr, segment: enterprise, rate: "10%" }', 'clawback: { months: 6 }');
  batch.it(
    'a tab in a list item under a key is reported alone, without the errors it sets off around it',
    { 'policy.yaml': tabbed },
    (run) => {
      expect(run.code).toBe(2);
      expect(run.stderr.split('\n').filter((text) => text.startsWith('error '))).toEqual([
        `error ${line(2)}:5: tabs are not allowed as indentation: YAML indents with spaces, not tabs: replace the tab with spaces`,
      ]);
    },
  );

  const quotedNumber = plan('commission:', '  - { metric: new-arr, segment: enterprise, rate: "0.14" }');
  batch.it('a quoted number is text: the message says to drop the quotes', { 'policy.yaml': quotedNumber }, (run) => {
    expectUntrusted(
      run,
      `${line(2)}:55`,
      'rate: "0.14" is text because of the quotes: write 0.14 without them, or a percentage such as "14%"',
    );
  });

  const zeroCycle = batch.add({ 'policy.yaml': BASE_POLICY.replace('sales_cycle_days: 21,', 'sales_cycle_days: -0,') });
  it('-0 is a rate of 0 (not negative), but not a sales cycle (which must be positive)', async () => {
    const zeroRate = plan(
      'commission:',
      '  - { metric: new-arr, segment: enterprise, rate: -0 }',
      '  - { metric: new-arr, segment: smb, rate: "-0%" }',
    );
    const result = await lint(['policy.yaml'], { cwd: folderWith({ 'policy.yaml': zeroRate }), today: '2026-06-01' });
    expect(result.diagnostics).toEqual([]);
    const rates = result.loaded!.policy.compensation[0]!.commission!.map((commission) => commission.rate);
    expect(rates.map((rate) => Object.is(rate, 0))).toEqual([true, true]);

    expectUntrusted(await zeroCycle(), 'policy.yaml:13:34', 'sales_cycle_days must be greater than 0');
  });
});

describe.concurrent('dates that are not on the calendar', () => {
  const withDates = (announced: string, effective: string) =>
    `${BASE_POLICY.replace('announced: 2026-03-02', `announced: ${announced}`)}okrs:\n  - { id: q3, team: engineering, effective: ${effective}, key_results: [] }\n`;

  const offCalendar = batch.add({ 'policy.yaml': withDates('2026-02-30', '2026-13-01') });
  const notIso = batch.add({ 'policy.yaml': withDates('2026-3-2', '2025-02-29') });
  it('2026-02-30, 2026-13-01 and 2025-02-29 are named; 2026-3-2 is not ISO', async () => {
    let run = await offCalendar();
    expectUntrusted(run, 'policy.yaml:5:14', 'announced: 2026-02-30 is not a calendar date: check the month and day');
    expectUntrusted(run, 'policy.yaml:23:45', 'effective: 2026-13-01 is not a calendar date: check the month and day');
    run = await notIso();
    expectUntrusted(run, 'policy.yaml:5:14', 'announced: "2026-3-2" is not a date: write it YYYY-MM-DD, such as 2026-03-02');
    expectUntrusted(run, 'policy.yaml:23:45', 'effective: 2025-02-29 is not a calendar date: check the month and day');
  });

  it('a leap day in a leap year is a date', async () => {
    const result = await lint(['policy.yaml'], {
      cwd: folderWith({ 'policy.yaml': withDates('2024-02-29', '2024-02-29') }),
      today: '2026-06-01',
    });
    expect(result.diagnostics).toEqual([]);
  });
});

describe.concurrent('nothing in the input can drive the terminal or flood the log', () => {
  const refused = (code: string) =>
    `this text contains the control character ${code}: remove it (policy text is printed in terminals and CI logs, where such characters can rewrite what is shown)`;

  const escapeSequence = batch.add({ 'policy.yaml': yamlLines('version: 1', '"\\e]0;owned\\a\\e[2J": 1') });
  const carriageReturn = batch.add({ 'policy.yaml': yamlLines('version: 1', 'organization: "Acme\\rall checks passed"') });
  const override = batch.add({ 'policy.yaml': yamlLines('version: 1', 'organization: "Acme \u202Eproc eht"') });
  it('escape sequences, carriage returns and bidirectional overrides in keys or text are refused', async () => {
    expectUntrusted(await escapeSequence(), 'policy.yaml:2:1', refused('U+001B'));
    expectUntrusted(await carriageReturn(), 'policy.yaml:2:15', refused('U+000D'));
    const run = await override();
    expectUntrusted(run, 'policy.yaml:2:15', refused('U+202E'));
    expect(run.stderr).not.toMatch(/[\u001b\u202e]/);
  });

  batch.it(
    'a file name with an escape character is shown escaped',
    { 'bad\u001b[2Jname.yaml': '' },
    (run) => {
      expectUntrusted(
        run,
        'bad\\u001b[2Jname.yaml:1:1',
        'the file is empty: a policy file starts with version: 1 (run `incentive-lint init` for a starter)',
      );
      expect(run.stderr).not.toContain('\u001b');
    },
    ['bad\u001b[2Jname.yaml'],
  );

  const longKeyAndValue = yamlLines('version: 1', `${'k'.repeat(1000)}: 1`, 'teams:', `  - id: ${'X'.repeat(100_000)}`);
  batch.it('a 1,000-character key and a 100,000-character value are quoted short', { 'policy.yaml': longKeyAndValue }, (run) => {
    expectUntrusted(
      run,
      'policy.yaml:2:1',
      `unknown key "${'k'.repeat(40)}…" in the policy file: the keys allowed here are version, organization, currency, strategy, segments, teams, metrics, compensation, okrs, promotions, recognition, waivers, roster`,
    );
    expectUntrusted(
      run,
      'policy.yaml:4:9',
      `id: "${'X'.repeat(40)}…" is not a kebab-case id: use lowercase letters, digits and hyphens, such as "${'x'.repeat(40)}…"`,
    );
    expect(run.stderr.length).toBeLessThan(1000);
  });

  it('a file with 5,000 problems shows the first 100 and says how many more there are', async () => {
    const metrics = Array.from({ length: 5000 }, (_, i) => `  - { id: m${i}, colour: red }`);
    const run = await lintFiles({ 'policy.yaml': yamlLines('version: 1', 'strategy: { priorities: [] }', 'metrics:', ...metrics) });
    const errors = run.stderr.split('\n').filter((line) => line.startsWith('error '));
    expect(errors).toHaveLength(101);
    expect(errors[0]).toBe(
      'error policy.yaml:4:15: unknown key "colour" in a metric: the keys allowed here are id, name, description, type, perspective, segmented, proxy_for, vanity, reported_by, accepted_by, nets_churn, measures_collection, quality_measured_by, counts_only_good, deliverable, window',
    );
    expectUntrusted(run, 'policy.yaml:104:17', '4900 more problems from here on are not shown: fix the ones above and run again');
  });

  it('multi-line text and tabs inside text stay allowed', async () => {
    const text = BASE_POLICY.replace('statement: Win enterprise accounts', 'statement: "Win\\tenterprise\\naccounts"');
    const run = await lintFiles({ 'policy.yaml': text });
    expect(run.stderr).toBe('');
    expect([0, 1]).toContain(run.code);
  });
});
