/**
 * The payout model: worked examples computed by hand, and the properties every curve must keep
 * (never negative, never lower for more bookings, continuous except at thresholds, retroactive tiers
 * and one-time bonuses).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PlanPayout, type Booking } from '../../src/payout/model.js';
import { CompensationPlan } from '../../src/schema.js';

/** A plan as the loader would read it (defaults applied, values checked). */
function plan(fields: Record<string, unknown>) {
  return CompensationPlan.parse({ id: 'ae-2026', ...fields });
}

const sale = (amount: number, segment?: string, deals?: number): Booking => ({ metric: 'new-arr', segment, amount, deals });

/** OTE 200,000 at 50% variable on a 1,000,000 yearly quota: target variable 100,000, base rate 10%. */
const FIFTY_FIFTY = { ote: 200000, variable_share: 0.5, quotas: [{ metric: 'new-arr', amount: 1000000 }] };

describe('worked examples, computed by hand', () => {
  it('a 50/50 plan with a 50% threshold, a 1.5× accelerator above quota and a 200% cap', () => {
    const payout = new PlanPayout(
      plan({ ...FIFTY_FIFTY, curve: { threshold: 0.5, tiers: [{ from: 1, multiplier: 1.5 }], cap: { attainment: 2 } } }),
    );
    expect(payout.rateOf('new-arr', undefined)).toBeCloseTo(0.1, 12);
    // Below the threshold nothing is paid.
    expect(payout.pay([sale(400000)]).total).toBe(0);
    // At the threshold every dollar from the first: 500,000 × 10%.
    expect(payout.pay([sale(500000)]).total).toBeCloseTo(50000, 6);
    expect(payout.pay([sale(1000000)]).total).toBeCloseTo(100000, 6);
    // 1,000,000 × 10% + 200,000 × 10% × 1.5.
    expect(payout.pay([sale(1200000)]).total).toBeCloseTo(130000, 6);
    // Nothing above 200%: 100,000 + 1,000,000 × 15%.
    expect(payout.pay([sale(2500000)]).total).toBeCloseTo(250000, 6);
    expect(payout.pay([sale(1200000)]).quotas[0]!.attainment).toBeCloseTo(1.2, 12);
  });

  it('a retroactive tier re-prices every dollar from the first once reached', () => {
    const payout = new PlanPayout(plan({ ...FIFTY_FIFTY, curve: { tiers: [{ from: 1, multiplier: 1.5, retroactive: true }] } }));
    // One dollar short: 999,999 × 10%.
    expect(payout.pay([sale(999999)]).total).toBeCloseTo(99999.9, 6);
    // The dollar that reaches quota: 1,000,000 × 15%, 50,000.1 more for one dollar.
    expect(payout.pay([sale(1000000)]).total).toBeCloseTo(150000, 6);
    // Above it: 150,000 + 100,000 × 15%.
    expect(payout.pay([sale(1100000)]).total).toBeCloseTo(165000, 6);
  });

  it('a credit multiplier counts a dollar as more toward quota and pay', () => {
    const payout = new PlanPayout(
      plan({ ...FIFTY_FIFTY, curve: { tiers: [{ from: 1, multiplier: 2 }] }, credit: [{ segment: 'enterprise', multiplier: 1.25 }] }),
    );
    // 800,000 enterprise × 1.25 = 1,000,000 credited: 100% of quota, 100,000.
    const enterprise = payout.pay([sale(800000, 'enterprise')]);
    expect(enterprise.quotas[0]!.attainment).toBeCloseTo(1, 12);
    expect(enterprise.total).toBeCloseTo(100000, 6);
    // 960,000 × 1.25 = 1,200,000: 100,000 + 200,000 × 10% × 2.
    expect(payout.pay([sale(960000, 'enterprise')]).total).toBeCloseTo(140000, 6);
    // SMB gets no credit: 800,000 × 10%.
    expect(payout.pay([sale(800000, 'smb')]).total).toBeCloseTo(80000, 6);
  });

  it('a dated SPIFF pays only on the deals of the year that close within its dates', () => {
    // A Q1-only SPIFF: 500 a small-business deal from 2027-01-01 to 2027-03-31 (90 days).
    const payout = new PlanPayout(
      plan({ ...FIFTY_FIFTY, spiffs: [{ segment: 'smb', amount: 500, start: '2027-01-01', end: '2027-03-31' }] }),
      (segment) => (segment === 'smb' ? 8000 : undefined),
    );
    // A year of bookings from 2027-01-01: 365 deals of 8,000 (2,920,000) spread evenly, so 90 of them
    // close in Q1. Commission: 1,000,000 × 10% + 1,920,000 × 10% = 292,000 (no curve); SPIFF: 90 × 500 = 45,000.
    const year = payout.pay([sale(2920000, 'smb', 365)], { date: '2027-01-01' });
    expect(year.spiffs.map((paid) => paid.pay)).toEqual([45000]);
    expect(year.total).toBeCloseTo(292000 + 45000, 6);
    // Not 365 × 500 = 182,500, as when the SPIFF was applied to every deal of the year.
    expect(year.total).not.toBeCloseTo(292000 + 182500, 0);
    // From 2027-02-15, the year keeps 45 days of the window (Feb 15 – Mar 31): 45 deals × 500.
    expect(payout.pay([sale(2920000, 'smb', 365)], { date: '2027-02-15' }).spiffs[0]!.pay).toBeCloseTo(22500, 6);
    // A year from 2027-04-01 has none of it; a year from 2026-04-01 ends on 2027-03-31 and holds all 90 days.
    expect(payout.pay([sale(2920000, 'smb', 365)], { date: '2027-04-01' }).spiffs).toEqual([]);
    expect(payout.pay([sale(2920000, 'smb', 365)], { date: '2026-04-01' }).spiffs[0]!.pay).toBeCloseTo(45000, 6);
    // Without a date a dated SPIFF does not pay; without a count of deals, the average deal size gives it.
    expect(payout.pay([sale(2920000, 'smb', 365)]).spiffs).toEqual([]);
    expect(payout.pay([sale(2920000, 'smb')], { date: '2027-01-01' }).spiffs[0]!.pay).toBeCloseTo(45000, 6);
    // Enterprise deals do not qualify.
    expect(payout.pay([sale(2920000, 'enterprise', 3)], { date: '2027-01-01' }).spiffs[0]!.pay).toBe(0);
  });

  it('a dated kicker on reaching quota pays only when quota is reached within its dates', () => {
    // 5,000 once on reaching 100%, in H1 only (2027-01-01 – 2027-06-30, 181 days).
    const payout = new PlanPayout(
      plan({ ...FIFTY_FIFTY, spiffs: [{ kind: 'kicker', amount: 5000, per: 'once', at: 1, start: '2027-01-01', end: '2027-06-30' }] }),
    );
    // 2,000,000 a year reaches the 1,000,000 quota half-way, on day 182.5 of 365: after June 30.
    expect(payout.pay([sale(2000000)], { date: '2027-01-01' }).spiffs[0]!.pay).toBe(0);
    // 2,100,000 reaches it on day 173.8: within H1.
    expect(payout.pay([sale(2100000)], { date: '2027-01-01' }).spiffs[0]!.pay).toBe(5000);
  });

  it('a kicker on reaching quota is a step bonus', () => {
    const payout = new PlanPayout(plan({ ...FIFTY_FIFTY, spiffs: [{ kind: 'kicker', amount: 5000, per: 'once', at: 1 }] }));
    expect(payout.pay([sale(999000)]).total).toBeCloseTo(99900, 6);
    expect(payout.pay([sale(1000000)]).total).toBeCloseTo(105000, 6);
  });

  it('a cap amount per quarter caps each quarter of a quarterly quota', () => {
    // 250,000 a quarter is 1,000,000 a year; 30,000 a quarter is 120,000 a year.
    const payout = new PlanPayout(
      plan({
        ...FIFTY_FIFTY,
        quotas: [{ metric: 'new-arr', amount: 250000, period: 'quarter' }],
        curve: { tiers: [{ from: 1, multiplier: 1.5 }], cap: { amount: 30000 } },
      }),
    );
    expect(payout.pay([sale(1100000)]).total).toBeCloseTo(115000, 6);
    // Uncapped it would be 100,000 + 500,000 × 15% = 175,000.
    expect(payout.pay([sale(1500000)]).total).toBeCloseTo(120000, 6);
  });

  it('lines of different rates on one quota: the better-paid dollars climb the curve first', () => {
    const payout = new PlanPayout(
      plan({
        quotas: [{ metric: 'new-arr', amount: 1000000 }],
        curve: { cap: { attainment: 1 } },
        commission: [
          { metric: 'new-arr', segment: 'enterprise', rate: 0.12 },
          { metric: 'new-arr', segment: 'smb', rate: 0.06 },
        ],
      }),
    );
    // 600,000 enterprise × 12% + the 400,000 of SMB left under the cap × 6%.
    expect(payout.pay([sale(600000, 'smb'), sale(600000, 'enterprise')]).total).toBeCloseTo(96000, 6);
  });

  it('a metric without a quota pays its flat rate, and an omitted rate is the base rate', () => {
    const payout = new PlanPayout(
      plan({
        ...FIFTY_FIFTY,
        commission: [{ metric: 'new-arr' }, { metric: 'renewals', rate: '3%' }],
      }),
    );
    expect(payout.rateOf('new-arr', 'smb')).toBeCloseTo(0.1, 12);
    expect(payout.pay([sale(500000), { metric: 'renewals', amount: 100000 }]).total).toBeCloseTo(53000, 6);
    expect(payout.pay([{ metric: 'other', amount: 100000 }]).total).toBe(0);
  });

  it('a segment the quota excludes neither counts toward it nor earns its base rate; a line of its own still pays it', () => {
    const excluding = { ...FIFTY_FIFTY, quotas: [{ metric: 'new-arr', amount: 1000000, excludes: ['reseller'] }] };
    const quotaOnly = new PlanPayout(plan(excluding));
    expect(quotaOnly.pay([sale(500000, 'reseller')]).total).toBe(0);
    expect(quotaOnly.pay([sale(500000, 'enterprise')]).total).toBeCloseTo(50000, 6);
    const ownLine = new PlanPayout(
      plan({ ...excluding, commission: [{ metric: 'new-arr' }, { metric: 'new-arr', segment: 'reseller', rate: '2%' }] }),
    );
    expect(ownLine.pay([sale(500000, 'reseller')]).total).toBeCloseTo(10000, 6);
    expect(new PlanPayout(plan({ ...excluding, commission: [{ metric: 'new-arr' }] })).pay([sale(500000, 'reseller')]).total).toBe(0);
  });

  it('quota weights split target variable pay: 100,000 × 0.6 ÷ 1,000,000 and 100,000 × 0.4 ÷ 200,000', () => {
    const payout = new PlanPayout(
      plan({
        ote: 200000,
        variable_share: 0.5,
        quotas: [
          { metric: 'new-arr', amount: 1000000, weight: 0.6 },
          { metric: 'renewals', amount: 50000, period: 'quarter' },
        ],
      }),
    );
    expect(payout.rateOf('new-arr', undefined)).toBeCloseTo(0.06, 12);
    expect(payout.rateOf('renewals', undefined)).toBeCloseTo(0.2, 12);
  });

  it('a quota with its own curve: ACV 2× over quota, logos 1.2× over quota', () => {
    // Target variable 100,000: 60,000 on 600,000 of ACV (10%), 20,000 on 10 logos a year (2,000 a logo).
    const payout = new PlanPayout(
      plan({
        ote: 200000,
        variable_share: 0.5,
        quotas: [
          { metric: 'new-acv', amount: 600000, weight: 0.6, curve: { tiers: [{ from: 1, multiplier: 2 }] } },
          { metric: 'new-logos', amount: 5, period: 'half', weight: 0.2, curve: { tiers: [{ from: 1, multiplier: 1.2 }] } },
        ],
      }),
    );
    // 700,000 ACV: 60,000 + 100,000 × 20%; 12 logos: 20,000 + 2 × 2,400.
    const paid = payout.pay([
      { metric: 'new-acv', amount: 700000 },
      { metric: 'new-logos', amount: 12 },
    ]);
    expect(paid.quotas.map((quota) => Math.round(quota.pay))).toEqual([80000, 24800]);
  });
});

