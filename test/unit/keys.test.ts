import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { emailKey, norm, pairKey } from '../../src/core/keys.js';
import { normaliseEmail } from '../../src/core/roster/normalise.js';

describe('the one comparison key (emails, names, pairs)', () => {
  const composed = 'Jos\u00e9@Example.com';
  const decomposed = ' jose\u0301@example.COM ';

  it('folds Unicode form, case and spaces the same way everywhere', () => {
    expect(norm(decomposed)).toBe('jos\u00e9@example.com');
    expect(emailKey(composed)).toBe(emailKey(decomposed));
    expect(pairKey(composed, 'a@b.co')).toBe(pairKey('A@B.CO', decomposed));
    expect(norm(undefined)).toBe('');
  });

  it('gives an imported roster email the key surveys and matches are linked by', () => {
    // Before: the roster lower-cased without NFC, so a decomposed "é" never linked to a response.
    expect(normaliseEmail(decomposed).value).toBe(emailKey(composed));
    expect(normaliseEmail('Ann <ANN@example.com>').value).toBe('ann@example.com');
  });

  it('takes the short way for plain ASCII with the same result as the full rule', () => {
    const slow = (t: string) => t.normalize('NFC').trim().toLowerCase();
    for (const t of ['ann@example.com', 'Ann@example.com', ' a@b.co', 'a\t', 'x_y-z+1@[::1]'])
      expect(norm(t)).toBe(slow(t));
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (t) => norm(t) === slow(t)));
  });
});
