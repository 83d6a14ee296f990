import { describe, expect, it } from 'vitest';
import { normalizeArabic } from '../src/arabic/normalize';
import { AnalysedText, Gazetteer } from '../src/extract/gazetteer';
import { findMarkedSpans } from '../src/extract/marks';
import { institutionName, looksLikeName } from '../src/extract/names';
import { findReportedClauses, findSourcedClauses } from '../src/extract/reported';
import { findOrganisationStatements } from '../src/extract/statements';
import { Tagger } from '../src/extract/tagging';

// Each stage of the pipeline on its own (marks → statements → attribution → catalogue matching),
// on sentences written for these tests.

const clauses = (body: string) => {
  const text = new AnalysedText(body);
  return findReportedClauses(text, body, findMarkedSpans(body)).map((c) => body.slice(c.start, c.end));
};
const words = (s: string) => normalizeArabic(s).split(' ');

describe('reported speech (reported.ts)', () => {
  it('reads what follows the complementiser, to the sentence end or the next attribution', () => {
    expect(clauses('أكد الباحث سمير الودغيري، في تصريح لجريدة، أن الشبكات غيرت أساليبها كثيرا، مضيفا أن المحققين يواجهون صعوبات جديدة.')).toEqual([
      'الشبكات غيرت أساليبها كثيرا',
      'المحققين يواجهون صعوبات جديدة',
    ]);
  });

  it('reads a complementiser after a colon, and stops before «، فيما أوضح أن»', () => {
    expect(clauses('وقال المسؤول في ندوة: إنه تم توقيف ثلاثة أشخاص في المدينة، فيما أوضح أن البحث ما يزال جاريا هناك.')).toEqual([
      'تم توقيف ثلاثة أشخاص في المدينة',
      'البحث ما يزال جاريا هناك',
    ]);
  });

  it('finds no statement after a verb with a noun object, nor in the narrator’s «ويذكر أن»', () => {
    expect(clauses('وأشاد الوزير بالتنسيق القائم بين المصالح، وشدد على ضرورة حماية الضحايا.')).toEqual([]);
    expect(clauses('ويذكر أن المنطقة شهدت عمليات مماثلة خلال الصيف الماضي.')).toEqual([]);
  });

  it('leaves a quote in marks to itself when only a connector stands before it', () => {
    expect(clauses('وأضاف أن “التعاون بين الأجهزة مفتاح النجاح في هذا الملف”.')).toEqual([]);
  });

  it('reads statements attributed by source, before or after them', () => {
    const body = 'حسب المصدر ذاته، تم حجز معدات معلوماتية وهواتف محمولة كثيرة. وتمكنت المصالح من توقيف المشتبه فيهم بسرعة، حسبما ورد في بيان للقيادة.';
    const text = new AnalysedText(body);
    expect(findSourcedClauses(text, body, []).map((c) => [body.slice(c.start, c.end), body.slice(c.source!.start, c.source!.end).trim()])).toEqual([
      ['تم حجز معدات معلوماتية وهواتف محمولة كثيرة', 'المصدر ذاته'],
      ['وتمكنت المصالح من توقيف المشتبه فيهم بسرعة', 'ورد في بيان للقيادة'],
    ]);
  });
});

describe('the name gate (names.ts)', () => {
  it('takes names, and no institution, particle, verb or number', () => {
    expect(looksLikeName(words('عبد الرحيم بلقاسم'))).toBe(true);
    expect(looksLikeName(words('وزارة الداخلية'))).toBe(false);
    expect(looksLikeName(words('من جهته'))).toBe(false);
    expect(looksLikeName(words('وتابع قوله'))).toBe(false);
    expect(looksLikeName(words('باسم الوزارة منصور التركي'))).toBe(false);
    expect(looksLikeName(words('الفوج 12'))).toBe(false);
  });

  it('names an institution without the statement it speaks through', () => {
    expect(institutionName('بيان للقيادة العامة للدرك الوطني'.split(' '))).toBe('القيادة العامة للدرك الوطني');
    expect(institutionName('السلطات الأمنية'.split(' '))).toBe('السلطات الأمنية');
    expect(institutionName('مصادر مطلعة'.split(' '))).toBeNull();
  });
});

describe('official statements (statements.ts)', () => {
  const orgs = new Gazetteer([{ phrase: 'المديرية العامة للأمن الوطني', value: 'dgsn' }]);
  it('reads «وفق بيان صادر عن ORG، …» and «أفادت ORG، في بلاغ لها، أن …»', () => {
    const body =
      'ووفق بيان صادر عن المديرية العامة للأمن الوطني، فإن العملية أسفرت عن حجز كميات كبيرة. وأفادت المديرية العامة للأمن الوطني، في بلاغ لها، أن الموقوفين أحيلوا على النيابة العامة.';
    const text = new AnalysedText(body);
    const found = findOrganisationStatements(text, orgs.find(text));
    expect(found.map((s) => [body.slice(s.start, s.end), s.verb, s.organisation])).toEqual([
      ['فإن العملية أسفرت عن حجز كميات كبيرة', 'وفق بيان صادر عن', 'dgsn'],
      ['الموقوفين أحيلوا على النيابة العامة', 'أفادت', 'dgsn'],
    ]);
  });
});

describe('catalogue matching (tagging.ts)', () => {
  const topics = new Gazetteer([
    { phrase: 'الهجرة السرية', value: 'migration' },
    { phrase: 'المهاجرين', value: 'migration' },
    { phrase: 'المخدرات', value: 'drug-trafficking' },
  ]);
  const body = 'تتزايد محاولات الهجرة السرية نحو الشمال.\nوقال المسؤول إن الوضع صعب جدا هذه السنة.\nوحجزت المصالح كميات من المخدرات. وأكد الضابط أن العملية نجحت.';
  const tagger = new Tagger(new AnalysedText(body), 'المهاجرين في الشمال', topics, new Gazetteer<string>([]));
  const at = (s: string) => [body.indexOf(s), body.indexOf(s) + s.length] as const;

  it('tags a statement from its own words first', () => {
    expect(tagger.tagsOf(...at('كميات من المخدرات')).topics).toEqual(['drug-trafficking']);
  });

  it('falls back to the sentence, the paragraph, then the article’s main topic (its title counting twice)', () => {
    expect(tagger.tagsOf(...at('نحو الشمال')).topics).toEqual(['migration']);
    expect(tagger.tagsOf(...at('العملية نجحت')).topics).toEqual(['drug-trafficking']);
    expect(tagger.tagsOf(...at('الوضع صعب جدا هذه السنة')).topics).toEqual(['migration']);
  });
});
