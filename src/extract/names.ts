import { normalizeArabic } from '../arabic/normalize';
import { CUE_WORDS, VERBS } from './lexicon';

/**
 * The name gate: whether words read as a speaker are a person's name, before they become an
 * Expert. A verb, a particle, a pronoun, a number or an institution's common noun standing where a
 * name should be is no name: the statement keeps a null speaker and the words as printed.
 */

const norm = (words: string[]) => new Set(words.map(normalizeArabic));

/** Particles, pronouns, demonstratives and the like: never a word of a name. */
const FUNCTION_WORDS = norm([
  'من',
  'في',
  'على',
  'عن',
  'إلى',
  'مع',
  'أن',
  'إن',
  'بأن',
  'ما',
  'لا',
  'لم',
  'لن',
  'قد',
  'هذا',
  'هذه',
  'ذلك',
  'تلك',
  'هؤلاء',
  'التي',
  'الذي',
  'الذين',
  'هو',
  'هي',
  'هم',
  'هن',
  'نحن',
  'أنا',
  'أنه',
  'أنها',
  'إنه',
  'إنها',
  'كل',
  'بعض',
  'كان',
  'كانت',
  'يكون',
  'عند',
  'بعد',
  'قبل',
  'منذ',
  'حول',
  'خلال',
  'ضد',
  'عبر',
  'دون',
  'غير',
  'بين',
  'أو',
  'ثم',
  'لكن',
  'حيث',
  'إذ',
  'إذا',
  'لو',
  'أي',
  'أمام',
  'تحت',
  'فوق',
  'نحو',
  'ذات',
  'نفس',
  'ذاته',
  'نفسه',
  'أيضا',
  'اليوم',
  'أمس',
  'فيما',
  'كما',
  'وقد',
  'فقد',
  'لقد',
  'إنما',
  'أما',
  'هناك',
  'هنا',
  'عدد',
  'عدة',
  'أكثر',
  'أقل',
  'جميع',
  'كافة',
  'باسم',
  'نقلا',
  'وهو',
  'وهي',
  // Words that attribute by source: «حسبما ورد», «وفق ما أفاد».
  'حسب',
  'حسبما',
  'بحسب',
  'وحسب',
  'وفق',
  'وفقا',
  'طبقا',
  'ورد',
  'جاء',
]);

/** The first words of institutions and collective sources: «وزارة الهجرة», «السلطات الأمنية». */
const INSTITUTION_WORDS = norm([
  'وزارة',
  'الوزارة',
  'مديرية',
  'المديرية',
  'سلطات',
  'السلطات',
  'حكومة',
  'الحكومة',
  'شرطة',
  'الشرطة',
  'الأمن',
  'مصالح',
  'المصالح',
  'قيادة',
  'القيادة',
  'جيش',
  'الجيش',
  'حرس',
  'الحرس',
  'درك',
  'الدرك',
  'محكمة',
  'المحكمة',
  'نيابة',
  'النيابة',
  'مجلس',
  'المجلس',
  'إدارة',
  'الإدارة',
  'مكتب',
  'المكتب',
  'لجنة',
  'اللجنة',
  'هيئة',
  'الهيئة',
  'منظمة',
  'المنظمة',
  'وكالة',
  'الوكالة',
  'مركز',
  'المركز',
  'جمعية',
  'الجمعية',
  'حزب',
  'الحزب',
  'مرصد',
  'المرصد',
  'البرلمان',
  'أجهزة',
  'الأجهزة',
  'مصادر',
  'المصادر',
  'تقرير',
  'التقرير',
  'دراسة',
  'الدراسة',
  'بيان',
  'البيان',
  'بلاغ',
  'البلاغ',
  'الدولة',
  'دولة',
  'المملكة',
  'السفارة',
  'سفارة',
  'القنصلية',
  'الولاية',
  'ولاية',
  'المنظمات',
  'الجماعات',
  'التحالف',
  'الاتحاد',
  'جامعة',
  'الجامعة',
  'معهد',
  'المعهد',
  'الشركة',
  'شركة',
  'الصحيفة',
  'صحيفة',
  'الموقع',
  'موقع',
  'القناة',
  'قناة',
  'جهاز',
  'الجهاز',
  'الجهات',
  'النيابة العامة',
  'المفوضية',
  'مفوضية',
  'الرئاسة',
  'رئاسة',
  'البعثة',
  'بعثة',
]);

