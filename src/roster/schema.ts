/**
 * The optional `roster` section: who is paid on the plans (people, or roles with a headcount), with
 * each one's on-target earnings, variable share, quota and, where known, attainment. `import` writes
 * it from a spreadsheet; the sales-force model (`simulate --population`, `context.population`) reads
 * its attainments. Only the goalpost rules, off unless `extends: goalposts` turns them on, judge it, so
 * under `recommended` a policy with a roster lints exactly as one without.
 */
import * as z from 'zod';
import { Amount, Attainment } from '../payout/schema.js';

interface RosterPrimitives {
  Id: z.ZodType<string>;
  Fraction: z.ZodType<number, string | number>;
  Text: z.ZodType<string>;
  PositiveInteger: (what: string) => z.ZodType<number>;
}

export function defineRosterSchema({ Id, Fraction, Text, PositiveInteger }: RosterPrimitives) {
  return z
    .strictObject({
      person: Text.optional().describe('The person, by name or employee id, as the HR export writes it. Give person or role, not both.'),
      role: Text.optional().describe(
        'A role held by several people (such as "Enterprise AE"), when the roster is kept per role; headcount says how many.',
      ),
      headcount: PositiveInteger('headcount')
        .optional()
        .describe('How many people hold the role (a whole number, default 1); only with role.'),
      team: Id.optional().describe('The id of the team the person or role belongs to (declared under teams).'),
      plan: Id.optional().describe('The id of the compensation plan the person or role is paid on (declared under compensation).'),
      ote: Amount('ote', '180000')
        .optional()
        .describe('On-target earnings per year (base plus target variable pay), in the policy currency.'),
      variable_share: Fraction.optional().describe(
        'The share of on-target earnings that is variable: a fraction such as 0.5 or a percentage such as "50%".',
      ),
      quota: Amount('quota', '1200000')
        .optional()
        .describe('The yearly quota, in the policy currency (or a count for a metric that counts).'),
      attainment: Attainment('attainment', '1.05').optional().describe('Attainment of quota, where known: 1 or "100%" is quota.'),
      description: Text.optional().describe('Free text for people reading the policy. Not judged by any rule.'),
    })
    .superRefine((entry, context) => {
      if ((entry.person === undefined) === (entry.role === undefined)) {
        context.addIssue({
          code: 'custom',
          path: [],
          message:
            entry.person === undefined
              ? 'a roster entry names a person or a role: add person (such as person: Ana Lopez) or role (such as role: Enterprise AE)'
              : 'a roster entry is a person or a role, not both: keep one',
        });
      }
      if (entry.headcount !== undefined && entry.role === undefined) {
        context.addIssue({
          code: 'custom',
          path: ['headcount'],
          message: 'headcount counts the people in a role: write role instead of person, or remove headcount',
        });
      }
    })
    .meta({ title: 'Roster entry', description: 'one person, or one role with its headcount, paid on the plans' });
}
