import { lightStem, normalizeArabic, toStored } from '../arabic/normalize';
import { Speakers, toPerson, type Person } from './attribution';
import { AnalysedText, Gazetteer } from './gazetteer';
import { NAME_CUES } from './lexicon';
import { looksLikeName } from './names';
import { findMarkedSpans, type MarkedSpan } from './marks';
import { firstParagraph, sentenceStart } from './paragraphs';
import { findReportedClauses, findSourcedClauses, verbAt, type ReportedClause } from './reported';
import { findOrganisationStatements, type OrganisationStatement } from './statements';
import { inRange, Tagger } from './tagging';
import type { Catalogue, ExtractedQuote, ExtractedSpeaker, ExtractInput, Extraction } from './types';

/**
 * Reads an Arabic article the way an analyst does: finds the quotes (in quote marks, and official
 * statements reported without them), who said each, the organisations named and the topics.
 * Pure and deterministic: it reads only its arguments.
 */
export function extractArticle(input: ExtractInput, catalogue: Catalogue): Extraction {
  return new Extractor(input, compile(catalogue)).run();
}

/** The catalogue's phrases, analysed once and reused for every article read with it. */
interface Compiled {
  orgs: Gazetteer<string>;
  topics: Gazetteer<string>;
  catalogueNames: Gazetteer<number>;
  experts: Person[];
  /** Catalogue experts by each word of their name, to find «شادي عبد السلام» without a scan. */
  byNameWord: Map<string, Person[]>;
}

const compiled = new WeakMap<Catalogue, Compiled>();

function compile(catalogue: Catalogue): Compiled {
  let c = compiled.get(catalogue);
  if (!c) {
    c = {
      orgs: new Gazetteer(
        catalogue.organisations.flatMap((o) => [o.name, o.nameEn, o.acronym, ...o.aliases].filter((p): p is string => !!p).map((phrase) => ({ phrase, value: o.slug }))),
      ),
      topics: new Gazetteer(catalogue.topics.flatMap((t) => [t.labelAr, ...t.terms].map((phrase) => ({ phrase, value: t.slug })))),
      // Only names the gate takes for a person's are looked for in the text: a phrase an older
      // reading stored as an expert («من جهتها») must not be met again in every article.
      catalogueNames: new Gazetteer(
        catalogue.experts.flatMap((e, i) => (looksLikeName(normalizeArabic(e.name).split(/\s+/).filter(Boolean)) ? [{ phrase: e.name, value: i }] : [])),
      ),
      experts: catalogue.experts.map((e) => toPerson({ slug: e.slug, name: e.name, title: e.title })),
      byNameWord: new Map(),
    };
    for (const person of c.experts) {
      for (const word of new Set(person.nameWords)) c.byNameWord.set(word, [...(c.byNameWord.get(word) ?? []), person]);
    }
    compiled.set(catalogue, c);
  }
  return c;
}

class Extractor {
  private readonly body: string;
  private readonly text: AnalysedText;
  private readonly orgs: Gazetteer<string>;
  private readonly catalogueNames: Gazetteer<number>;
  /** Catalogue matching: each statement's topics and organisations. */
  private readonly tags: Tagger;
  /** Attribution: who said each statement, and what the next ones refer back to. */
  private readonly speakers: Speakers;

  constructor(
    private readonly input: ExtractInput,
    private readonly catalogue: Compiled,
  ) {
    this.body = toStored(input.body).replace(/\r\n?/g, '\n').trim();
    this.text = new AnalysedText(this.body);
    this.orgs = catalogue.orgs;
    this.catalogueNames = catalogue.catalogueNames;
    this.tags = new Tagger(this.text, input.title, catalogue.topics, catalogue.orgs);
    this.speakers = new Speakers(this.text, catalogue);
  }

