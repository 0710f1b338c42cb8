import { afterEach, describe, expect, it } from 'vitest';
import en from '../../../public/_locales/en/messages.json';
import zhCN from '../../../public/_locales/zh_CN/messages.json';
import { checkPattern, MAX_RULES, setRule } from '../../core/privacy/site-rules-edit';
import { setMessageSource, tableSource } from '../../shared/i18n';
import { ruleProblemText } from './rule-problem';

const problemOf = (raw: string) => {
  const checked = checkPattern(raw);
  if (checked.ok) throw new Error(`${raw} was accepted`);
  return checked.problem;
};

afterEach(() => setMessageSource(tableSource(en)));

describe('a refused site rule, worded', () => {
  it('in English, as the page has always said it', () => {
    expect(ruleProblemText(problemOf(''))).toBe('Type a site, such as example.com.');
    expect(ruleProblemText(problemOf('x'.repeat(301)))).toBe(
      'That is too long for a site (300 characters at most).',
    );
    expect(ruleProblemText(problemOf('not a site!'))).toBe('A site has no spaces in it.');
    expect(ruleProblemText(problemOf('ftp://a.com'))).toBe(
      'Only web sites (http or https) have rules.',
    );
    expect(ruleProblemText(problemOf('exa*mple.com'))).toBe(
      '“exa*mple.com” is not a site Engram understands. Try example.com, mail.example.com, ' +
        'example.com/path, mychart.*, 10.0.0.0/8.',
    );
    const full = Array.from({ length: MAX_RULES }, (_, i) => ({
      pattern: `s${i}.example`,
      policy: 'never' as const,
    }));
    const edit = setRule(full, 'new.example', 'never');
    if (edit.ok) throw new Error('accepted');
    expect(ruleProblemText(edit.problem)).toBe('You have 2,000 rules already: remove one first.');
  });

  it('in Chinese, with what the user typed kept as typed', () => {
    setMessageSource(tableSource(zhCN));
    expect(ruleProblemText(problemOf(''))).toBe('请输入一个网站，例如 example.com。');
    expect(ruleProblemText(problemOf('exa*mple.com'))).toMatch(/^Engram 无法识别“exa\*mple\.com”/);
  });
});
