import { normalizeArabic } from '../arabic/normalize';

/**
 * The words of attribution in Arabic press, in search form (see normalizeArabic). Each list is
 * written as printed; forms are generated where the grammar is regular.
 */

const norm = (words: string[]) => words.map(normalizeArabic);

const PAST = [
  'قال',
  'أضاف',
  'أوضح',
  'أكد',
  'اعتبر',
  'أبرز',
  'شدد',
  'ذكر',
  'خلص',
  'أشار',
  'سجل',
  'زاد',
  'تابع',
  'صرح',
  'لفت',
  'نبه',
  'أفاد',
  'كشف',
  'أورد',
  'استطرد',
  'ختم',
  'أردف',
  'أعلن',
  'حذر',
  'رأى',
  'اعترف',
  'لاحظ',
  'استرسل',
  'علق',
  'أجاب',
  'أقر',
  'نفى',
  'أفصح',
  'استدرك',
  'ألمح',
  'نوه',
];
const PRESENT_ROOTS = ['قول', 'ضيف', 'ؤكد', 'وضح', 'رى', 'شير', 'تابع', 'برز', 'عتبر', 'سجل', 'ختم', 'لفت', 'شدد', 'ذكر', 'ستطرد', 'نبه', 'لاحظ'];
const PARTICIPLES = [
  'قائلا',
  'مضيفا',
  'مؤكدا',
  'موضحا',
  'معتبرا',
  'مبرزا',
  'مشددا',
  'مشيرا',
  'لافتا',
  'منبها',
  'مسجلا',
  'مردفا',
  'متابعا',
  'مستطردا',
  'مبينا',
  'معلقا',
  'محذرا',
  'مستدركا',
  'ذاكرا',
  'خالصا',
  'مستدلا',
  'ملمحا',
  'منوها',
];

/** Participles in every number and gender: مؤكدا، مؤكدة، مؤكدين، مؤكدتين. */
const PARTICIPLE_ALL = PARTICIPLES.flatMap((p) => {
  const stem = p.slice(0, -1);
  return [p, `${stem}ة`, `${stem}ين`, `${stem}ون`, `${stem}تين`];
});

/** Attribution verbs: past (masculine, feminine and plural), present (يقول، تقول…) and participles (مؤكدا، مؤكدة…). */
export const VERBS = new Set(norm([...PAST, ...PAST.map((v) => `${v}ت`), ...PAST.map((v) => `${v}وا`), ...PRESENT_ROOTS.flatMap((r) => [`ي${r}`, `ت${r}`]), ...PARTICIPLE_ALL]));

export const PARTICIPLE_FORMS = new Set(norm(PARTICIPLE_ALL));

/** A verb of saying with or without the conjunction و/ف glued to it, in search form; null for any other word. */
export function verbForm(word: string): string | null {
  if (VERBS.has(word)) return word;
  if ((word.startsWith('و') || word.startsWith('ف')) && VERBS.has(word.slice(1))) return word.slice(1);
  return null;
}

/** The narrator's own «ويذكر أن», «يشار إلى أن»: no one is reported. */
export const NARRATOR_VERBS = new Set(norm(['يذكر', 'يشار', 'تذكر']));

/** Present-tense forms, which follow a quote: «“…”، يقول المتحدث ذاته». */
export const PRESENT_FORMS = new Set(norm(PRESENT_ROOTS.flatMap((r) => [`ي${r}`, `ت${r}`])));

/** Words between the speaker and the quote: «قال فلان إن “…”», «شددت على أن “…”». */
export const CUE_WORDS = new Set(
  norm(['إن', 'أن', 'على', 'إلى', 'الى', 'بأن', 'قائلا', 'قائلة', 'بالقول', 'فيه', 'في', 'له', 'لها', 'عن', 'قوله', 'أنه', 'إنه', 'أنها', 'إنها', 'بأنه', 'بأنها', 'أنهم', 'من']),
);

/** Asides between a speaker and the quote, dropped when reading the speaker: «، في تصريح لهسبريس،». */
export const ASIDE_STARTS = norm([
  'في تصريح',
  'في حديث',
  'في مقابلة',
  'في حوار',
  'في اتصال',
  'ضمن',
  'خلال',
  'في ندوة',
  'في كلمة',
  'في تدوينة',
  'في لقاء',
  'في معرض',
  'على هامش',
  'في مؤتمر',
  'في برنامج',
  'في رسالة',
  'أمام',
  'في بلاغ',
  'في بيان',
  'في حصيل',
  'في تقرير',
  'في تغريد',
  'في منشور',
  'في مداخل',
  'في مقال',
  'عبر حساب',
  'عبر صفح',
  'لدى',
]);

