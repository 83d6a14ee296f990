import { contentHash } from '../arabic/normalize';
import type { OpenedDb } from '../db/client';
import { Random } from './random';
import { indexNewRows, withoutSearchTriggers } from './search-triggers';
import { FIRST, LAST as SEED_LAST } from './article-text';

/**
 * A deterministic corpus at archive scale, in the seeds' styles: articles whose paragraphs quote
 * experts («وقال فلان، باحث…، إن “…”») and report statements («ووفق بيان صادر عن …»), with
 * offsets that hold. Popularity is skewed like the press: a few experts are quoted thousands of
 * times, most a handful; a few topics dominate.
 *
 * Rows go in through prepared statements in one transaction, with the full-text triggers off; the
 * index is built once at the end, and the triggers come back in the same transaction.
 */

export interface CorpusOptions {
  articles: number;
  seed: number;
  experts?: number;
  organisations?: number;
  onProgress?: (articlesDone: number) => void;
}

export interface CorpusReport {
  articles: number;
  quotes: number;
  experts: number;
  organisations: number;
}

const MIDDLE = ['أحمد', 'علي', 'حسن', 'إبراهيم', 'عبد الله', 'صالح', 'الطاهر', 'العربي', 'المهدي', 'الحسين'];
// The article generator's family names, then more for a corpus's thousands of experts.
const LAST = [...SEED_LAST, 'السوسي', 'الريفي', 'الدكالي', 'العمراني', 'اليعقوبي'];
const TITLES = [
  'باحث في الشؤون الاستراتيجية',
  'خبير في الأمن السيبراني',
  'أستاذ القانون الدولي',
  'محلل سياسي',
  'باحث في قضايا الهجرة',
  'خبير في الجماعات المتطرفة',
  'خبير دولي في إدارة الأزمات',
  'أستاذ العلاقات الدولية',
];
const ORG_HEADS = ['المديرية', 'الوكالة', 'المركز', 'المرصد', 'المعهد', 'الهيئة', 'المكتب', 'الجمعية'];
const ORG_SCOPES = ['الوطنية', 'الإقليمية', 'الدولية', 'الإفريقية', 'المتوسطية'];
const ORG_DOMAINS = ['للأمن الرقمي', 'لمكافحة الإرهاب', 'للدراسات الاستراتيجية', 'لمحاربة الجريمة المنظمة', 'للهجرة واللجوء', 'للتعاون الأمني', 'لرصد التطرف', 'للاستعلامات'];
const KINDS = ['POLICE', 'INTELLIGENCE', 'INTERNATIONAL_BODY', 'GOVERNMENT', 'ACADEMIC', 'NGO', 'OTHER'] as const;
const COUNTRIES = ['MA', 'FR', 'ES', 'DZ', 'TN', 'SN', 'DE', 'BE', 'US', null];
const VERBS = ['قال', 'أضاف', 'أوضح', 'أكد', 'اعتبر', 'أبرز', 'شدد على', 'ذكر'];
const CLAUSES = [
  'التعاون الأمني الدولي أصبح ضرورة لمواجهة التهديدات العابرة للحدود',
  'الأمن السيبراني جبهة جديدة في الصراعات المعاصرة تتطلب تبادل المعلومات',
  'تفكيك الخلايا الإرهابية يحتاج إلى تنسيق استخباراتي دقيق بين الشركاء',
  'شبكات تهريب المخدرات تستغل الثغرات في مراقبة الحدود البحرية',
  'الهجرة غير النظامية لا تعالج بالحلول الأمنية وحدها بل بمقاربة تنموية',
  'الاتجار بالبشر جريمة منظمة تتطلب تعاونا قضائيا وأمنيا واسعا',
  'الهجمات الإلكترونية على البنيات التحتية تضاعفت خلال السنوات الأخيرة',
  'منطقة الساحل تعرف تمددا للجماعات المسلحة والجريمة المنظمة',
  'الدبلوماسية الأمنية أداة لتعزيز الثقة بين الدول الشريكة',
  'غسل الأموال يغذي الشبكات الإجرامية ويهدد الاستقرار الاقتصادي',
  'التطرف العنيف ينتشر عبر المنصات الرقمية ويستهدف الشباب',
  'التكوين المشترك للأطر الأمنية يرفع من نجاعة العمليات الميدانية',
];
const NARRATIVE = [
  'تتواصل الجهود الرامية إلى تعزيز التنسيق بين الأجهزة المعنية على المستويين الإقليمي والدولي.',
  'وتأتي هذه التطورات في سياق إقليمي يتسم بتصاعد التحديات الأمنية المعقدة.',
  'ويرى متابعون أن المرحلة المقبلة ستشهد توسيع مجالات التعاون لتشمل قطاعات جديدة.',
];

