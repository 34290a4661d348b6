import { checkPasswordStrength, hashPassword, verifyPassword, ZNewPassword } from './password';

describe('checkPasswordStrength', () => {
  it('accepts a long password mixing two classes', () => {
    expect(checkPasswordStrength('correcthorse42')).toBeNull();
  });
  it('rejects short passwords', () => {
    expect(checkPasswordStrength('abc123XYZ')).toMatch(/at least 10/);
  });
  it('rejects a single character class', () => {
    expect(checkPasswordStrength('abcdefghijkl')).toMatch(/two kinds/);
    expect(checkPasswordStrength('123456789012')).toMatch(/two kinds/);
  });
  it('rejects passwords longer than bcrypt can use', () => {
    expect(checkPasswordStrength('a1'.repeat(40))).toMatch(/at most 72 bytes/);
  });
  it('is exposed as a zod schema', () => {
    expect(ZNewPassword.safeParse('short').success).toBe(false);
    expect(ZNewPassword.safeParse('long-enough-1').success).toBe(true);
  });
});

describe('hashPassword / verifyPassword', () => {
  it('verifies the right password and refuses a wrong one or a missing hash', async () => {
    const hash = await hashPassword('correcthorse42');
    expect(hash).toMatch(/^\$2[aby]\$12\$/);
    await expect(verifyPassword('correcthorse42', hash)).resolves.toBe(true);
    await expect(verifyPassword('correcthorse43', hash)).resolves.toBe(false);
    await expect(verifyPassword('correcthorse42', null)).resolves.toBe(false);
  });
});
