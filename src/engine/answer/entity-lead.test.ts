/** core/answer/entity-lead.ts with the locale files' words (core itself reads no locale). */
import { expect, test } from 'vitest';
import { tIn } from '../../shared/i18n-in';
import { entityLead, type LeadMention, type LeadWords } from '../../core/answer/entity-lead';

const words =
  (language: 'en' | 'zh'): LeadWords =>
  (key, ...s) =>
    tIn(language, key, ...s);
const march = (day: number) => Date.UTC(2026, 2, day, 12);
const UTC = 'UTC';
const lead = (name: string, mentions: LeadMention[], language: 'en' | 'zh' = 'en') =>
  entityLead(name, mentions, words(language), language, UTC);

test('the author of the cited sources, in one month, in English and Chinese', () => {
  const mentions = [
    { savedAt: march(3), role: 'author' },
    { savedAt: march(20), role: 'author' },
  ];
  expect(lead('Mira Okonkwo', mentions)).toBe(
    'You read 2 articles by Mira Okonkwo, in March 2026.',
  );
  expect(lead('Mira Okonkwo', mentions, 'zh')).toBe(
    '你在 2026 年 3 月读过 Mira Okonkwo 的 2 篇文章。',
  );
  expect(lead('Mira Okonkwo', mentions.slice(0, 1))).toBe(
    'You read an article by Mira Okonkwo, in March 2026.',
  );
});

test('a span of months, and across a new year', () => {
  const mentions = [
    { savedAt: Date.UTC(2026, 4, 2), role: 'matched' },
    { savedAt: march(9), role: 'about' },
  ];
  expect(lead('Lake Baikal', mentions)).toBe(
    'You read 2 articles that mention Lake Baikal, between March and May 2026.',
  );
  expect(lead('Lake Baikal', mentions, 'zh')).toBe(
    '你在 2026 年 3 月到 5 月之间读过 2 篇提到 Lake Baikal 的文章。',
  );
  const winter = [{ savedAt: Date.UTC(2025, 11, 20) }, { savedAt: Date.UTC(2026, 1, 2) }];
  expect(lead('Oslo', winter)).toBe(
    'You read 2 articles that mention Oslo, between December 2025 and February 2026.',
  );
});

test('"by" only when the entity wrote every one of them', () => {
  const mixed = [
    { savedAt: march(3), role: 'author' },
    { savedAt: march(4), role: 'matched' },
  ];
  expect(lead('Mira Okonkwo', mixed)).toContain('that mention Mira Okonkwo');
  expect(lead('Mira Okonkwo', [])).toBe('');
});

test('months are the user’s: late on 31 March in UTC is April in Shanghai', () => {
  const late = [{ savedAt: Date.UTC(2026, 2, 31, 20), role: 'author' }];
  expect(entityLead('Mira Okonkwo', late, words('en'), 'en', 'UTC')).toContain('in March 2026');
  expect(entityLead('Mira Okonkwo', late, words('en'), 'en', 'Asia/Shanghai')).toContain(
    'in April 2026',
  );
});
