import { describe, expect, it } from 'vitest';
import { findAssignments } from './secret-assignments';

const values = (text: string): string[] =>
  findAssignments(text).map((s) => text.slice(s.start, s.end));

describe('findAssignments', () => {
  it('reads the name back from its separator: quoted, spaced, in a query string', () => {
    expect(values('{"apiKey": "k3y-value"}')).toEqual(['k3y-value']);
    expect(values("config['password'] = 'hunter2'")).toEqual([]);
    expect(values('DB_PASSWORD   =   s3cr3t!x')).toEqual(['s3cr3t!x']);
    expect(values('https://x.test/cb?access_token=abc&state=1')).toEqual(['abc']);
    expect(values('Note: password=x9y')).toEqual(['x9y']);
  });

  it('needs a whole name of at most 64 characters and at most 3 spaces around the separator', () => {
    expect(values('password    = s3cr3t!x')).toEqual([]);
    expect(values('password =    s3cr3t!x')).toEqual([]);
    expect(values(`${'a'.repeat(60)}_token=abc123`)).toEqual([]);
    expect(values(`${'a'.repeat(58)}_token=abc123`)).toEqual(['abc123']);
    expect(values('1password=abc123')).toEqual([]);
  });

  it('judges spaced and tight forms as before: a spaced value must look made up', () => {
    expect(values('token = getToken()')).toEqual([]);
    expect(values('password: Required')).toEqual([]);
    expect(values('token=plainword')).toEqual(['plainword']);
    expect(values('password=password=password')).toEqual(['password=password']);
  });
});
