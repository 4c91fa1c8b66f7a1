/**
 * The mistakes people actually make when they write a policy by hand (seen when encoding real
 * plans): each stops the run with exit 2 at file:line:column and says what to write instead.
 */
import { describe, expect, it } from 'vitest';
import { expectUntrusted, LintBatch, yamlLines } from './harness.js';

const errorLines = (stderr: string) => stderr.split('\n').filter((line) => line.startsWith('error '));

/** Every case stops at its own file: one run of the CLI for all of them (see LintBatch). */
const batch = new LintBatch();

describe.concurrent('common mistakes say what to write instead', () => {
  batch.it(
    'a comma inside an unquoted { } value: quote it',
    { 'policy.yaml': yamlLines('version: 1', 'metrics:', '  - { id: bookings, name: Bookings, net of margin, type: outcome }') },
    (run) => {
      expectUntrusted(
        run,
        'policy.yaml:3:27',
        'name: the comma after "Bookings" ends the value inside { }, so "net of margin" was read as a key: quote the whole text, such as name: "Bookings, net of margin"',
      );
      expect(errorLines(run.stderr)).toHaveLength(1);
    },
  );

  batch.it(
    'a number with a thousands comma inside { }: the suggested quote keeps the text as written',
    { 'policy.yaml': yamlLines('version: 1', 'metrics:', '  - { id: complaints, name: Complaints per 1,000 households, type: quality }') },
    (run) => {
      expectUntrusted(
        run,
        'policy.yaml:3:29',
        'name: the comma after "Complaints per 1" ends the value inside { }, so "000 households" was read as a key: quote the whole text, such as name: "Complaints per 1,000 households"',
      );
      expect(errorLines(run.stderr)).toHaveLength(1);
    },
  );

  batch.it(
    'a value cut by several commas inside { }: one message quoting the whole value up to the closing brace, no knock-on error',
    {
      'policy.yaml': yamlLines(
        'version: 1',
        'teams:',
        '  - { id: operations, name: Firm operations (finance, staffing, HR) }',
        '  - { id: sales, kind: revenue }',
      ),
    },
    (run) => {
      expectUntrusted(
        run,
        'policy.yaml:3:29',
        'name: the comma after "Firm operations (finance" ends the value inside { }, so "staffing" and "HR)" were read as keys: quote the whole text, such as name: "Firm operations (finance, staffing, HR)"',
      );
      expect(errorLines(run.stderr)).toHaveLength(1);
    },
  );

  const beforeKeyRun = batch.add({
    'policy.yaml': yamlLines('version: 1', 'teams:', '  - { id: operations, name: Firm operations, finance, kind: revenue }'),
  });
  const knownPieceRun = batch.add({
    'policy.yaml': yamlLines('version: 1', 'teams:', '  - { id: operations, name: Ops, description, HR }'),
  });
  it('a cut value stops at the next real key, and a piece that is a known key is part of the value', async () => {
    const beforeKey = await beforeKeyRun();
    expectUntrusted(
      beforeKey,
      'policy.yaml:3:29',
      'name: the comma after "Firm operations" ends the value inside { }, so "finance" was read as a key: quote the whole text, such as name: "Firm operations, finance"',
    );
    expect(errorLines(beforeKey.stderr)).toHaveLength(1);
    const knownPiece = await knownPieceRun();
    expectUntrusted(
      knownPiece,
      'policy.yaml:3:29',
      'name: the comma after "Ops" ends the value inside { }, so "description" and "HR" were read as keys: quote the whole text, such as name: "Ops, description, HR"',
    );
    expect(errorLines(knownPiece.stderr)).toHaveLength(1);
  });

  batch.it(
    'a real unknown key after a quoted value is still an unknown key',
    { 'policy.yaml': yamlLines('version: 1', 'metrics:', '  - { id: bookings, name: "Bookings", colour }') },
    (run) => {
      expectUntrusted(run, 'policy.yaml:3:39', /^unknown key "colour" in a metric: the keys allowed here are /);
    },
  );

  batch.it(
    'a plan with a list of teams: one plan per team, or shared_with',
    { 'policy.yaml': yamlLines('version: 1', 'compensation:', '  - id: ae-2026', '    team: [sales, sdr]') },
    (run) => {
      expectUntrusted(
        run,
        'policy.yaml:4:5',
        'team: a plan belongs to one team, and this names 2: write one plan per team (team: sales, then a copy with team: sdr), or keep team: sales and share a bonus component with the others (shared_with: [sdr])',
      );
    },
  );

  batch.it(
    'an OKR set with a list of teams: one OKR set per team',
    { 'policy.yaml': yamlLines('version: 1', 'okrs:', '  - id: q3', '    team: [sales, sdr, marketing]') },
    (run) => {
      expectUntrusted(
        run,
        'policy.yaml:4:5',
        'team: an OKR set belongs to one team, and this names 3: write one OKR set per team (team: sales, then a copy with team: sdr)',
      );
    },
  );

  batch.it(
    'a missing rate says it is missing and what to add',
    { 'policy.yaml': yamlLines('version: 1', 'compensation:', '  - id: ae-2026', '    commission:', '      - { metric: new-arr }') },
    (run) => {
      expectUntrusted(
        run,
        'policy.yaml:5:9',
        'commission: a commission line has no "rate": add it, such as rate: "8%", or give the plan ote, variable_share and a quota on new-arr so that the rate is target variable pay ÷ quota',
      );
    },
  );

  batch.it(
    'a missing weight says it is missing and what to add',
    { 'policy.yaml': yamlLines('version: 1', 'compensation:', '  - id: ae-2026', '    bonus:', '      - { metric: new-arr }') },
    (run) => {
      expectUntrusted(run, 'policy.yaml:5:9', 'a bonus component has no "weight": add it, such as weight: 0.2');
    },
  );

  batch.it(
    'clawback: 6 shows the mapping it belongs in, with the same months',
    { 'policy.yaml': yamlLines('version: 1', 'compensation:', '  - id: ae-2026', '    clawback: 9') },
    (run) => {
      expectUntrusted(run, 'policy.yaml:4:15', 'clawback is a mapping, not a number: write clawback: { months: 9 }');
    },
  );

  batch.it(
    'deferral: 6 shows the mapping it belongs in',
    { 'policy.yaml': yamlLines('version: 1', 'compensation:', '  - id: ae-2026', '    deferral: 6') },
    (run) => {
      expectUntrusted(run, 'policy.yaml:4:15', 'deferral is a mapping, not a number: write deferral: { share: 0.3, months: 6 }');
    },
  );

  batch.it(
    'an unknown key far from every allowed key gets no "did you mean"',
    { 'policy.yaml': yamlLines('version: 1', 'metrics:', '  - { id: arr, owner: finance }') },
    (run) => {
      expectUntrusted(
        run,
        'policy.yaml:3:16',
        'unknown key "owner" in a metric: the keys allowed here are id, name, description, type, perspective, segmented, proxy_for, vanity, reported_by, accepted_by, nets_churn, measures_collection, quality_measured_by, counts_only_good, deliverable, window',
      );
    },
  );

  batch.it(
    'one pasted broken line: the cause first, the errors it sets off counted in one line',
    {
      'policy.yaml': yamlLines(
        'version: 1',
        'compensation:',
        '  - id: ae-2026',
        '    commission:',
        '      - { metric: new-arr, rate: "8%" }',
        'Bookings are credited on signature, net of discounts: see the finance wiki.',
        '      - { metric: new-arr, rate: "9%" }',
        '    bonus:',
        '      - { metric: new-arr, weight: 0.2 }',
        'okrs:',
        '  - id: q3',
        '    key_results:',
        '      - { metric: new-arr, target: "+10%" }',
      ),
    },
    (run) => {
      expect(errorLines(run.stderr)).toEqual([
        'error policy.yaml:6:55: a value that contains ": " must be quoted: write it in double quotes, such as name: "Enterprise: first"',
        'error policy.yaml:7:19: 7 more YAML errors follow from here on, most likely set off by the one at line 6: fix that line first and run again',
      ]);
      expect(run.code).toBe(2);
    },
  );
});
