import { describe, expect, it } from 'vitest';
import { resolveFollowUp, type EarlierTurn } from './follow-up';

const pi: EarlierTurn = {
  question: 'What CPU does the Raspberry Pi 3 have?',
  cited: ['Raspberry Pi 3 - The credit card sized PC', 'Inside the Deep Web Drug Lab'],
};
const zuck: EarlierTurn = {
  question: 'What did Zuckerberg say at the ZeniMax trial?',
  cited: ["Zuckerberg offers peek at Facebook's acquisition strategies"],
};
const zhPi: EarlierTurn = {
  question: '树莓派3用的是什么处理器？',
  cited: ['Raspberry Pi 3 - The credit card sized PC', '海外留学生看两会'],
};

/** Each of `questions` names the turn's second source and resolves to `query`. */
function expectSecondSource(questions: string[], turn: EarlierTurn, query: string): void {
  for (const q of questions) {
    expect(resolveFollowUp(q, turn), q).toEqual({ query, rules: ['ordinal'], named: [1] });
  }
}

describe('resolveFollowUp: questions that stand alone', () => {
  it('leaves the first question of a conversation as asked', () => {
    expect(resolveFollowUp('  What did he say?  ')).toEqual({
      query: 'What did he say?',
      rules: [],
      named: [],
    });
  });

  it('leaves a new subject alone', () => {
    const r = resolveFollowUp('How do I build a terrarium with moss?', pi);
    expect(r).toEqual({ query: 'How do I build a terrarium with moss?', rules: [], named: [] });
    expect(resolveFollowUp('怎么用玻璃罩和苔藓做一个植物微景观？', zhPi).rules).toEqual([]);
  });

  it('leaves a question whose possessive points back into itself alone', () => {
    // The red team's questions, asked one after another in one conversation.
    const kites = { question: 'What kites do the Marrowby kite flyers fly?', cited: ['Marrowby'] };
    for (const q of [
      'How do the Pellingham clockmakers cut their brass wheels?',
      'How do the Dunmarrow stone wallers build their walls?',
      'When did Apple announce its results?',
      'Why did Bradley Kuhn change his mind?',
    ]) {
      expect(resolveFollowUp(q, kites), q).toEqual({ query: q, rules: [], named: [] });
    }
    expect(resolveFollowUp('How did Smith spend his money?', zuck).query).toBe(
      'How did Smith spend his money?',
    );
    expect(resolveFollowUp('青石镇的茶农怎么照顾他们的茶树？', zhPi).rules).toEqual([]);
    // Without a name of its own the possessive still leans on the last turn.
    expect(resolveFollowUp('What is its price?', pi).rules).toEqual(['pronoun']);
    expect(resolveFollowUp('Why was his testimony news?', zuck).rules).toEqual(['person']);
    expect(resolveFollowUp('它的价格是多少？', zhPi).rules).toEqual(['pronoun']);
    // "it" and "they" are not possessives: a name before them does not own them.
    expect(resolveFollowUp('What did Zuckerberg say about it?', pi).rules).toEqual(['pronoun']);
  });

  it("reads a question about the user's own words by its subject, not as short", () => {
    for (const q of ['What did I tell you about my sister?', '我跟你说过我妹妹什么？']) {
      expect(resolveFollowUp(q, pi), q).toEqual({ query: q, rules: [], named: [] });
    }
    // Its subject a pronoun: it still leans on the last turn.
    expect(resolveFollowUp('What did I tell you about it?', pi).rules).toEqual(['pronoun']);
  });

  it('does not read "other" (其他) or "guitar" (吉他) as a pronoun', () => {
    expect(resolveFollowUp('吉他入门有哪些其他教程推荐？', zhPi).rules).toEqual([]);
  });
});