  run(): Extraction {
    // People the catalogue knows, named anywhere in the article, can be referred to by surname.
    for (const m of this.catalogueNames.find(this.text)) this.speakers.meet(this.speakers.fromCatalogue(this.catalogue.experts[m.value]));

    const allMarked = this.withColonQuotes(findMarkedSpans(this.body));
    const marked = allMarked.filter((s) => !this.isQuotedName(s));
    this.speakers.meetIntroducedPeople(marked);
    this.speakers.meetAppositions(marked);
    const statements = findOrganisationStatements(this.text, this.tags.orgMatches()).filter((st) => !marked.some((m) => m.start < st.end && st.start < m.end));
    // An official statement found by its organisation is read as that; other reported speech as the rest.
    const byVerb = findReportedClauses(this.text, this.body, marked);
    const bySource = findSourcedClauses(this.text, this.body, marked).filter((c) => !byVerb.some((v) => v.start < c.end && c.start < v.end));
    const reported = [...byVerb, ...bySource].filter(
      (r) => !statements.some((st) => st.start < r.end && r.start < st.end) && !marked.some((m) => m.start <= r.start && r.end <= m.end),
    );
    // A few words in marks inside reported speech are the speaker's own words, unless they name something.
    const fragments = allMarked.filter((s) => !marked.includes(s) && this.isFragment(s) && reported.some((c) => c.start <= s.start && s.end <= c.end));
    type Candidate = { start: number; span?: MarkedSpan; statement?: OrganisationStatement; reported?: ReportedClause };
    const candidates: Candidate[] = [
      ...[...marked, ...fragments].map((span) => ({ start: span.start, span })),
      ...statements.map((statement) => ({ start: statement.start, statement })),
      ...reported.map((clause) => ({ start: clause.start, reported: clause })),
    ].sort((a, b) => a.start - b.start);

    const quotes: ExtractedQuote[] = [];
    let previousEnd = 0;
    for (const { span, statement, reported: clause } of candidates) {
      this.speakers.mention = null;
      // A quote in marks inside a reported clause is the same speaker's words.
      const around = quotes.findLast((q) => q.kind === 'INDIRECT' && span && q.start <= span.start && span.end <= q.end);
      const quote = span
        ? around
          ? {
              text: this.body.slice(span.start, span.end),
              start: span.start,
              end: span.end,
              kind: 'DIRECT' as const,
              verb: around.verb,
              speaker: around.speaker,
              attribution: around.attribution,
              ...this.tags.tagsOf(span.start, span.end),
            }
          : this.attributeMarked(span, previousEnd, quotes.at(-1))
        : statement
          ? this.fromStatement(statement)
          : this.fromReported(clause!, previousEnd);
      quotes.push(quote);
      previousEnd = Math.max(previousEnd, quote.end + 1);
      this.speakers.spoke(quote);
    }

    const articleOrgs = new Set(this.tags.orgMatches().map((m) => m.value));
    const source = this.resolveSource();
    if (source) articleOrgs.add(source);
    return {
      title: toStored(this.input.title).trim(),
      body: this.body,
      lede: firstParagraph(this.body),
      language: this.input.language ?? 'ar',
      url: this.input.url ?? null,
      publishedAt: this.input.publishedAt ?? null,
      source,
      quotes,
      people: this.speakers.people.map(({ slug, name, title }) => ({ slug, name, title })),
      organisations: [...articleOrgs],
      topics: this.tags.articleTopics(quotes),
    };
  }

  // ---- quotes in marks -------------------------------------------------------------------

