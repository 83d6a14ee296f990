import type { Random } from './random';

// Material for generated articles in the press styles of the seeds: narrative sentences, quotes
// with the attribution patterns the extractor reads, and topic vocabulary.

/** Given names, for the generated people of both generators. */
export const FIRST = [
  'هشام',
  'سلمى',
  'يوسف',
  'نادية',
  'محمد',
  'خديجة',
  'عبد الرحيم',
  'ليلى',
  'سعيد',
  'فاطمة',
  'كريم',
  'أمينة',
  'عمر',
  'زينب',
  'رشيد',
  'سناء',
  'إدريس',
  'حنان',
  'مصطفى',
  'لبنى',
];
/** Family names, for the generated people of both generators. */
export const LAST = [
  'العلمي',
  'بنعلي',
  'الصديقي',
  'الإدريسي',
  'المرابط',
  'الفاسي',
  'بنسودة',
  'الناصري',
  'الوردي',
  'العلوي',
  'التازي',
  'بنجلون',
  'الشرقاوي',
  'البقالي',
  'الراضي',
  'الحسني',
  'القادري',
  'المنصوري',
  'الزياني',
  'الكتاني',
];
const TITLES = ['باحث في الشؤون الاستراتيجية', 'خبير في الأمن السيبراني', 'أستاذ القانون الدولي', 'محلل سياسي', 'باحث في قضايا الهجرة', 'خبير في الجماعات المتطرفة'];
const STATEMENT_ORGS = ['المديرية العامة للأمن الوطني', 'المديرية العامة لمراقبة التراب الوطني'];

const TOPIC_PHRASES = [
  'الأمن السيبراني',
  'الهجمات الإلكترونية',
  'الجرائم الإلكترونية',
  'القرصنة',
  'الإرهاب',
  'الخلايا الإرهابية',
  'الجريمة المنظمة',
  'تهريب المخدرات',
  'الاتجار بالبشر',
  'الهجرة غير النظامية',
  'تبادل المعلومات الاستخباراتية',
  'التعاون الأمني',
  'الدبلوماسية الأمنية',
  'منطقة الساحل',
  'التطرف العنيف',
  'غسل الأموال',
];
const FILLER = [
  'يعكس هذا التوجه وعيا متزايدا بحجم التحديات التي تواجه المنطقة',
  'تعمل المؤسسات المعنية على تطوير آليات التنسيق مع شركائها الدوليين',
  'تشير المعطيات المتوفرة إلى تطور ملحوظ في أساليب الشبكات الإجرامية',
  'يتطلب الوضع الراهن مقاربة شاملة تجمع بين البعد الأمني والتنموي',
  'ساهمت هذه الجهود في تعزيز الثقة بين الأجهزة المختلفة',
  'تبقى الحاجة قائمة إلى تحديث الإطار القانوني المنظم لهذا المجال',
];

export function personName(r: Random): string {
  return `${r.pick(FIRST)} ${r.pick(LAST)}`;
}

function sentence(r: Random, words = 2): string {
  const topics = Array.from({ length: words }, () => r.pick(TOPIC_PHRASES));
  return `${r.pick(FILLER)} في مجال ${topics.join(' و')}`;
}

/**
 * A ~4 KB article with about `quotes` quotes by two or three people and one statement, in the
 * styles the extractor must read (name before or after the verb, coreference, participles, colon).
 */
export function generateArticle(r: Random, quotes = 10, people = [personName(r), personName(r)]): { title: string; body: string } {
  const narrative = () => `${sentence(r)}، ${sentence(r, 1)}. ${sentence(r)}، ${sentence(r)}.`;
  const paragraphs = [narrative(), narrative()];
  let count = 0;
  for (let p = 0; ; p = (p + 1) % people.length) {
    const name = people[p];
    const surname = name.split(' ').at(-1);
    const title = r.pick(TITLES);
    paragraphs.push(`وقال ${name}، ${title}، إن “${sentence(r)}”، مضيفا أن “${sentence(r, 1)}”.`);
    paragraphs.push(`وأوضح المتحدث ذاته أن “${sentence(r)}، و${sentence(r, 1)}”.`);
    paragraphs.push(`وأضاف ${surname}: “${sentence(r, 3)}”.`);
    paragraphs.push(`وخلص ${surname} إلى أن “${sentence(r, 1)}”.`);
    count += 5;
    if (count + 5 > quotes) break;
    paragraphs.push(narrative());
  }
  paragraphs.push(`ووفق بيان صادر عن ${r.pick(STATEMENT_ORGS)}، ${sentence(r)} خلال الأشهر الأخيرة.`);
  return { title: `${r.pick(TOPIC_PHRASES)}: ${r.pick(FILLER)}`, body: paragraphs.join('\n') };
}
