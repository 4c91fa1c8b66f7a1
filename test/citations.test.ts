/**
 * The product cites its three source articles by title (and publisher, where the article names one),
 * never by a file name or a document a user does not have.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { builtinRules } from '../rules/index.js';
import { explanation } from '../src/commands/rules.js';
import { ROOT } from './helpers.js';

const ARTICLES = [
  '"What role do incentives play in strategic alignment failures?" (WattNext)',
  '"What are Shared Incentives?"',
  '"Performance Incentives Beyond Sales: Motivating Non-Revenue Teams" (Amplify)',
];
const NOT_A_USER_DOCUMENT = /seed \d{3}|\bseeds?\/|DESIGN\.md|\.\.\/shared/i;

describe('citations', () => {
  it("every built-in rule's source and rationale name no file the user lacks; article-based rules cite one by title", () => {
    for (const rule of builtinRules) {
      expect(`${rule.meta.source}\n${rule.meta.rationale}`, rule.meta.id).not.toMatch(NOT_A_USER_DOCUMENT);
    }
    const citing = builtinRules.filter((rule) => ARTICLES.some((article) => rule.meta.source.startsWith(article)));
    // Every rule that is not about the format itself (ids, weights, waivers) comes from an article.
    expect(citing.length).toBeGreaterThanOrEqual(18);
    for (const article of ARTICLES)
      expect(
        citing.some((rule) => rule.meta.source.startsWith(article)),
        article,
      ).toBe(true);
  });

  it('the README, the docs and `explain` send the user to nothing outside the repository', () => {
    for (const file of ['README.md', 'SECURITY.md', 'docs/rules.md', 'docs/format.md']) {
      expect(fs.readFileSync(path.join(ROOT, file), 'utf8'), file).not.toMatch(NOT_A_USER_DOCUMENT);
    }
    // What `explain RULE` prints (rules-command.test.ts runs the binary).
    for (const rule of builtinRules) expect(explanation(rule, new Chalk({ level: 0 })), rule.meta.id).not.toMatch(NOT_A_USER_DOCUMENT);
  });
});
