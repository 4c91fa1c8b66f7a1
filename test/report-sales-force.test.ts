/**
 * The report's sales-force section as a reader's parser sees it: the section is parsed as XML (the
 * strict reader of test/xml.ts: a stray `<`, an unclosed tag or an unknown entity fails), its
 * goalposts table read cell by cell and its histograms bin by bin, checked by hand, and held to the
 * findings of the goalpost rules on the same policy.
 */
import { describe, expect, it } from 'vitest';
import { policyWith, runCli, tempDir } from './helpers.js';
import { parseXml, type XmlElement } from './xml.js';

/**
 * ae-2026: 100,000 target incentive on a 1,000,000 enterprise quota (base rate 10%); nothing below 50%, 2× on the dollars above
 * quota, capped at 150%; 50% variable on 210-day enterprise deals. Its roster of ten pays, in attainment order:
 * 0.3 → 0, 0.45 → 0, 0.6 → 60,000, 0.8 → 80,000, 0.9 → 90,000, 1.0 → 100,000, 1.1 → 120,000, 1.2 → 140,000, 1.6 and 2.0 → 200,000.
 * smb-2026 has no roster: 10,000 sellers are drawn (median at quota, sigma 0.3, seed 1), paid linearly, 40% variable on 21-day deals.
 */
const ATTAINMENTS = [0.3, 0.45, 0.6, 0.8, 0.9, 1.0, 1.1, 1.2, 1.6, 2.0];
const POLICY = policyWith(`currency: USD
compensation:
  - id: ae-2026
    team: sales
    effective: 2026-01-01
    rationale: Enterprise-first
    ote: 200000
    variable_share: 0.5
    quotas:
      - { metric: enterprise-arr, segment: enterprise, amount: 1000000 }
    curve:
      threshold: 0.5
      tiers:
        - { from: 1, multiplier: 2 }
      cap: { attainment: 1.5 }
  - id: smb-2026
    team: sales
    effective: 2026-01-01
    rationale: Enterprise-first
    ote: 120000
    variable_share: 0.4
    quotas:
      - { metric: new-arr, segment: smb, amount: 600000 }
roster:
${ATTAINMENTS.map((attainment, position) => `  - { person: Seller ${position + 1}, team: sales, plan: ae-2026, attainment: ${attainment} }`).join('\n')}
`);

function all(element: XmlElement, name: string, where: (element: XmlElement) => boolean = () => true): XmlElement[] {
  return [...(element.name === name && where(element) ? [element] : []), ...element.children.flatMap((child) => all(child, name, where))];
}

function salesForceSection(html: string): XmlElement {
  const start = html.indexOf('<section id="sales-force"');
  expect(start).toBeGreaterThan(-1);
  return parseXml(html.slice(start, html.indexOf('</section>', start) + '</section>'.length));
}

