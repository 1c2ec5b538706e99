import { sql, type RawBuilder } from 'kysely';
import { AppError, LICENCE_EXPIRY_NOTICE_DAYS, PRODUCT_LICENCE_CATEGORY, type FlagCode } from '@shian/domain';

const SPECIAL = Object.values(PRODUCT_LICENCE_CATEGORY);

/**
 * The SQL form of `dossierFlags` (domain/registry/flags.ts) for filtering lists by flag. The two must
 * agree; `flags.int.test.ts` checks them against each other on generated data.
 */
const CONDITIONS: Record<FlagCode, () => RawBuilder<boolean>> = {
  uscc_unconfirmed: () => sql<boolean>`enterprises.uscc_check_failed`,
  licence_expired: () =>
    sql<boolean>`EXISTS (SELECT 1 FROM licences l WHERE l.enterprise_id = enterprises.id AND l.status = 'valid' AND l.valid_until < CURRENT_DATE)`,
  licence_expiring: () =>
    sql<boolean>`EXISTS (SELECT 1 FROM licences l WHERE l.enterprise_id = enterprises.id AND l.status = 'valid'
      AND l.valid_until >= CURRENT_DATE AND l.valid_until <= CURRENT_DATE + ${LICENCE_EXPIRY_NOTICE_DAYS}::int)`,
  no_food_safety_director: () => sql<boolean>`(enterprises.kinds @> ARRAY['producer']::text[]
      AND (EXISTS (SELECT 1 FROM licences l WHERE l.enterprise_id = enterprises.id AND l.kind = 'SC' AND l.status = 'valid'
                   AND l.categories && ${sql.val(SPECIAL)}::text[])
           OR EXISTS (SELECT 1 FROM products p WHERE p.enterprise_id = enterprises.id))
      AND NOT EXISTS (SELECT 1 FROM people d WHERE d.enterprise_id = enterprises.id AND d.role = 'food_safety_director'
                      AND (d.ended_on IS NULL OR d.ended_on >= CURRENT_DATE)))`,
  product_licence_mismatch: () => sql<boolean>`EXISTS (SELECT 1 FROM products p JOIN licences l ON l.id = p.licence_id
      WHERE p.enterprise_id = enterprises.id AND NOT (l.categories @> ARRAY[CASE p.category
        WHEN 'health_food' THEN ${PRODUCT_LICENCE_CATEGORY.health_food}
        WHEN 'fsmp' THEN ${PRODUCT_LICENCE_CATEGORY.fsmp}
        ELSE ${PRODUCT_LICENCE_CATEGORY.infant_formula} END]::text[]))`,
};

export function flagCondition(flag: string): RawBuilder<boolean> {
  const make = (CONDITIONS as Record<string, (() => RawBuilder<boolean>) | undefined>)[flag];
  if (!make) throw new AppError('request.invalid', { details: [{ path: 'flag', message: 'field.enum' }], params: { count: 1 } });
  return make();
}
