import { parseUserCreateArgs } from './user-create-args';

describe('parseUserCreateArgs', () => {
  it('parses both --flag value and --flag=value, normalizing the email and defaulting the role', () => {
    expect(parseUserCreateArgs(['--email', 'Ada@Example.com', '--password=Correct-Horse-42'])).toEqual({ email: 'ada@example.com', password: 'Correct-Horse-42', role: 'learner' });
    expect(parseUserCreateArgs(['--email=a@b.co', '--password', 'Correct-Horse-42', '--role', 'admin', '--name', 'Root']).role).toBe('admin');
  });
  it('rejects unknown flags, missing values, weak passwords and unknown roles with the usage', () => {
    expect(() => parseUserCreateArgs(['--mail', 'a@b.co'])).toThrow(/unknown argument `--mail`[\s\S]*usage/);
    expect(() => parseUserCreateArgs(['--email'])).toThrow(/missing value for --email/);
    expect(() => parseUserCreateArgs(['--email', 'a@b.co', '--password', 'short'])).toThrow(/--password: password must have at least 10/);
    expect(() => parseUserCreateArgs(['--email', 'a@b.co', '--password', 'Correct-Horse-42', '--role', 'root'])).toThrow(/--role/);
    expect(() => parseUserCreateArgs([])).toThrow(/--email/);
  });
});