const MAX_NAME_WORDS = 5;

/** Whether a search-form word can be part of a person's name. */
export function isNameWord(w: string): boolean {
  return (
    !/\d/u.test(w) &&
    w.length >= 2 &&
    !FUNCTION_WORDS.has(w) &&
    !VERBS.has(w) &&
    !CUE_WORDS.has(w) &&
    !(w.length > 2 && (w.startsWith('و') || w.startsWith('ف')) && VERBS.has(w.slice(1))) &&
    // A noun with a possessive pronoun: «حصيلتها», «تصريحاتهم».
    !(w.length >= 5 && /(?:تها|تهم|تهما|تكم|اتنا)$/u.test(w)) &&
    // A preposition or conjunction glued to the article: «لأخبار», «بالمغرب», «والأمن».
    !/^(?:لل|لا|بال|وال|فال|كال)/u.test(w)
  );
}

/** Whether these search-form words (ranks and honorifics already removed) can be a person's name. */
export function looksLikeName(words: string[]): boolean {
  if (words.length < 2 || words.length > MAX_NAME_WORDS) return false;
  // No word of a name is an institution's («الناطق باسم الوزارة منصور التركي» is a title, then a name).
  return words.every((w) => isNameWord(w) && !INSTITUTION_WORDS.has(w));
}

/** Nouns that stand before the body they come from: «بيان للقيادة العامة…», «إحصائيات السلطات». */
const SOURCE_NOUNS = norm(['بيان', 'بلاغ', 'تقرير', 'إحصائيات', 'احصائيات', 'معطيات', 'أرقام', 'وثيقة', 'مذكرة', 'دراسة']);

/**
 * The institution a mention names, as printed without the statement that comes from it or a
 * preposition glued to it («بيان للقيادة العامة للدرك الوطني» → «القيادة العامة للدرك الوطني»); null
 * when the mention is no institution's name.
 */
export function institutionName(printed: string[]): string | null {
  let words = printed;
  const first = normalizeArabic(words[0] ?? '');
  if (SOURCE_NOUNS.has(first) && words.length >= 2) {
    words = words.slice(1);
    // «للقيادة» is ل + «القيادة».
    words = [words[0].replace(/^لل/u, 'ال'), ...words.slice(1)];
  }
  const norms = words.map(normalizeArabic);
  if (norms.length === 0 || norms.length > 6 || !INSTITUTION_WORDS.has(norms[0]) || DOCUMENT_WORDS.has(norms[0])) return null;
  // Its other words are nouns and adjectives: «للدرك», «بالمغرب» may carry a preposition.
  if (norms.some((w) => /\d/u.test(w) || FUNCTION_WORDS.has(w) || VERBS.has(w))) return null;
  return words.join(' ');
}

/** «الجهاز», «الوزارة»: an institution's head noun alone, which refers to one named before. */
export const isInstitutionHead = (words: string[]): boolean => words.length === 1 && words[0].startsWith('ال') && INSTITUTION_WORDS.has(words[0]) && !DOCUMENT_WORDS.has(words[0]);

/** Institution words that are a document or a source, not a body. */
const DOCUMENT_WORDS = norm(['مصادر', 'المصادر', 'تقرير', 'التقرير', 'دراسة', 'الدراسة', 'بيان', 'البيان', 'بلاغ', 'البلاغ']);

/** «البيان», «التقرير», «المصدر نفسه»: a document or source that stands for the body that issued it. */
export const DOCUMENT_NOUNS = norm(['البيان', 'البلاغ', 'التقرير', 'الوثيقة', 'المذكرة', 'الحصيلة']);

/** «المصدر ذاته», «نفس المصدر»: whoever spoke last, a person or a body. */
export const isSameSource = (words: string[]): boolean => words.length <= 2 && (words[0] === 'المصدر' || (words[0] === 'نفس' && words[1] === 'المصدر'));
