import { normalizeArabic } from '../arabic/normalize';

/**
 * The words of attribution in Arabic press, in search form (see normalizeArabic). Each list is
 * written as printed; forms are generated where the grammar is regular.
 */

const norm = (words: string[]) => words.map(normalizeArabic);

const PAST = [
  'قال', 'أضاف', 'أوضح', 'أكد', 'اعتبر', 'أبرز', 'شدد', 'ذكر', 'خلص', 'أشار', 'سجل', 'زاد', 'تابع', 'صرح',
  'لفت', 'نبه', 'أفاد', 'كشف', 'أورد', 'استطرد', 'ختم', 'أردف', 'أعلن', 'حذر', 'رأى', 'اعترف', 'لاحظ', 'بين',
  'استرسل', 'علق', 'أجاب', 'رد', 'أقر', 'نفى', 'أفصح', 'استدرك', 'أوضحت',
];
const PRESENT_ROOTS = [
  'قول', 'ضيف', 'ؤكد', 'وضح', 'رى', 'شير', 'تابع', 'برز', 'عتبر', 'سجل', 'ختم', 'لفت', 'شدد', 'ذكر', 'ستطرد', 'نبه', 'لاحظ',
];
const PARTICIPLES = [
  'قائلا', 'مضيفا', 'مؤكدا', 'موضحا', 'معتبرا', 'مبرزا', 'مشددا', 'مشيرا', 'لافتا', 'منبها', 'مسجلا', 'مردفا',
  'متابعا', 'مستطردا', 'مبينا', 'معلقا', 'محذرا', 'مستدركا', 'ذاكرا', 'خالصا', 'مستدلا',
];

/** Attribution verbs: past (masculine and feminine), present (يقول، تقول…) and participles (مؤكدا، مؤكدة…). */
export const VERBS = new Set(
  norm([
    ...PAST,
    ...PAST.map((v) => `${v}ت`),
    ...PRESENT_ROOTS.flatMap((r) => [`ي${r}`, `ت${r}`]),
    ...PARTICIPLES,
    ...PARTICIPLES.map((p) => `${p.slice(0, -1)}ة`),
  ]),
);

export const PARTICIPLE_FORMS = new Set(norm([...PARTICIPLES, ...PARTICIPLES.map((p) => `${p.slice(0, -1)}ة`)]));

/** Present-tense forms, which follow a quote: «“…”، يقول المتحدث ذاته». */
export const PRESENT_FORMS = new Set(norm(PRESENT_ROOTS.flatMap((r) => [`ي${r}`, `ت${r}`])));

/** Words between the speaker and the quote: «قال فلان إن “…”», «شددت على أن “…”». */
export const CUE_WORDS = new Set(norm(['إن', 'أن', 'على', 'إلى', 'الى', 'بأن', 'قائلا', 'قائلة', 'بالقول', 'فيه', 'في', 'له', 'لها']));

/** Asides between a speaker and the quote, dropped when reading the speaker: «، في تصريح لهسبريس،». */
export const ASIDE_STARTS = norm(['في تصريح', 'في حديث', 'في مقابلة', 'في حوار', 'في اتصال', 'ضمن', 'خلال', 'في ندوة', 'في كلمة', 'في تدوينة']);

/** Sentence openers that are not the speaker: «من جهته، قال …». */
export const DISCOURSE_MARKERS = norm(['من جهته', 'من جهتها', 'من جانبه', 'من جانبها', 'بدوره', 'بدورها', 'في المقابل', 'في السياق ذاته', 'وفي السياق ذاته']);

/** «المصرح عينه», «الباحث ذاته», «المتحدث نفسه»: the same person again. */
export const SAME_WORDS = new Set(norm(['ذاته', 'نفسه', 'عينه', 'ذاتها', 'نفسها', 'عينها']));
/** Nouns that refer back to the last speaker without a name: «المسؤول الأمني», «المصدر ذاته». */
export const ROLE_NOUNS = new Set(norm(['المصرح', 'المتحدث', 'الباحث', 'الخبير', 'المسؤول', 'المختص', 'الأستاذ', 'المحلل', 'الأكاديمي', 'الفاعل', 'الناشط', 'المتحدثة', 'الباحثة', 'الخبيرة', 'المسؤولة', 'المحللة']));

export const HONORIFICS = new Set(norm(['الدكتور', 'الدكتورة', 'د', 'الأستاذ', 'الأستاذة', 'السيد', 'السيدة', 'البروفيسور', 'الخبير', 'الخبيرة', 'الباحث', 'الباحثة']));

/** Mentions that are not a person to create: anonymous or collective sources. */
export const ANONYMOUS = new Set(norm(['مصدر', 'مصادر', 'مسؤول', 'مسؤولون', 'خبراء', 'مهتمون', 'متابعون', 'مراقبون', 'تقارير', 'تقرير', 'البعض', 'آخرون', 'المصدر', 'مصدرا']));

/** Words before a quoted name, not a quote: لموقع «لكم», صحيفة "…", عملية «…». */
export const NAME_CUES = new Set(
  norm(['موقع', 'لموقع', 'جريدة', 'لجريدة', 'صحيفة', 'لصحيفة', 'مجلة', 'لمجلة', 'قناة', 'لقناة', 'وكالة', 'لوكالة', 'منظمة', 'حزب', 'جمعية', 'شركة', 'عملية', 'برنامج', 'مبادرة', 'مشروع', 'تطبيق', 'منصة', 'وسم', 'شعار', 'كتاب', 'فيلم', 'مؤسسة', 'ل', 'لـ']),
);

/** Official statements: «وفق بيان صادر عن …», «جاء في بلاغ لـ…». */
export const STATEMENT_NOUNS = new Set(norm(['بيان', 'بلاغ', 'البيان', 'البلاغ', 'بلاغا', 'بيانا']));
export const STATEMENT_LEADS = new Set(norm(['وفق', 'حسب', 'بحسب', 'وفقا', 'طبقا', 'جاء', 'أفاد', 'أورد', 'أوضح', 'أكد', 'أعلن', 'ذكر', 'كشف', 'أشار']));