// --- Properties over random curves ---

const attainment = fc.double({ min: 0.05, max: 3, noNaN: true });

/** A random valid curve: sorted tiers, a threshold at or below the first, a cap above the last; retroactive tiers only where they cannot lower pay. */
const curveArb = fc
  .record({
    threshold: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }),
    starts: fc.uniqueArray(attainment, { maxLength: 4 }),
    multipliers: fc.array(fc.double({ min: 0, max: 3, noNaN: true }), { minLength: 4, maxLength: 4 }),
    retroactive: fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
    cap: fc.option(
      fc.oneof(
        fc.record({ attainment: fc.double({ min: 0.5, max: 4, noNaN: true }) }),
        fc.record({ amount: fc.double({ min: 1000, max: 500000, noNaN: true }) }),
      ),
      { nil: undefined },
    ),
  })
  .map(({ threshold, starts, multipliers, retroactive, cap }) => ({
    threshold,
    tiers: [...starts]
      .sort((a, b) => a - b)
      .map((from, index) => ({ from, multiplier: multipliers[index]!, retroactive: retroactive[index]! })),
    cap,
  }))
  .filter((curve) => CompensationPlan.safeParse({ id: 'p', curve }).success);

const bookingArb = fc.record({
  metric: fc.constantFrom('new-arr', 'renewals'),
  segment: fc.constantFrom('enterprise', 'smb', undefined),
  amount: fc.double({ min: 0, max: 3000000, noNaN: true }),
});