describe('the report: what each plan pays the whole sales force', () => {
  const dir = tempDir({ 'policy.yaml': POLICY });
  const run = runCli(['report', 'policy.yaml', '--today', '2026-02-01'], { cwd: dir });

  it('is one well-formed section with no script, after the pay section', () => {
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    const section = salesForceSection(run.stdout);
    expect(all(section, 'script')).toEqual([]);
    expect(run.stdout.indexOf('id="pay"')).toBeLessThan(run.stdout.indexOf('id="sales-force"'));
  });

  it('tables the goalposts plan by plan, each met, missed or not judged, as computed by hand', () => {
    const table = all(salesForceSection(run.stdout), 'table')[0]!;
    const rows = all(table, 'tr', (row) => row.attributes['data-plan'] !== undefined);
    const verdicts = Object.fromEntries(
      rows.map((row) => [
        row.attributes['data-plan'],
        Object.fromEntries(
          all(row, 'td', (cell) => 'data-goalpost' in cell.attributes).map((cell) => [
            cell.attributes['data-goalpost'],
            cell.attributes['data-met'],
          ]),
        ),
      ]),
    );
    expect(verdicts).toEqual({
      'ae-2026': {
        // 1.0 to 2.0: 5 of 10 at or above quota, at least 50%.
        'share-at-quota': 'yes',
        // 0.3 and 0.45 are below the 50% threshold: 20%, more than 5%.
        'share-earning-nothing': 'no',
        // P90 of ten is the 9th pay, 200,000 = 2.00 × 100,000.
        'p90-pay-multiple': 'yes',
        // 1.6 and 2.0 are at the 150% cap: 20%, more than the top 10%.
        'cap-below-p90': 'no',
        'no-upside-on-favored': 'yes',
        // 50% variable on 210-day deals.
        'pay-mix': 'no',
      },
      'smb-2026': {
        // Drawn attainments: the share at quota is the distribution's.
        'share-at-quota': 'not-judged',
        'share-earning-nothing': 'yes',
        // Linear: the drawn P90 (146%) pays 1.46× target.
        'p90-pay-multiple': 'no',
        'cap-below-p90': 'yes',
        'no-upside-on-favored': 'not-judged',
        'pay-mix': 'yes',
      },
    });
    const headings = all(table, 'th', (cell) => 'data-goalpost' in cell.attributes).map((cell) => cell.text);
    expect(headings).toContain('earning nothing (at most 5%)');
    expect(headings).toContain('90th-percentile pay ÷ target incentive (2–3×)');
  });

  it('draws one histogram of pay per seller per plan as inline SVG, its bins counted by hand', () => {
    const figures = all(salesForceSection(run.stdout), 'figure');
    expect(figures.map((figure) => figure.attributes['data-plan'])).toEqual(['ae-2026', 'smb-2026']);
    const bins = (figure: XmlElement) =>
      all(figure, 'rect', (rect) => rect.attributes.class === 'bin').map((rect) => ({
        from: Number(rect.attributes['data-from']),
        sellers: Number(rect.attributes['data-sellers']),
      }));
    // Pays up to 200,000 in 20 round steps: bins of 10,000, from 0 to 210,000 (the top pay starts the 21st).
    const ae = bins(figures[0]!);
    expect(ae).toHaveLength(21);
    expect(ae.filter((bin) => bin.sellers > 0)).toEqual([
      { from: 0, sellers: 2 },
      { from: 60000, sellers: 1 },
      { from: 80000, sellers: 1 },
      { from: 90000, sellers: 1 },
      { from: 100000, sellers: 1 },
      { from: 120000, sellers: 1 },
      { from: 140000, sellers: 1 },
      { from: 200000, sellers: 2 },
    ]);
    const svg = all(figures[0]!, 'svg')[0]!;
    expect(svg.attributes.role).toBe('img');
    expect(
      all(svg, 'g', (group) => group.attributes['data-marker'] !== undefined).map((group) => [
        group.attributes['data-marker'],
        group.attributes['data-pay'],
      ]),
    ).toEqual([
      ['target', '100000'],
      ['p50', '90000'],
      ['p90', '200000'],
    ]);
    // Every drawn seller is in one bin.
    expect(bins(figures[1]!).reduce((sum, bin) => sum + bin.sellers, 0)).toBe(10000);
  });

  it('misses exactly the goalposts whose rules report the plan under extends: goalposts', () => {
    const configured = tempDir({ 'policy.yaml': POLICY, 'incentive-lint.config.yaml': 'extends: goalposts\n' });
    const lint = runCli(['--format', 'json', '--today', '2026-02-01', 'policy.yaml'], { cwd: configured });
    const goalposts = new Set([
      'share-at-quota',
      'share-earning-nothing',
      'p90-pay-multiple',
      'cap-below-p90',
      'no-upside-on-favored',
      'pay-mix',
    ]);
    const reported = (JSON.parse(lint.stdout) as { findings: { rule: string; path: (string | number)[] }[] }).findings
      .filter((finding) => goalposts.has(finding.rule))
      // Every goalpost finding is inside its plan: compensation[i].
      .map((finding) => `${['ae-2026', 'smb-2026'][finding.path[1] as number]} ${finding.rule}`)
      .sort();
    const table = all(salesForceSection(run.stdout), 'tr', (row) => row.attributes['data-plan'] !== undefined).flatMap((row) =>
      all(row, 'td', (cell) => cell.attributes['data-met'] === 'no').map(
        (cell) => `${row.attributes['data-plan']} ${cell.attributes['data-goalpost']}`,
      ),
    );
    expect(reported).toHaveLength(4);
    expect(table.sort()).toEqual(reported);
  });
});