/** Sentence openers that are not the speaker: «من جهته، قال …». */
export const DISCOURSE_MARKERS = norm(['من جهته', 'من جهتها', 'من جانبه', 'من جانبها', 'بدوره', 'بدورها', 'في المقابل', 'في السياق ذاته', 'وفي السياق ذاته']);

/** «المصرح عينه», «الباحث ذاته», «المتحدث نفسه»: the same person again. */
export const SAME_WORDS = new Set(norm(['ذاته', 'نفسه', 'عينه', 'ذاتها', 'نفسها', 'عينها']));
/** Nouns that refer back to the last speaker without a name: «المسؤول الأمني», «المصدر ذاته». */
const ROLES = [
  'المصرح',
  'المتحدث',
  'الباحث',
  'الخبير',
  'المسؤول',
  'المختص',
  'الأستاذ',
  'المحلل',
  'الأكاديمي',
  'الفاعل',
  'الناشط',
  'المحامي',
  'الصحفي',
  'الناطق',
  'المدير',
  'الوزير',
  'السفير',
  'الرئيس',
  'النائب',
  'المنسق',
  'العميد',
  'المراقب',
  'اللواء',
  'الجنرال',
  'الكولونيل',
  'القاضي',
  'الوالي',
  'العامل',
  'الكاتب',
  'المستشار',
  'الإعلامي',
];
export const ROLE_NOUNS = new Set(norm([...ROLES, ...ROLES.map((r) => `${r}ة`), 'المصدر']));

/** Honorifics and ranks before a name: kept in the title, never in the name. */
export const HONORIFICS = new Set(
  norm([
    'الدكتور',
    'الدكتورة',
    'د',
    'الأستاذ',
    'الأستاذة',
    'السيد',
    'السيدة',
    'البروفيسور',
    'الحاج',
    'الشيخ',
    'المهندس',
    'المهندسة',
    'اللواء',
    'العميد',
    'العقيد',
    'المقدم',
    'الرائد',
    'النقيب',
    'الفريق',
    'المشير',
  ]),
);

/** First words of a title («والي أمن طنجة، محمد الوردي»): then the name comes second. */
const TITLE_HEADS = [
  'حاكم',
  'والي',
  'مدير',
  'رئيس',
  'وزير',
  'مسؤول',
  'ناطق',
  'عميد',
  'سفير',
  'باحث',
  'خبير',
  'أستاذ',
  'محلل',
  'مختص',
  'منسق',
  'قائد',
  'عضو',
  'نائب',
  'كاتب',
  'مستشار',
  'مساعد',
  'محام',
  'محامي',
  'أكاديمي',
  'صحفي',
];
export const TITLE_WORDS = new Set(norm([...TITLE_HEADS, ...TITLE_HEADS.map((t) => `${t}ة`)]));

/** Mentions that are not a person to create: anonymous or collective sources. */
export const ANONYMOUS = new Set(norm(['مصدر', 'مصادر', 'مسؤول', 'مسؤولون', 'خبراء', 'مهتمون', 'متابعون', 'مراقبون', 'تقارير', 'تقرير', 'البعض', 'آخرون', 'المصدر', 'مصدرا']));

/** Words before a quoted name, not a quote: لموقع «لكم», صحيفة "…", عملية «…». */
export const NAME_CUES = new Set(
  norm([
    'موقع',
    'لموقع',
    'جريدة',
    'لجريدة',
    'صحيفة',
    'لصحيفة',
    'مجلة',
    'لمجلة',
    'قناة',
    'لقناة',
    'وكالة',
    'لوكالة',
    'منظمة',
    'حزب',
    'جمعية',
    'شركة',
    'عملية',
    'برنامج',
    'مبادرة',
    'مشروع',
    'تطبيق',
    'منصة',
    'وسم',
    'شعار',
    'كتاب',
    'فيلم',
    'مؤسسة',
    'ل',
    'لـ',
  ]),
);

/** Official statements: «وفق بيان صادر عن …», «جاء في بلاغ لـ…». */
export const STATEMENT_NOUNS = new Set(norm(['بيان', 'بلاغ', 'البيان', 'البلاغ', 'بلاغا', 'بيانا']));
export const STATEMENT_LEADS = new Set(norm(['وفق', 'حسب', 'بحسب', 'وفقا', 'طبقا', 'جاء', 'أفاد', 'أورد', 'أوضح', 'أكد', 'أعلن', 'ذكر', 'كشف', 'أشار']));