function randomPlan(curve: unknown, withSteps: boolean) {
  return plan({
    ote: 200000,
    variable_share: 0.5,
    quotas: [{ metric: 'new-arr', amount: 1000000 }],
    curve,
    credit: [{ segment: 'enterprise', multiplier: 1.25 }],
    commission: [
      { metric: 'new-arr', segment: 'enterprise', rate: 0.12 },
      { metric: 'new-arr', segment: 'smb' },
      { metric: 'renewals', rate: 0.03 },
    ],
    spiffs: withSteps
      ? [
          { segment: 'smb', amount: 400, per: 'deal' },
          { amount: 5000, per: 'once', at: 1 },
        ]
      : [{ segment: 'smb', rate: 0.01 }],
  });
}

describe('properties of every curve', () => {
  it('never negative, and never lower for more bookings', () => {
    fc.assert(
      fc.property(curveArb, fc.array(bookingArb, { maxLength: 5 }), bookingArb, fc.boolean(), (curve, bookings, extra, withSteps) => {
        const payout = new PlanPayout(randomPlan(curve, withSteps), (segment) => (segment === 'smb' ? 8000 : 90000));
        const before = payout.pay(bookings).total;
        const after = payout.pay([...bookings, extra]).total;
        expect(before).toBeGreaterThanOrEqual(0);
        expect(after).toBeGreaterThanOrEqual(before - 1e-6);
      }),
      { numRuns: 300 },
    );
  });

  it('continuous (one more dollar pays at most the highest rate × multiplier × credit) without thresholds, retroactive tiers or step bonuses', () => {
    fc.assert(
      fc.property(curveArb, bookingArb, (curve, booking) => {
        const smooth = { ...curve, threshold: undefined, tiers: curve.tiers.map((tier) => ({ ...tier, retroactive: false })) };
        const payout = new PlanPayout(randomPlan(smooth, false));
        const step = 1;
        const jump = payout.pay([{ ...booking, amount: booking.amount + step }]).total - payout.pay([booking]).total;
        // Highest rate 12% (or the 10% base rate + 1% SPIFF) × highest multiplier 3 × credit 1.25.
        expect(Math.abs(jump)).toBeLessThanOrEqual(step * 0.12 * 3 * 1.25 + 0.011 + 1e-6);
      }),
      { numRuns: 300 },
    );
  });
});