  /**
   * «وأضاف: تم توقيف …”»: a quote whose opening mark is missing, after a verb of saying and a
   * colon, up to a closing mark in the same paragraph. A closing mark alone, with no verb and
   * colon before it, stays a stray mark.
   */
  private withColonQuotes(spans: MarkedSpan[]): MarkedSpan[] {
    const added: MarkedSpan[] = [];
    for (const colon of this.body.matchAll(/[:：]/gu)) {
      const at = colon.index!;
      const w = this.text.wordAt(at) - 1;
      if (w < 0 || this.text.endOf(w) < at - 1 || !verbAt(this.text, w) || spans.some((m) => m.start - 1 <= at && at < m.end)) continue;
      const paragraphEnd = this.body.indexOf('\n', at);
      const rest = this.body.slice(at + 1, paragraphEnd < 0 ? undefined : paragraphEnd);
      const mark = rest.search(/[“”«»"„]/u);
      if (mark < 0 || !/[”»"]/u.test(rest[mark]) || !/\p{L}/u.test(rest.slice(0, mark))) continue;
      let start = at + 1;
      let end = at + 1 + mark;
      while (start < end && /\s/u.test(this.body[start])) start++;
      while (end > start && /[\s.]/u.test(this.body[end - 1])) end--;
      if (spans.some((m) => m.start < end && start < m.end)) continue;
      added.push({ start, end, unclosed: false, continued: false });
    }
    return added.length ? [...spans, ...added].sort((a, b) => a.start - b.start) : spans;
  }

  /** A few words in quote marks that name something («الإنتربول», لموقع «لكم») are not a quote. */
  private isQuotedName(span: MarkedSpan): boolean {
    const first = this.text.wordAt(span.start);
    const last = this.text.wordAt(span.end) - 1;
    const words = last - first + 1;
    if (words <= 0) return true;
    const before = this.body.slice(Math.max(0, span.start - 40), span.start - 1);
    const prevWord = this.text.tokens[first - 1]?.norm;
    const attached = /[\p{L}\u0640]$/u.test(before);
    const colon = /[:：]\s*$/.test(before);
    const cue = prevWord !== undefined && ['ان', 'قايلا', 'قايله', 'بالقول'].includes(prevWord) && /\s$/.test(before);
    const after = this.body.slice(span.end + 1).match(/^\s*(.)/u)?.[1];
    const sentenceGoesOn = after !== undefined && /[\p{L}]/u.test(after);
    if (this.namesSomething(span)) return true;
    // «من"أنها …"»: words that open with a complementiser are said, not a name.
    if (COMPLEMENTISER_OPENING.has(this.text.tokens[first]?.norm ?? '')) return false;
    if (words <= 3) return attached || !(colon || cue) || sentenceGoesOn;
    if (words <= 8) return attached && !colon && !cue;
    return false;
  }

  /**
   * A few words in marks that read as said, not as a name: «بفضل «يقظة الأجهزة»», «“غير صحيح”».
   * Names in marks are mostly definite («البوليساريو», «الدولة الإسلامية»), Latin, or a body's name.
   */
  private isFragment(span: MarkedSpan): boolean {
    const first = this.text.tokens[this.text.wordAt(span.start)]?.norm;
    // One word in marks is a name far more often than a fragment («داعش», «الناتو»).
    const words = this.text.wordAt(span.end) - this.text.wordAt(span.start);
    return !!first && words >= 2 && !first.startsWith('ال') && !/^[a-z0-9]/u.test(first) && !INSTITUTION_START.test(first) && !this.namesSomething(span);
  }

  /** Words in marks that name something: an organisation of the catalogue, or a word such as «موقع», «عملية» just before. */
  private namesSomething(span: MarkedSpan): boolean {
    const first = this.text.wordAt(span.start);
    const last = this.text.wordAt(span.end) - 1;
    if (last < first) return true;
    const prevWord = this.text.tokens[first - 1]?.norm;
    const wholeName = inRange(this.tags.orgMatches(), first, last + 1).some((m) => m.firstWord === first && m.lastWord === last);
    const nameCue = prevWord !== undefined && (NAME_CUES.has(prevWord) || NAME_CUES.has(lightStem(prevWord)));
    return wholeName || (nameCue && last - first < 8);
  }

  private attributeMarked(span: MarkedSpan, clauseFloor: number, previous: ExtractedQuote | undefined): ExtractedQuote {
    const base = { text: this.body.slice(span.start, span.end), start: span.start, end: span.end, kind: 'DIRECT' as const };
    const tagged = (verb: string | null, speaker: ExtractedSpeaker | null): ExtractedQuote => ({
      ...base,
      verb,
      speaker,
      attribution: this.speakers.mention,
      ...this.tags.tagsOf(span.start, span.end),
    });
    if (span.continued) return tagged(null, this.speakers.lastSpeaker);

    const openMark = span.start - 1;
    const clauseStart = Math.max(clauseFloor, sentenceStart(this.body, openMark));
    const found = this.speakers.lastVerb(clauseStart, openMark);
    if (found) return tagged(found.printed, this.speakers.speakerAround(found, clauseStart, openMark));

    const post = this.speakers.postAttribution(span.end + 1);
    if (post) return tagged(post.verb, post.speaker);

    // No attribution at all: a quote that follows another in the same paragraph goes on with its speaker.
    const sameParagraph = previous && !this.body.slice(previous.end, span.start).includes('\n');
    return tagged(null, sameParagraph ? this.speakers.lastSpeaker : null);
  }

  // ---- speakers ----------------------------------------------------------------------------

  private resolveSource(): string | null {
    const source = this.input.source?.trim();
    if (!source) return null;
    const matches = this.orgs.find(new AnalysedText(source));
    return matches[0]?.value ?? null;
  }

  private fromStatement(st: OrganisationStatement): ExtractedQuote {
    return {
      text: this.body.slice(st.start, st.end),
      start: st.start,
      end: st.end,
      kind: 'INDIRECT',
      verb: st.verb,
      speaker: { organisation: st.organisation },
      attribution: null,
      ...this.tags.tagsOf(st.start, st.end),
    };
  }

  /** Reported speech: the speaker named around its verb, or, for a chained participle, the one before. */
  private fromReported(clause: ReportedClause, clauseFloor: number): ExtractedQuote {
    const w = clause.verbWord;
    const verb = this.body.slice(this.text.startOf(w), this.text.endOf(w)).replace(/^[وف](?=.{3,})/u, '');
    const clauseStart = Math.max(clauseFloor, sentenceStart(this.body, this.text.startOf(w)));
    const speaker = clause.source
      ? this.speakers.sourceSpeaker(this.body.slice(clause.source.start, clause.source.end))
      : clause.chained
        ? this.speakers.chainedSpeaker(clauseStart, w)
        : this.speakers.speakerAround({ word: w }, clauseStart, clause.cue);
    return {
      text: this.body.slice(clause.start, clause.end),
      start: clause.start,
      end: clause.end,
      kind: 'INDIRECT',
      verb,
      speaker,
      attribution: this.speakers.mention,
      ...this.tags.tagsOf(clause.start, clause.end),
    };
  }
}

const COMPLEMENTISER_OPENING = new Set(['أن', 'إن', 'أنه', 'أنها', 'أنهم', 'إنه', 'إنها', 'إنهم', 'بأن', 'بأنه', 'بأنها', 'بأنهم'].map(normalizeArabic));

/** The first words of a body's name in marks: «حزب الله», «جبهة البوليساريو». */
const INSTITUTION_START = /^(?:حزب|جبهه|تنظيم|حركه|جماعه|منظمه|مجلس|وزاره)$/u;