describe('resolveFollowUp: English', () => {
  it('puts the person the last question named for he, him and his', () => {
    expect(resolveFollowUp('What did he say about cost?', zuck).query).toBe(
      'What did Zuckerberg say about cost?',
    );
    expect(resolveFollowUp('Why was his testimony news?', zuck)).toEqual({
      query: "Why was Zuckerberg's testimony news?",
      rules: ['person'],
      named: [],
    });
    const kuhn = { question: 'Why did Bradley Kuhn stay silent at the FSF?', cited: [] };
    expect(resolveFollowUp('When did she speak up?', kuhn).query).toBe(
      'When did Bradley Kuhn speak up?',
    );
  });

  it('drops a possessive and skips acronyms when finding the person', () => {
    const dress = { question: "How much was Lupita Nyong'o's pearl dress worth?", cited: [] };
    expect(resolveFollowUp('Who took it from her?', dress).query).toContain("from Lupita Nyong'o");
    const fsf = { question: 'Why did the FSF board stay quiet?', cited: [] };
    // No name to put: the topic goes along instead.
    expect(resolveFollowUp('What did he say?', fsf)).toEqual({
      query: 'What did he say? (FSF board stay quiet)',
      rules: ['pronoun'],
      named: [],
    });
  });

  it('sends the last topic along with "it" and "they"', () => {
    expect(resolveFollowUp('How much does it cost?', pi)).toEqual({
      query: 'How much does it cost? (CPU Raspberry Pi 3)',
      rules: ['pronoun'],
      named: [],
    });
    expect(resolveFollowUp('Who makes them?', pi).query).toBe(
      'Who makes them? (CPU Raspberry Pi 3)',
    );
  });

  it('names the cited source for "the second one", "source 2", "[2]" and "the last article"', () => {
    const asked = ['the second one', 'source 2', '[2]', 'the last article'];
    expectSecondSource(
      asked.map((ref) => `What does ${ref} say?`),
      pi,
      'What does "Inside the Deep Web Drug Lab" say?',
    );
    expect(resolveFollowUp('Summarise the first one', pi).query).toBe(
      'Summarise "Raspberry Pi 3 - The credit card sized PC"',
    );
  });

  it('leaves an ordinal with no such source as it was, with the topic', () => {
    const r = resolveFollowUp('What about the fourth one?', pi);
    expect(r.named).toEqual([]);
    expect(r.query).toBe('What about the fourth one? (CPU Raspberry Pi 3)');
    expect(r.rules).toEqual(['ellipsis']);
  });

  it('names the first cited source for "that article" and "this page"', () => {
    expect(resolveFollowUp('Who wrote that article?', zuck)).toEqual({
      query: `Who wrote "Zuckerberg offers peek at Facebook's acquisition strategies"?`,
      rules: ['demonstrative'],
      named: [0],
    });
    expect(resolveFollowUp('When did I save this page?', pi).query).toContain('"Raspberry Pi 3');
  });

  it('reads "and what about …" and one-word questions as ellipsis', () => {
    expect(resolveFollowUp('And what about the price?', pi)).toEqual({
      query: 'And what about the price? (CPU Raspberry Pi 3)',
      rules: ['ellipsis'],
      named: [],
    });
    expect(resolveFollowUp('Why?', zuck).query).toBe('Why? (Zuckerberg ZeniMax trial)');
  });

  it('names the first source when the last question had no topic of its own', () => {
    const bare = { question: 'Why?', cited: ['Hermitian matrix'] };
    expect(resolveFollowUp('How?', bare)).toEqual({
      query: 'How? (Hermitian matrix)',
      rules: ['pronoun'],
      named: [0],
    });
  });

  it('cuts a long title', () => {
    const long = { question: 'What is this?', cited: ['word '.repeat(100)] };
    const r = resolveFollowUp('What does the first one say?', long);
    expect(r.query.length).toBeLessThan(120);
  });

  it('carries the last question’s time words, so its time filter follows', () => {
    const rust = { question: 'What did I read about Rust last week?', cited: [] };
    expect(resolveFollowUp('And what about Go?', rust).query).toBe(
      'And what about Go? (read Rust last week)',
    );
  });

  it('works across three turns: the resolved second question carries the first topic', () => {
    const second = resolveFollowUp('How much does it cost?', pi);
    const third = resolveFollowUp('And who makes it?', { question: second.query, cited: pi.cited });
    expect(third.query).toContain('Raspberry Pi 3');
  });
});

describe('resolveFollowUp: Chinese', () => {
  it('sends the topic along with 它, 他 and 她', () => {
    expect(resolveFollowUp('它卖多少钱？', zhPi)).toEqual({
      query: '它卖多少钱？（树莓派3处理器）',
      rules: ['pronoun'],
      named: [],
    });
    const zhKuhn = { question: '库恩为什么在自由软件基金会的风波中保持沉默？', cited: [] };
    expect(resolveFollowUp('他后来说了什么？', zhKuhn).query).toContain('库恩');
  });

  it('names the cited source for 第二个, 第二篇文章 and 最后一篇', () => {
    const asked = ['第二个', '第二篇文章', '最后一篇', '第2条'];
    expectSecondSource(
      asked.map((ref) => `${ref}讲了什么？`),
      zhPi,
      '“海外留学生看两会”讲了什么？',
    );
  });

  it('names the first cited source for 这篇文章, 那篇 and 该文', () => {
    for (const q of ['这篇文章是谁写的？', '那篇是谁写的？', '该文是谁写的？']) {
      expect(resolveFollowUp(q, zhPi).query, q).toBe(
        '“Raspberry Pi 3 - The credit card sized PC”是谁写的？',
      );
    }
  });

  it('reads a short Chinese question with no subject as leaning on the last one', () => {
    const lab = { question: '巴塞罗那那个检测暗网毒品的实验室', cited: [] };
    expect(resolveFollowUp('检测要花多少钱？', lab).rules).toEqual(['pronoun']);
    expect(resolveFollowUp('反对党接下来打算怎么做？', zhPi).rules).toEqual(['ellipsis']);
    // Enough of its own: a new question.
    expect(resolveFollowUp('量子计算机的原理是什么？', zhPi).rules).toEqual([]);
  });

  it('sends the topic along for 这篇文章 when no source was cited', () => {
    const uncited = { question: '婴儿早点吃花生能预防花生过敏吗？', cited: [] };
    expect(resolveFollowUp('这篇文章说的研究发表在哪里？', uncited).query).toContain(
      '（婴儿早点吃花生能预防过敏）',
    );
  });

  it('reads 那…呢 and 还有… as ellipsis', () => {
    expect(resolveFollowUp('那价格呢？', zhPi)).toEqual({
      query: '那价格呢？（树莓派3处理器）',
      rules: ['ellipsis'],
      named: [],
    });
    expect(resolveFollowUp('还有无线芯片', zhPi).rules).toEqual(['ellipsis']);
  });

  it('mixes: an English pronoun in a question that follows a Chinese one', () => {
    expect(resolveFollowUp('How much is it?', zhPi).query).toBe('How much is it? (树莓派3处理器)');
  });
});