export function generateCorpus(opened: OpenedDb, options: CorpusOptions): CorpusReport {
  const { sqlite } = opened;
  const r = new Random(options.seed);
  const expertCount = options.experts ?? 5000;
  const orgCount = options.organisations ?? 1000;
  const maxId = (table: string) => (sqlite.prepare(`SELECT coalesce(max(id), 0) AS n FROM ${table}`).get() as { n: number }).n;
  const marks = { quote: maxId('quotes'), article: maxId('articles'), expert: maxId('experts'), organisation: maxId('organisations') };
  // Topics in a seeded popularity order: the first are the most quoted.
  const topicOrder = r.shuffle(sqlite.prepare('SELECT id FROM topics ORDER BY id').pluck().all() as number[]);

  const insertOrg = sqlite.prepare('INSERT INTO organisations (slug, name, name_en, acronym, kind, country) VALUES (?, ?, ?, ?, ?, ?)');
  const insertAlias = sqlite.prepare('INSERT OR IGNORE INTO organisation_aliases (organisation_id, alias) VALUES (?, ?)');
  const insertExpert = sqlite.prepare('INSERT INTO experts (slug, name, name_latin, title) VALUES (?, ?, ?, ?)');
  const insertAffiliation = sqlite.prepare('INSERT OR IGNORE INTO expert_affiliations (expert_id, organisation_id) VALUES (?, ?)');
  const insertArticle = sqlite.prepare('INSERT INTO articles (slug, title, lede, body, language, url, published_at, source_id, content_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
  const insertQuote = sqlite.prepare(
    'INSERT INTO quotes (article_id, text, kind, verb, start, "end", position, speaker_expert_id, speaker_organisation_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const linkQuoteTopic = sqlite.prepare('INSERT OR IGNORE INTO quote_topics (quote_id, topic_id) VALUES (?, ?)');
  const linkQuoteOrg = sqlite.prepare('INSERT OR IGNORE INTO quote_organisations (quote_id, organisation_id) VALUES (?, ?)');
  const linkArticleExpert = sqlite.prepare('INSERT OR IGNORE INTO article_experts (article_id, expert_id) VALUES (?, ?)');
  const linkArticleOrg = sqlite.prepare('INSERT OR IGNORE INTO article_organisations (article_id, organisation_id) VALUES (?, ?)');
  const linkArticleTopic = sqlite.prepare('INSERT OR IGNORE INTO article_topics (article_id, topic_id) VALUES (?, ?)');

  const tag = `${options.seed}-${marks.article}`;
  let quotes = 0;
  sqlite.transaction(() =>
    withoutSearchTriggers(sqlite, () => {
      const orgs: { id: number; name: string }[] = [];
      for (let i = 0; i < orgCount; i++) {
        const name = `${r.pick(ORG_HEADS)} ${r.pick(ORG_SCOPES)} ${r.pick(ORG_DOMAINS)} ${i}`;
        const id = Number(insertOrg.run(`org-${tag}-${i}`, name, `Organisation ${i}`, `O${i}`, r.pick(KINDS), r.pick(COUNTRIES)).lastInsertRowid);
        insertAlias.run(id, `${name.split(' ').slice(0, 2).join(' ')} ${i}`);
        insertAlias.run(id, `O${i}`);
        orgs.push({ id, name });
      }
      const outlets = orgs.slice(0, 20);
      const experts: { id: number; name: string; title: string }[] = [];
      for (let i = 0; i < expertCount; i++) {
        const name = `${FIRST[i % FIRST.length]} ${MIDDLE[Math.floor(i / FIRST.length) % MIDDLE.length]} ${LAST[Math.floor(i / (FIRST.length * MIDDLE.length)) % LAST.length]}`;
        const title = r.pick(TITLES);
        const id = Number(insertExpert.run(`expert-${tag}-${i}`, name, `Expert ${i}`, title).lastInsertRowid);
        insertAffiliation.run(id, r.skewed(orgs).id);
        experts.push({ id, name, title });
      }

      const start = Date.UTC(2015, 0, 1);
      for (let a = 0; a < options.articles; a++) {
        // A dateline with the article's number: two articles drawn alike would share a content hash, which ingest keeps unique.
        const paragraphs: string[] = [`${r.pick(NARRATIVE)} (${a + 1})`];
        let length = paragraphs[0].length + 1;
        const pending: { text: string; start: number; kind: 'DIRECT' | 'INDIRECT'; verb: string; expert: number | null; org: number | null; topics: number[]; orgs: number[] }[] =
          [];
        const n = r.int(6, 14);
        for (let q = 0; q < n; q++) {
          const text = `${r.pick(CLAUSES)}، و${r.pick(CLAUSES)}`;
          const quoteTopics = Array.from({ length: r.int(1, 3) }, () => r.skewed(topicOrder, 1.1));
          const quoteOrgs = r.next() < 0.3 ? [r.skewed(orgs).id] : [];
          let paragraph: string;
          let offset: number;
          if (r.next() < 0.1) {
            const org = r.skewed(orgs);
            const lead = `ووفق بيان صادر عن ${org.name}، `;
            paragraph = `${lead}${text}.`;
            offset = lead.length;
            pending.push({ text, start: length + offset, kind: 'INDIRECT', verb: 'وفق بيان صادر عن', expert: null, org: org.id, topics: quoteTopics, orgs: quoteOrgs });
          } else {
            const expert = r.skewed(experts, 1.2);
            const verb = r.pick(VERBS);
            const lead = `و${verb} ${expert.name}، ${expert.title}، إن “`;
            paragraph = `${lead}${text}”.`;
            offset = lead.length;
            pending.push({ text, start: length + offset, kind: 'DIRECT', verb, expert: expert.id, org: null, topics: quoteTopics, orgs: quoteOrgs });
          }
          paragraphs.push(paragraph);
          length += paragraph.length + 1;
        }
        const body = paragraphs.join('\n');
        const title = `${r.pick(CLAUSES).split(' ').slice(0, 6).join(' ')} (${a})`;
        const source = r.skewed(outlets);
        const articleId = Number(
          insertArticle.run(
            `article-${tag}-${a}`,
            title,
            paragraphs[0],
            body,
            'ar',
            `https://corpus.example/${tag}/${a}`,
            start + r.int(0, 3650) * 86_400_000,
            source.id,
            contentHash(body),
          ).lastInsertRowid,
        );
        linkArticleOrg.run(articleId, source.id);
        const articleTopics = new Set<number>();
        pending.forEach((p, i) => {
          const quoteId = Number(insertQuote.run(articleId, p.text, p.kind, p.verb, p.start, p.start + p.text.length, i + 1, p.expert, p.org).lastInsertRowid);
          for (const t of p.topics) {
            linkQuoteTopic.run(quoteId, t);
            articleTopics.add(t);
          }
          for (const o of p.orgs) {
            linkQuoteOrg.run(quoteId, o);
            linkArticleOrg.run(articleId, o);
          }
          if (p.expert) linkArticleExpert.run(articleId, p.expert);
          if (p.org) linkArticleOrg.run(articleId, p.org);
        });
        for (const t of articleTopics) linkArticleTopic.run(articleId, t);
        quotes += pending.length;
        if ((a + 1) % 1000 === 0) options.onProgress?.(a + 1);
      }
      indexNewRows(sqlite, marks);
    }),
  )();
  // One bulk insert leaves the index in many segments (19 for 100k articles), and every match then
  // walks each one; merged into one, S4's newest-first reads took about a third of the time.
  sqlite.exec("INSERT INTO search_index (search_index) VALUES ('optimize')");
  sqlite.exec('ANALYZE');
  return { articles: options.articles, quotes, experts: expertCount, organisations: orgCount };
}
