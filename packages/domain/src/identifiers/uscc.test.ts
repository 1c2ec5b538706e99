import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  computeOrganisationCheckChar,
  computeUsccCheckChar,
  isValidOrganisationCode,
  makeUscc,
  normaliseIdentifier,
  USCC_CHARSET,
  validateUscc,
} from './uscc.ts';
import type { UsccPrefix } from './uscc.ts';

const PUBLISHED_VALID = ['91350200MA2YJ1XR9G', '91440101MA5CJQ4N59', '913502000728319549', '91350213678251743X'];

const charOf = (set: string) => fc.integer({ min: 0, max: set.length - 1 }).map((i) => set.charAt(i));
const run = (set: string, n: number) => fc.array(charOf(set), { minLength: n, maxLength: n }).map((cs) => cs.join(''));
const uscc17 = fc
  .tuple(run(USCC_CHARSET, 2), run('0123456789', 6), run(USCC_CHARSET, 9))
  .map(([dept, division, identifier]) => dept + division + identifier);
const validUscc = uscc17.map((first17) => first17 + computeUsccCheckChar(first17));

describe('validateUscc', () => {
  it.each(PUBLISHED_VALID)('accepts the published code %s with its parts', (code) => {
    const result = validateUscc(code);
    expect(result.ok).toBe(true);
    expect(result.problem).toBeNull();
    expect(result.organisationCodeValid).toBe(true);
  });

  it('splits a code into its parts', () => {
    const result = validateUscc('91350200MA2YJ1XR9G');
    expect(result.parts).toEqual({
      registrationDept: '9',
      entityType: '1',
      divisionCode: '350200',
      organisationCode: 'MA2YJ1XR9',
      checkChar: 'G',
    });
  });

  it('reports the whitelisted real code 91350203M0001QAY9B as a check-character problem with the expected character', () => {
    const result = validateUscc('91350203M0001QAY9B');
    expect(result).toMatchObject({ ok: false, problem: 'check_character', expectedCheckChar: '9' });
    expect(result.parts?.divisionCode).toBe('350203');
  });

  it('normalises spaces, lower case and full-width characters before validating', () => {
    expect(normaliseIdentifier(' ９１３５０２００ｍａ２ＹＪ１ＸＲ９Ｇ\u3000')).toBe('91350200MA2YJ1XR9G');
    expect(validateUscc(' 9135 0200 ma2y j1xr 9g ').ok).toBe(true);
    expect(validateUscc('９１４４０１０１ＭＡ５ＣＪＱ４Ｎ５９').code).toBe('91440101MA5CJQ4N59');
  });

  it.each(['', '91350200MA2YJ1XR9', '91350200MA2YJ1XR9GG', '9135020AMA2YJ1XR9G', '91350200MA2YJ1XR9?'])(
    'rejects the malformed %j as format, with no parts',
    (code) => {
      expect(validateUscc(code)).toMatchObject({ ok: false, problem: 'format', parts: null, expectedCheckChar: null });
    },
  );

  it('accepts historical Shanghai division codes inside the code', () => {
    for (const division of ['310103', '310108', '310119', '310230']) {
      expect(validateUscc(makeUscc('91', division, 77)).ok).toBe(true);
    }
  });

  it('flags an embedded organisation code that fails GB 11714 as advisory, keeping ok', () => {
    // 17 characters whose positions 9–17 (MA2YJ1XR8) fail the GB 11714 check; the USCC check char is computed.
    const first17 = '91350200MA2YJ1XR8';
    const result = validateUscc(first17 + computeUsccCheckChar(first17));
    expect(result).toMatchObject({ ok: true, problem: 'organisation_code', organisationCodeValid: false });
  });

  it('property: any 17 valid characters plus the computed check character validate', () => {
    fc.assert(fc.property(validUscc, (code) => validateUscc(code).ok));
  });

  it('property: changing any single character to another valid one makes the code fail', () => {
    fc.assert(
      fc.property(validUscc, fc.integer({ min: 0, max: 17 }), fc.integer({ min: 1, max: 30 }), (code, pos, shift) => {
        const set = pos >= 2 && pos <= 7 ? '0123456789' : USCC_CHARSET;
        const current = set.indexOf(code.charAt(pos));
        const replacement = set.charAt((current + (shift % (set.length - 1)) + 1) % set.length);
        const mutated = code.slice(0, pos) + replacement + code.slice(pos + 1);
        expect(mutated).not.toBe(code);
        const result = validateUscc(mutated);
        expect(result).toMatchObject({ ok: false, problem: 'check_character' });
      }),
    );
  });

  it('property: codes containing I, O, S, V or Z are rejected as format', () => {
    fc.assert(
      fc.property(validUscc, fc.integer({ min: 0, max: 17 }), fc.constantFrom('I', 'O', 'S', 'V', 'Z'), (code, pos, bad) => {
        const mutated = code.slice(0, pos) + bad + code.slice(pos + 1);
        expect(validateUscc(mutated).problem).toBe('format');
      }),
    );
  });
});

