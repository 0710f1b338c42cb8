/**
 * Words too common to help keyword search, dropped by `tokenize` (so from both the index and the
 * query). Deliberately short: only function words, never content words, so that a question like
 * "what was that article about Rust async" keeps "article", "rust" and "async" and BM25 is not
 * swayed by "what was that". Entries are in folded form (see foldForSearch).
 *
 * Chinese: particles, pronouns and connectives as Intl.Segmenter (ICU's dictionary) emits them;
 * "我们" and "一个" are single words there.
 */
// prettier-ignore
const ENGLISH = [
  'a', 'an', 'and', 'are', 'as', 'at', 'be', 'been', 'but', 'by', 'did', 'do', 'does', 'for',
  'from', 'had', 'has', 'have', 'he', 'her', 'his', 'i', 'if', 'in', 'into', 'is', 'it', 'its',
  'me', 'my', 'of', 'on', 'or', 'our', 'she', 'so', 'that', 'the', 'their', 'them', 'then',
  'there', 'these', 'they', 'this', 'those', 'to', 'was', 'we', 'were', 'what', 'when', 'where',
  'which', 'who', 'will', 'with', 'you', 'your',
];

// prettier-ignore
const CHINESE = [
  '的', '了', '是', '在', '和', '与', '及', '也', '就', '都', '而', '着', '或', '被', '把', '吗', '呢', '吧', '啊',
  '么', '之', '我', '你', '他', '她', '它', '我们', '你们', '他们', '这', '那', '这个', '那个', '一个', '什么', '有', '个',
];

export const STOP_WORDS: ReadonlySet<string> = new Set([...ENGLISH, ...CHINESE]);
