/**
 * Words that end a key phrase. Longer than the search stop list (src/core/text/stop-words.ts, which
 * must keep content words for queries): here every word that is not part of a noun phrase in
 * ordinary prose is a boundary, so that "the new model was trained on" yields "model", not "new
 * model was trained". Function words, common verbs, adverbs, quantities and the vaguest nouns. No
 * part-of-speech model: this list and the document frequencies do the work a tagger would.
 * Entries in folded form (foldForSearch).
 */
import { STOP_WORDS } from '../text/stop-words';

// prettier-ignore
const ENGLISH = [
  'about', 'above', 'across', 'after', 'again', 'against', 'ago', 'all', 'almost', 'along',
  'already', 'also', 'although', 'always', 'am', 'among', 'amp', 'another', 'any', 'anyone',
  'anything', 'around', 'away', 'back', 'because', 'become', 'becomes', 'before', 'being', 'below',
  'best', 'better', 'between', 'big', 'both', 'bring', 'came', 'can', 'cannot', 'come', 'comes',
  'could', 'day', 'days', 'did', 'didn', 'different', 'doesn', 'doing', 'don', 'done', 'down',
  'during', 'each', 'either', 'else', 'enough', 'even', 'ever', 'every', 'everything', 'example',
  'far', 'few', 'find', 'first', 'found', 'four', 'get', 'gets', 'getting', 'give', 'given', 'go',
  'goes', 'going', 'gone', 'good', 'got', 'great', 'having', 'here', 'high', 'him', 'himself',
  'how', 'however', 'isn', 'itself', 'just', 'keep', 'know', 'known', 'last', 'later', 'least',
  'less', 'let', 'like', 'likely', 'little', 'll', 'long', 'look', 'lot', 'made', 'make', 'makes',
  'making', 'many', 'may', 'maybe', 'might', 'more', 'most', 'much', 'must', 'need', 'needs',
  'never', 'new', 'next', 'no', 'nor', 'not', 'nothing', 'now', 'off', 'often', 'old', 'once',
  'one', 'ones', 'only', 'other', 'others', 'out', 'over', 'own', 'part', 'per', 'perhaps', 'put',
  'quite', 'rather', 're', 'read', 'really', 'right', 'said', 'same', 'say', 'says', 'second',
  'see', 'seen', 'seem', 'seems', 'several', 'should', 'show', 'since', 'small', 'some', 'someone',
  'something', 'sometimes', 'soon', 'still', 'such', 'sure', 'take', 'takes', 'taken', 'than',
  'thing', 'things', 'think', 'three', 'through', 'thus', 'time', 'times', 'today', 'too', 'took',
  'two', 'under', 'until', 'up', 'upon', 'us', 'use', 'used', 'uses', 'using', 've', 'very', 'via',
  'want', 'wants', 'way', 'ways', 'well', 'went', 'whether', 'while', 'whose', 'why', 'within',
  'without', 'won', 'would', 'year', 'years', 'yet', 'yes', 'aren', 'wasn', 'weren', 'hasn',
  'haven', 'wouldn', 'couldn', 'shouldn', 'lets', 'its', 'it\'s', 'i\'m', 'you\'re', 'we\'re',
  'they\'re', 'that\'s', 'there\'s', 'here\'s', 'what\'s', 'according', 'told', 'tell', 'asked',
  'called', 'set', 'real', 'lots', 'etc', 'click', 'share', 'comments', 'comment', 'reply',
  'posted', 'updated', 'published', 'http', 'https', 'www', 'com',
];

// prettier-ignore
const CHINESE = [
  '可以', '没有', '因为', '所以', '但是', '如果', '就是', '还是', '已经', '这样', '自己', '这些', '那些',
  '一些', '时候', '现在', '进行', '通过', '以及', '对于', '其中', '之后', '之前', '不是', '非常', '可能',
  '需要', '表示', '认为', '今天', '目前', '同时', '开始', '成为', '而且', '或者', '然后', '还有', '只是',
  '这种', '那种', '一样', '一直', '很多', '不会', '不能', '能够', '应该', '这里', '那里', '为了', '关于',
  '由于', '虽然', '不过', '其他', '其实', '当然', '方面', '出现', '得到', '大家', '一下', '一次', '这么',
  '怎么', '为什么', '以上', '以下', '记者', '报道', '来源', '责任编辑', '编辑', '您', '他的', '她的', '我的',
  'です', 'ます', 'した', 'する', 'こと', 'もの', 'ある', 'いる', 'この', 'その', 'れる', 'られる',
];

export const PHRASE_STOP_WORDS: ReadonlySet<string> = new Set([
  ...STOP_WORDS,
  ...ENGLISH,
  ...CHINESE,
]);