describe('computeUsccCheckChar', () => {
  it('gives the check character of the published vectors', () => {
    for (const code of PUBLISHED_VALID) expect(computeUsccCheckChar(code.slice(0, 17))).toBe(code.charAt(17));
  });

  it('rejects input that is not 17 valid characters', () => {
    expect(() => computeUsccCheckChar('91350200MA2YJ1XR')).toThrow(RangeError);
    expect(() => computeUsccCheckChar('91350200MA2YJ1XRO')).toThrow(RangeError);
  });
});

describe('GB 11714 organisation code', () => {
  it('validates the organisation codes embedded in the published vectors', () => {
    for (const code of PUBLISHED_VALID) expect(isValidOrganisationCode(code.slice(8, 17))).toBe(true);
  });

  it('computes C9 = 11 − (Σ mod 11), mapping 10 to X and 11 to 0', () => {
    expect(computeOrganisationCheckChar('67825174')).toBe('3');
    expect(computeOrganisationCheckChar('00000001')).toBe('9'); // Σ = 1·2 = 2
    expect(computeOrganisationCheckChar('00010000')).toBe('1'); // Σ = 1·10 = 10
    expect(computeOrganisationCheckChar('00000006')).toBe('X'); // Σ = 12, 12 mod 11 = 1 → 10
    expect(computeOrganisationCheckChar('00000000')).toBe('0'); // Σ = 0 → 11
    expect(computeOrganisationCheckChar('MA2YJ1XR')).toBe('9'); // letters valued 10–35
    expect(computeOrganisationCheckChar('MA2YJ1X')).toBeNull();
    expect(isValidOrganisationCode('67825174X')).toBe(false);
  });
});

describe('makeUscc', () => {
  it('builds valid codes, with a valid organisation code, deterministically', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<UsccPrefix>('91', '92', '93', '12', '52'),
        fc.constantFrom('310101', '310115', '310151', '330106'),
        fc.integer({ min: 0, max: 31 ** 6 - 1 }),
        (prefix, division, seq) => {
          const code = makeUscc(prefix, division, seq);
          const result = validateUscc(code);
          expect(result).toMatchObject({ ok: true, problem: null });
          expect(code.slice(0, 8)).toBe(prefix + division);
          expect(makeUscc(prefix, division, seq)).toBe(code);
        },
      ),
    );
  });

  it('gives different codes for different sequence numbers', () => {
    const codes = new Set(Array.from({ length: 500 }, (_, i) => makeUscc('91', '310115', i)));
    expect(codes.size).toBe(500);
  });

  it('rejects a malformed division code or sequence', () => {
    expect(() => makeUscc('91', '3101', 1)).toThrow(RangeError);
    expect(() => makeUscc('91', '310101', -1)).toThrow(RangeError);
    expect(() => makeUscc('91', '310101', 31 ** 6)).toThrow(RangeError);
    expect(() => makeUscc('91', '310101', 1.5)).toThrow(RangeError);
  });
});
