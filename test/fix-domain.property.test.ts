/**
 * Fixes that fit the domain (issue 22, item 6): a fix speaks the policy's own language. On every
 * bundled example, every real policy of test/fixtures/real and every rule's own bad example, a
 * fix or message uses an industry's word (accounts, deals, customers, refunds, tickets, patients,
 * tons…) only where the policy itself uses it: a steel mill is not told to measure "accounts still
 * used after 90 days", nor a school district to claw back pay on refunds.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinRules } from '../rules/index.js';
import { lint } from '../src/index.js';
import { policyText } from '../src/testing/index.js';
import { EXAMPLES, ROOT, tempDir } from './helpers.js';

const TODAY = '2026-06-01';
const REAL = path.join(ROOT, 'test', 'fixtures', 'real');

/** Words that belong to one industry or function: a fix may use one only if the policy does. */
const DOMAIN_WORDS = [
  'account',
  'customer',
  'client',
  'deal',
  'seller',
  'churn',
  'refund',
  'invoice',
  'ticket',
  'lead',
  'pipeline',
  'booking',
  'patient',
  'student',
  'school',
  'appointment',
  'ton',
  'scrap',
  'shift',
  'mechanic',
  'repair',
  'product',
  'sprint',
  'story point',
  'commit',
  'bug',
  'defect',
  'complaint',
  'return',
  'redo',
  'redone',
];
const DAYS = /\b\d+ days\b/g;

const yamlIn = (folder: string) =>
  fs
    .readdirSync(folder)
    .filter((name) => name.endsWith('.yaml') && !name.startsWith('incentive-lint.config'))
    .sort()
    .map((name) => ({
      name: path.relative(ROOT, path.join(folder, name)),
      cwd: folder,
      file: name,
      text: fs.readFileSync(path.join(folder, name), 'utf8'),
    }));

const corpus = [
  ...yamlIn(EXAMPLES),
  ...yamlIn(REAL),
  ...builtinRules
    .filter((rule) => rule.meta.examples && !rule.meta.examples.baseline)
    .map((rule) => {
      const text = policyText({ policy: rule.meta.examples!.bad });
      return { name: `${rule.meta.id} (its bad example)`, cwd: tempDir({ 'policy.yaml': text }), file: 'policy.yaml', text };
    }),
];

/** The word as it appears in running text: singular or plural, any case, not inside another word. */
const mentions = (text: string, word: string) => new RegExp(`\\b${word.replace(' ', '[ -]')}(s|es)?\\b`, 'i').test(text);

describe('a fix uses only the domain words its policy uses', () => {
  for (const policy of corpus) {
    it(policy.name, async () => {
      const result = await lint(
        { files: [{ path: path.join(policy.cwd, policy.file), text: policy.text }], paths: [policy.file] },
        { cwd: policy.cwd, today: TODAY },
      );
      const borrowed: string[] = [];
      for (const finding of result.findings) {
        // Values of the format itself (clawback triggers, scorecard perspectives) are what the policy would write, not examples.
        const fix = finding.fix.replace(/triggers: \[[^\]]*\]/g, '').replace(/perspectives?: [a-z, ]+(and [a-z]+)?/g, '');
        const words = DOMAIN_WORDS.filter((word) => mentions(fix, word) && !mentions(policy.text, word));
        const days = (fix.match(DAYS) ?? []).filter((phrase) => !policy.text.includes(phrase.split(' ')[0]!));
        if (words.length + days.length > 0)
          borrowed.push(`${finding.rule} at ${finding.line}:${finding.column} borrows ${[...words, ...days].join(', ')}: ${finding.fix}`);
      }
      expect(borrowed).toEqual([]);
    });
  }
});

describe('the example targets a fix suggests', () => {
  it('are targets a key result accepts as measurable', async () => {
    const { targetExamples } = await import('../src/api.js');
    const { isCheckable } = await import('../src/model/index.js');
    const suggested = [...targetExamples().matchAll(/target: "([^"]+)"/g)].map((match) => match[1]!);
    expect(suggested).toEqual(['+20%', 'at least 120']);
    for (const target of suggested) expect(isCheckable(target), target).toBe(true);
  });
});
