import { lightStem, normalizeArabic } from '../arabic/normalize';
import { AnalysedText, phraseStems, type Gazetteer } from './gazetteer';
import {
  ANONYMOUS,
  ASIDE_STARTS,
  CUE_WORDS,
  DISCOURSE_MARKERS,
  HONORIFICS,
  PARTICIPLE_FORMS,
  PRESENT_FORMS,
  ROLE_NOUNS,
  SAME_WORDS,
  STATEMENT_NOUNS,
  TITLE_WORDS,
  VERBS,
} from './lexicon';
import type { MarkedSpan } from './marks';
import { DOCUMENT_NOUNS, institutionName, isInstitutionHead, isNameWord, isSameSource, looksLikeName } from './names';
import { sentenceStart } from './paragraphs';
import { verbAt } from './reported';
import { statementLead, stripConjunction, withoutConjunction } from './statements';
import type { ExtractedPerson, ExtractedQuote, ExtractedSpeaker } from './types';

/**
 * Attribution: who said each statement. Reads the speaker mention around a verb of saying (after it,
 * before it, or after the quote), resolves it to a person met in the article or the catalogue, an
 * organisation, an institution, or the speaker before (a surname, a role, «المصدر ذاته»), and meets
 * the people the article introduces in passing. It keeps what the quotes so far have said.
 */

const SENTENCE_END = /[.!?؟\n]/;

export interface Person extends ExtractedPerson {
  /** Search-form words of the name, for matching a surname or a partial name. */
  nameWords: string[];
  titleStems: string[];
}

export function toPerson(p: ExtractedPerson): Person {
  return {
    ...p,
    nameWords: normalizeArabic(p.name).split(/\s+/).filter(Boolean),
    titleStems: p.title ? phraseStems(p.title) : [],
  };
}

/** What attribution reads against: the catalogue's organisations and experts, analysed once. */
export interface AttributionCatalogue {
  orgs: Gazetteer<string>;
  experts: Person[];
  /** Catalogue experts by each word of their name. */
  byNameWord: Map<string, Person[]>;
}

export class Speakers {
  /** People met in this article, in order; speakers are resolved against them first. */
  readonly people: Person[] = [];
  lastSpeaker: ExtractedSpeaker | null = null;
  /** The organisation that spoke last: «البيان», «التقرير» refer to it. */
  lastOrganisation: ExtractedSpeaker | null = null;
  /** Where the last quote ended: a participle after it in the same sentence goes on with its speaker. */
  lastQuoteEnd = -1;
  /** The words the last quote's speaker was read from, if any. */
  lastAttribution: string | null = null;
  /** The words the current quote's speaker was read from, as printed. */
  mention: string | null = null;

  constructor(
    private readonly text: AnalysedText,
    private readonly catalogue: AttributionCatalogue,
  ) {}

  private get body(): string {
    return this.text.original;
  }

  private get orgs(): Gazetteer<string> {
    return this.catalogue.orgs;
  }

  /** After each quote: what the next ones refer back to. */
  spoke(quote: ExtractedQuote): void {
    this.lastQuoteEnd = quote.end;
    this.lastAttribution = quote.attribution;
    this.lastSpeaker = quote.speaker;
    if (quote.speaker && !('person' in quote.speaker)) this.lastOrganisation = quote.speaker;
  }

  /** A catalogue expert as a person of this article: a copy, because a title found here may fill it in. */
  fromCatalogue(person: Person): Person {
    return this.people.find((p) => p.slug === person.slug) ?? { ...person };
  }

  /**
   * «ترى الباحثة …، فاطمة الزهراء العلوي، أن …»: people introduced with a name and a title in
   * reported speech, so that a later «العلوي» finds them. Only name-and-title pairs count: a bare
   * subject («أرقام رسمية») is no person.
   */
  meetIntroducedPeople(marked: MarkedSpan[]): void {
    const inQuote = (offset: number) => marked.some((m) => m.start <= offset && offset < m.end);
    for (let w = 0; w < this.text.tokens.length; w++) {
      const next = this.text.tokens[w + 1];
      if (!verbAt(this.text, w) || !next || inQuote(this.text.startOf(w))) continue;
      // The subject runs from the verb to «أن/إن», with no quote, colon or sentence end between.
      const after = this.body.slice(this.text.endOf(w), this.text.endOf(w) + 160);
      const subject = after.match(/^([^.!?؟\n:“”«»"]*?)\s(?:أن|إن|بأن)\s/u);
      if (!subject) {
        this.meetTitledSubject(after);
        continue;
      }
      const parts = nameFirst(this.segments(subject[1], true));
      const nameWords = parts[0]?.split(/\s+/).length ?? 0;
      if (parts.length < 2 || nameWords < 2 || nameWords > 5) continue;
      const saved = this.lastSpeaker;
      this.resolveMention(parts[0], parts[1], true);
      this.lastSpeaker = saved;
    }
  }

  /**
   * «حذر مدير الشرطة المجتمعية العميد فلان، الاثنين، من …»: a title and a name before the first
   * comma introduce a person even where the verb takes a noun, so that «مدير الشرطة» later finds them.
   */
  private meetTitledSubject(after: string): void {
    const part = after.match(/^\s*([^.!?؟\n:“”«»"،,؛;]{3,120})[،,؛;]/u)?.[1].trim();
    const words = part ? normalizeArabic(part).split(/\s+/) : [];
    if (!part || words.length < 3 || !isTitleWord(words[0]) || nameStart(words) < 1) return;
    const saved = this.lastSpeaker;
    this.resolveMention(part, null, true);
    this.lastSpeaker = saved;
  }

  /**
   * «تحذيرات أطلقها عبد الحق الخيام، مدير المكتب المركزي…»: a name followed, after a comma, by a
   * title introduces a person anywhere in the text, so that «الخيام» or «المسؤول الأمني» later
   * finds them. The name is the fewest words (two to four) before the comma that make one.
   */
  meetAppositions(marked: MarkedSpan[]): void {
    for (const comma of this.body.matchAll(/[،,؛;]/gu)) {
      const at = comma.index!;
      if (marked.some((m) => m.start <= at && at < m.end)) continue;
      this.meetTitledName(at);
      // The head word first, cheaply: most commas are followed by no title.
      const raw = matchAt(TITLE_AFTER, this.body, at + 1)?.[1]
        .trim()
        .replace(/^(?:وهو|وهي|هو|هي)\s+/u, '');
      const head = raw && normalizeArabic(raw.slice(0, raw.search(/\s|$/u))).split(/\s+/)[0];
      if (!raw || !head || !(TITLE_WORDS.has(head) || TITLE_WORDS.has(lightStem(head)) || ROLE_NOUNS.has(head))) continue;
      const title = cleanTitle(raw);
      const before = this.body.slice(sentenceStart(this.body, at), at).trim().split(/\s+/);
      for (let n = 2; n <= 4 && n <= before.length; n++) {
        const printed = before.slice(-n);
        const words = printed.map((w) => normalizeArabic(w));
        if (words[0].startsWith('ال') || TITLE_WORDS.has(words[0]) || ROLE_NOUNS.has(words[0]) || !looksLikeName(words)) continue;
        const known = this.knownPerson(words);
        if (known) this.speakerFor(known, title);
        else this.meet(toPerson({ slug: null, name: this.fullName(printed), title }));
        break;
      }
    }
  }

  /** «حاكم مليلية؛ إدواردو دي كاسترو؛»: a title, then a name between separators. */
  private meetTitledName(separator: number): void {
    const next = matchAt(NAME_BETWEEN, this.body, separator + 1)?.[1].trim();
    if (!next) return;
    const printed = next.split(/\s+/);
    const words = printed.map((w) => normalizeArabic(w));
    if (printed.length < 2 || printed.length > 4 || words[0].startsWith('ال') || !looksLikeName(words)) return;
    const before = this.body.slice(sentenceStart(this.body, separator), separator).trim().split(/\s+/);
    const head = before.findIndex((w) => TITLE_WORDS.has(normalizeArabic(w)) || TITLE_WORDS.has(lightStem(normalizeArabic(w))));
    if (head < 0) return;
    const title = before.slice(head).join(' ');
    const known = this.knownPerson(words);
    if (known) this.speakerFor(known, title);
    else this.meet(toPerson({ slug: null, name: next, title }));
  }

  /** The last attribution verb between `from` and `to`, with its word index. */
  lastVerb(from: number, to: number): { verb: string; word: number; printed: string } | null {
    const first = this.text.wordAt(from);
    for (let w = this.text.wordAt(to) - 1; w >= first; w--) {
      const lead = statementLead(this.text, w);
      if (lead !== null && lead >= first) {
        // «جاء في بلاغ لـORG أن “…”»: the statement is the verb, the organisation its speaker.
        const printed = this.body.slice(this.text.startOf(lead), this.text.endOf(w));
        return { verb: this.text.tokens[w].norm, word: w, printed: withoutConjunction(this.text, lead, printed) };
      }
      const verb = verbAt(this.text, w);
      if (verb) {
        const printed = this.body.slice(this.text.startOf(w), this.text.endOf(w)).replace(/^[وف](?=.{2,})/u, '');
        return { verb, word: w, printed };
      }
    }
    return null;
  }

  /** Who speaks: named after the verb («قال فلان، …، إن»), before it («فلان، …، قال»), or the last speaker. */
  speakerAround(found: { word: number }, clauseStart: number, openMark: number): ExtractedSpeaker | null {
    const afterVerb = this.text.endOf(found.word);
    const mid = nameFirst(this.segments(this.body.slice(afterVerb, openMark), true));
    if (mid.length) {
      // «قال مدير المركز، الجنرال فلان، في تصريح، إن»: the part that names someone, the other its title.
      for (const [i, part] of mid.entries()) {
        const speaker = this.resolveMention(part, i === 0 ? (mid[1] ?? null) : mid[0], true);
        if (speaker) return speaker;
      }
      // «مشيرا إلى أنه يأمل أن “…”», «محذرا تلك الصفحات من“…”»: after a participle the words are
      // its object, not a speaker; the speaker goes on.
      if (PARTICIPLE_FORMS.has(verbAt(this.text, found.word) ?? '')) {
        this.mention = null;
        return this.lastSpeaker;
      }
      this.mention = mid[0];
      return null;
    }
    const pre = nameFirst(this.segments(this.body.slice(clauseStart, this.text.startOf(found.word)), false));
    // «تواصل مع وزارة الداخلية، التي أكدت أن»: the body the relative pronoun stands for.
    if (pre.length === 1 && RELATIVES.has(normalizeArabic(pre[0]))) {
      const before = this.body.slice(sentenceStart(this.body, this.text.startOf(found.word)), this.text.startOf(found.word));
      const antecedent = this.antecedent(before.slice(0, before.lastIndexOf(pre[0])));
      if (antecedent) return antecedent;
    }
    if (pre.length >= 2) return this.resolveMention(pre[0], pre[1], true);
    if (pre.length === 1) {
      const known = this.resolveMention(pre[0], null, false);
      if (known) return known;
    }
    return this.lastSpeaker;
  }

  /** «“…”، يقول المتحدث ذاته»: a present-tense (or past) verb right after the quote, then the speaker. */
  postAttribution(from: number): { verb: string; speaker: ExtractedSpeaker | null } | null {
    const rest = this.body.slice(from, from + 200);
    const lead = rest.match(/^[\s،,]*/u)?.[0].length ?? 0;
    if (!/[،,]/.test(rest.slice(0, lead))) return null;
    const w = this.text.wordAt(from + lead);
    if (w >= this.text.tokens.length || this.text.startOf(w) !== from + lead) return null;
    const verb = verbAt(this.text, w);
    if (!verb || !(PRESENT_FORMS.has(verb) || VERBS.has(verb))) return null;
    const end = this.body.slice(this.text.endOf(w)).search(SENTENCE_END);
    const clause = this.body.slice(this.text.endOf(w), end < 0 ? undefined : this.text.endOf(w) + end);
    const parts = nameFirst(this.segments(clause, false));
    if (!parts.length) return null;
    return { verb: this.body.slice(this.text.startOf(w), this.text.endOf(w)), speaker: this.resolveMention(parts[0], parts[1] ?? null, true) };
  }

  /**
   * Splits the words around a verb into comma-separated parts, dropping asides («في تصريح لهسبريس»),
   * discourse markers («من جهته») and, when `trimCue`, the words that lead into the quote («إن», «على أن»).
   */
  private segments(raw: string, trimCue: boolean): string[] {
    // Up to the quote: a colon, and an opening mark typed with a space after it.
    let text = raw.replace(/[\s:："“”«»„]+$/u, '').trim();
    if (trimCue) {
      for (;;) {
        const m = text.match(/(?:^|\s)(\S+)$/u);
        if (!m || !CUE_WORDS.has(normalizeArabic(m[1]))) break;
        text = text.slice(0, text.length - m[0].length).trim();
      }
    }
    return (
      text
        // «وتابع “فلان”- خلال تصريحات -:»: a dash set off by a space is a comma; marks around a name are no part of it.
        .replace(/["“”«»„]/gu, '')
        .split(/[،,؛;]|\s[-–—]+|[-–—]+(?:\s|$)/u)
        // «وكانت المديرية … قد أفادت»: the auxiliary around a fronted subject is no part of it.
        .map((s) =>
          cutAside(
            s
              .trim()
              .replace(/^أما\s+/u, '')
              .replace(/^و?كان(?:ت)?\s+/u, '')
              .replace(/\s+قد$/u, ''),
          ),
        )
        .filter((s) => {
          const n = normalizeArabic(s);
          // «، اليوم الأربعاء،»: a time is no speaker.
          const time = n.split(/\s+/).every((w) => TIME_WORDS.has(w));
          return s !== '' && !time && !ASIDE_STARTS.some((a) => n.startsWith(a)) && !DISCOURSE_MARKERS.includes(n) && !LINKERS.has(n);
        })
    );
  }

  /** Resolves a mention to a speaker; `explicit` mentions of unknown names create a person. */
  private resolveMention(mention: string, apposition: string | null, explicit: boolean): ExtractedSpeaker | null {
    const all = normalizeArabic(mention)
      .split(/\s+/)
      .filter((w) => /[\p{L}\p{N}]/u.test(w));
    if (all.length === 0) return null;
    this.mention = mention.trim();

    // «وتقول الصحيفة نقلا عن وزارة الداخلية»: the body cited speaks.
    const cited = mention.match(/نقلا\s+عن\s+(.+)$/u);
    if (cited) return this.resolveMention(cited[1], null, explicit);
    // «البيان», «التقرير»: the body whose statement this goes on with; «المصدر ذاته»: whoever spoke last.
    // «الحصيلة التي نشرتها الوكالة»: the document, whoever carried it.
    if (DOCUMENT_NOUNS.has(all[0]) && (all.length <= 2 || RELATIVES.has(all[1]))) return this.lastOrganisation;
    // «وأشار الجهاز إلى أن»: the body of that kind named before.
    if (isInstitutionHead(all)) return this.lastOrganisation ?? this.institutionNamedBefore(all[0]);
    if (isSameSource(all)) return this.lastSpeaker;

    // «المصرح عينه», «الباحث ذاته», «المسؤول الأمني المغربي»: the same speaker again.
    const roleOnly = ROLE_NOUNS.has(all[0]) && (all.length <= 2 || (all.length <= 4 && all.slice(1).every((w) => isNisba(w) || SAME_WORDS.has(w))));
    if ((all.length <= 3 && SAME_WORDS.has(all.at(-1)!)) || roleOnly) {
      return this.coreferent(all[0]);
    }

    const org = this.organisationIn(mention);
    if (org) return { organisation: org };
    // A body the catalogue does not hold yet: «قالت السلطات الأمنية إنها…».
    const institution = explicit
      ? institutionName(
          mention
            .trim()
            .split(/\s+/)
            .filter((w) => /[\p{L}\p{N}]/u.test(w)),
        )
      : null;
    if (institution) return { institution };

    // «الدكتورة فلانة», «الخبير الأمني فلان», «الأكاديمية الإسبانية فلانة»: honorifics, roles and
    // their adjectives before a name.
    let skip = 0;
    while (skip < all.length - 1 && (HONORIFICS.has(all[skip]) || ROLE_NOUNS.has(all[skip]) || (isNisba(all[skip]) && all.length - skip > 2))) skip++;
    const named = all.slice(skip);
    // «بناني حديثه»: a person met, then words that are not their name.
    let person = this.knownPerson(all) ?? (skip ? this.knownPerson(named) : null);
    for (let k = named.length - 1; !person && k >= 1; k--) person = this.people.length ? this.knownMet(named.slice(0, k)) : null;
    if (person) return this.speakerFor(person, apposition);

    // «الخبير الدولي في إدارة الأزمات…»: a title already met.
    const titled = all[0].startsWith('ال') || TITLE_WORDS.has(all[0]) || TITLE_WORDS.has(lightStem(all[0]));
    const byTitle = titled && all.length >= 2 ? this.personByTitle(mention) : null;
    if (byTitle) return this.speakerFor(byTitle, null);

    if (!explicit || ANONYMOUS.has(named[0]) || ANONYMOUS.has(lightStem(named[0]))) return null;
    // «المتحدث باسم التحالف العربي تركي المالكي الثلاثاء»: the name is the words after the title.
    const printed = mention
      .trim()
      .split(/\s+/)
      .filter((w) => /[\p{L}\p{N}]/u.test(w));
    // Words after the name that are no part of it: a day («الثلاثاء»), an outlet («لأخبار الآن»).
    let end = all.length;
    while (end > skip + 1 && (TIME_WORDS.has(all[end - 1]) || !isNameWord(all[end - 1]))) end--;
    // «اللواء فلان الفلاني الخبير الأمني», «العميد فلان مدير مركز …»: a title after the name, without a comma.
    const titleAt = all.findIndex((w, i) => i >= skip + 2 && i < end && isTitleWord(w));
    let titleAfter = '';
    if (titleAt > 0 && !all[skip].startsWith('ال') && looksLikeName(all.slice(skip, titleAt))) {
      titleAfter = printed.slice(titleAt, end).join(' ');
      end = titleAt;
    }
    // A surname alone («وقال موسوي») is a person when the article gives the whole name somewhere.
    if (end - skip === 1 && printed.length === all.length) {
      const full = this.fullName([printed[skip]]);
      const fullWords = full.split(/\s+/).map((w) => normalizeArabic(w));
      if (fullWords.length < 2 || !looksLikeName(fullWords)) return null;
      const created = toPerson({ slug: null, name: full, title: apposition?.trim() || null });
      this.meet(created);
      return { person: created };
    }
    // «علي» is folded with the preposition «على» in the search form: as printed with ي it is a name.
    const gated = all.map((w, i) => (w === 'علي' && printed[i]?.endsWith('ي') ? ALI : w));
    const at = nameStart(gated.slice(skip, end));
    if (at < 0 || printed.length !== all.length) return null;
    const nameWords = all.slice(skip + at, end);
    const known = this.knownPerson(nameWords);
    // The title keeps its ranks and honorifics: «اللواء», «الناطق الأمني باسم الوزارة».
    const titleBefore = printed.slice(0, skip + at).join(' ');
    if (known) return this.speakerFor(known, apposition ?? (titleBefore || titleAfter || null));
    const title = apposition?.trim() || [titleBefore, titleAfter].filter(Boolean).join(' ');
    const created = toPerson({ slug: null, name: this.fullName(printed.slice(skip + at, end)), title: title || null });
    this.meet(created);
    return { person: created };
  }

  /**
   * A name as first written in the article: «طاهري علوي» read after «مولاي أحمد طاهري علوي» is that
   * name. Up to two name words before the same words elsewhere in the text, none of them a title.
   */
  private fullName(words: string[]): string {
    const target = words.map((w) => normalizeArabic(w));
    const tokens = this.text.tokens;
    let best = words.join(' ');
    for (let k = 0; k + target.length <= tokens.length; k++) {
      if (tokens[k].norm !== target[0] || !target.every((w, i) => tokens[k + i].norm === w)) continue;
      let first = k;
      const joined = (w: number) => /^[^\S\n]+$/u.test(this.body.slice(this.text.endOf(w - 1), this.text.startOf(w)));
      while (first > 0 && k - first < 3) {
        const prev = tokens[first - 1].norm;
        // «عبد المهدي», «أبو بكر»: a compound given name, its second word definite.
        if (prev.startsWith('ال') && first > 1 && COMPOUND_FIRST.has(tokens[first - 2].norm) && joined(first) && joined(first - 1)) {
          first -= 2;
          break;
        }
        // A verb with its object pronoun («أطلقها») ends the name's run.
        const pronoun = /(?:ها|هم|هما|كم|نا)$/u.test(prev);
        if (
          k - first >= 2 ||
          !joined(first) ||
          pronoun ||
          prev.startsWith('ال') ||
          !looksLikeName([prev, ...target]) ||
          TITLE_WORDS.has(prev) ||
          ROLE_NOUNS.has(prev) ||
          HONORIFICS.has(prev)
        )
          break;
        first--;
      }
      const candidate = this.body.slice(this.text.startOf(first), this.text.endOf(k + target.length - 1));
      if (candidate.split(/\s+/).length > best.split(/\s+/).length) best = candidate;
    }
    return best;
  }

  private speakerFor(person: Person, apposition: string | null): ExtractedSpeaker {
    if (!person.title && apposition) {
      person.title = cleanTitle(apposition);
      person.titleStems = phraseStems(person.title);
    }
    this.meet(person);
    return { person };
  }

  meet(person: Person): void {
    if (!this.people.includes(person)) this.people.push(person);
  }

  /**
   * The last speaker, or the last person met whose title fits the role noun («الباحث» → باحث).
   * A role noun refers to a person: after an organisation's statement it names nobody we know.
   */
  private coreferent(roleWord: string): ExtractedSpeaker | null {
    const role = lightStem(roleWord).replace(/ه$/, '');
    const last = this.lastSpeaker;
    if (last && !('person' in last)) return null;
    if (last && 'person' in last) {
      const p = last.person as Person;
      if (!role || p.titleStems.some((s) => s.startsWith(role)) || !this.people.some((o) => o !== p && o.titleStems.some((s) => s.startsWith(role)))) {
        return last;
      }
      const fitting = [...this.people].reverse().find((o) => o.titleStems.some((s) => s.startsWith(role)));
      if (fitting) return { person: fitting };
    }
    // Someone unnamed spoke last («قال المسؤول السنغالي»): the same unnamed person again.
    if (last || this.lastAttribution !== null) return last;
    // Nobody has been named as a speaker yet: the person the article introduced last, the one whose title fits first.
    const introduced = [...this.people].reverse();
    const fitting = introduced.find((o) => o.titleStems.some((s) => s.startsWith(role))) ?? introduced[0];
    return fitting ? { person: fitting } : null;
  }

  /** An organisation that the mention starts with (or names as the author of a statement). */
  private organisationIn(mention: string): string | null {
    const t = new AnalysedText(mention);
    const matches = this.orgs.find(t);
    if (!matches.length) return null;
    const statement = t.tokens.some((tok) => STATEMENT_NOUNS.has(tok.norm) || STATEMENT_NOUNS.has(stripConjunction(tok.norm)));
    const first = matches[0];
    return first.firstWord <= 0 || statement ? first.value : null;
  }

  /** A person already met in this article whose name contains all these words. */
  private knownMet(words: string[]): Person | null {
    return [...this.people].reverse().find((p) => words.every((w) => p.nameWords.includes(w))) ?? null;
  }

  /** A person already met (or in the catalogue) whose name contains all the mention's words. */
  private knownPerson(words: string[]): Person | null {
    const fits = (p: Person) => words.every((w) => p.nameWords.includes(w));
    const met = [...this.people].reverse().find(fits);
    if (met || words.length < 2) return met ?? null;
    const known = (this.catalogue.byNameWord.get(words[0]) ?? []).find(fits);
    return known ? this.fromCatalogue(known) : null;
  }

  /** «الخبير الدولي في إدارة الأزمات…», «المختص في الشؤون الاستراتيجية»: a person met, by their title. */
  private personByTitle(mention: string): Person | null {
    const stems = phraseStems(mention).filter((s) => s !== 'في');
    let best: { person: Person; score: number } | null = null;
    for (const person of [...this.people].reverse()) {
      if (!person.titleStems.length) continue;
      const shared = stems.filter((s) => person.titleStems.includes(s)).length;
      const score = shared / stems.length;
      if (score >= 0.6 && (!best || score > best.score)) best = { person, score };
    }
    return best?.person ?? null;
  }

  /** «نفس المصدر», «ما ورد في بيان للقيادة…», «إحصائيات السلطات»: who the source names, if anyone. */
  sourceSpeaker(source: string): ExtractedSpeaker | null {
    const words = source
      .replace(/^\s*(?:ما\s+)?(?:ورد|جاء|أفاد|أورد)\S*\s*/u, '')
      .replace(/^[\s،,]*(?:(?:أمس|اليوم)[\s،,]+)?(?:في|عن)\s+/u, '')
      .trim();
    // A source names a body, never a person to create: institutions only.
    return this.resolveMention(words, null, false) ?? this.institutionOnly(words);
  }

  /** «جهاز الأمن الداخلي» for «الجهاز»: the first institution the text names with this head noun. */
  private institutionNamedBefore(head: string): ExtractedSpeaker | null {
    const definite = (w: number) => w > 0 && w < this.text.tokens.length && /^(?:ال|لل)/u.test(this.text.tokens[w].norm);
    const bare = head.slice(2);
    // «جهاز الأمن الداخلي» and «المديرية العامة للأمن الوطني» alike.
    const at = this.text.tokens.findIndex(
      (t) => t.norm === bare || t.norm === `و${bare}` || t.norm === `و${head}` || (t.norm === head && definite(this.text.tokens.indexOf(t) + 1)),
    );
    if (at < 0) return null;
    // The head and its genitive chain: «جهاز الأمن الداخلي», «جهاز حرس السواحل», not the «تفكيك» after.
    let end = at;
    while (end - at < 5) {
      if (definite(end + 1)) end += 1;
      else if (definite(end + 2)) end += 2;
      else break;
    }
    const phrase = this.body
      .slice(this.text.startOf(at), this.text.endOf(end))
      .split(/[،,؛;.\n]/u)[0]
      .replace(/^و/u, '');
    const org = this.organisationIn(phrase);
    return org ? { organisation: org } : this.institutionOnly(phrase);
  }

  /** The organisation or institution that the words before a relative pronoun end with. */
  private antecedent(before: string): ExtractedSpeaker | null {
    const words = before
      .replace(/[\s،,]+$/u, '')
      .split(/\s+/)
      .slice(-6);
    for (let i = 0; i < words.length; i++) {
      const phrase = words.slice(i).join(' ');
      const org = this.organisationIn(phrase);
      if (org) return { organisation: org };
      const institution = this.institutionOnly(phrase);
      if (institution) return institution;
    }
    return null;
  }

  private institutionOnly(mention: string): ExtractedSpeaker | null {
    const institution = institutionName(
      mention
        .trim()
        .split(/\s+/)
        .filter((w) => /[\p{L}\p{N}]/u.test(w)),
    );
    return institution ? { institution } : null;
  }

  /**
   * A participle's speaker («مبرزا أن»): who spoke before in its sentence; else the sentence's
   * subject («وقام فلان، رئيس…، بتبسيط … مبرزا أن»), the words after its first up to a comma.
   */
  chainedSpeaker(sentenceFrom: number, participle: number): ExtractedSpeaker | null {
    if (this.lastQuoteEnd >= sentenceFrom) return this.lastSpeaker;
    const first = this.text.wordAt(sentenceFrom);
    const subject = this.body.slice(this.text.endOf(first), this.text.startOf(participle)).split(/[،,]/u)[0];
    // «وأكدت وزارة الداخلية في بيان لها، عزمها … مشددة على أن»: a body as the subject speaks.
    const words = cutAside(subject.trim());
    return (words && (this.resolveMention(words, null, false) ?? this.institutionOnly(words))) || this.lastSpeaker;
  }
}

// What follows a separator: a title (up to the next one), or a name between two separators.
const TITLE_AFTER = /\s*([^،,؛;.!?؟\n:“”«»"]{3,120})/uy;
const NAME_BETWEEN = /\s*([^،,؛;.!?؟\n:“”«»"]{3,60})[،,؛;]/uy;

/** A sticky pattern matched at `at`, without copying the rest of the text. */
function matchAt(pattern: RegExp, text: string, at: number): RegExpExecArray | null {
  pattern.lastIndex = at;
  return pattern.exec(text);
}

/** A title as printed, without the «وهو» that introduces it. */
const cleanTitle = (title: string) => cutAside(title.trim().replace(/^(?:وهو|وهي|هو|هي)\s+/u, ''));

/** First words of compound given names: «عبد المهدي», «أبو بكر». */
const COMPOUND_FIRST = new Set(['عبد', 'ابو', 'بن', 'ابن'].map(normalizeArabic));

/** Words of time that follow a name: «قال فلان الثلاثاء إن». */
const TIME_WORDS = new Set(
  ['اليوم', 'أمس', 'الأحد', 'الاثنين', 'الإثنين', 'الثلاثاء', 'الأربعاء', 'الخميس', 'الجمعة', 'السبت', 'صباح', 'مساء', 'الآن', 'سابقا', 'مؤخرا'].map(normalizeArabic),
);

/**
 * Where a person's name starts in a mention («الناطق باسم الحرس الوطني حسام الدين الجبابلي»): the
 * whole mention when it is a name; else the first word without the article from which two to four
 * words make a name; -1 for none.
 */
const isTitleWord = (w: string) => TITLE_WORDS.has(w) || ROLE_NOUNS.has(w) || TITLE_WORDS.has(lightStem(w));

function nameStart(words: string[]): number {
  if (!isTitleWord(words[0]) && looksLikeName(words) && words.length <= 4) return 0;
  // The fewest words: a title's last words are no name («الخبير في أمن المعلومات رائد سمور»);
  // the name's first words, if any, come back through fullName.
  for (let i = words.length - 2; i >= 1 && words.length - i <= 4; i--) {
    if (!words[i].startsWith('ال') && !isTitleWord(words[i]) && looksLikeName(words.slice(i))) return i;
  }
  return -1;
}

/** Words left between a fronted subject and its verb: «أما فلان، …، فقد اعتبر». */
const LINKERS = new Set(['فقد', 'ف', 'فان', 'قد', 'فيما', 'كما']);

const RELATIVES = new Set(['التي', 'الذي', 'الذين'].map(normalizeArabic));

/** The name «علي» where the gate reads it, as no search-form word can be. */
const ALI = 'علي\u0651';

/** «العلوي في حوار مع جريدة …»: an aside glued to the name without commas is cut off. */
const ASIDE_INSIDE = new RegExp(` (?:${ASIDE_STARTS.join('|')})`, 'u');

function cutAside(segment: string): string {
  const norm = normalizeArabic(segment);
  const at = norm.search(ASIDE_INSIDE);
  // The search form drops only marks, so a word count maps positions back to the printed text.
  return at > 0 ? segment.split(/\s+/).slice(0, norm.slice(0, at).split(/\s+/).length).join(' ') : segment;
}

/** «الإسبانية», «الأمني»: an adjective of origin or field, which describes a name but is not part of it. */
function isNisba(word: string): boolean {
  return /^ال\S{2,}(ي|يه)$/u.test(word);
}

/** «والي أمن طنجة، محمد الوردي»: when the first part is a title and the second a name, swap them. */
function nameFirst(parts: string[]): string[] {
  if (parts.length < 2) return parts;
  const isTitle = (s: string) => {
    const word = normalizeArabic(s).split(/\s+/)[0] ?? '';
    return [word, lightStem(word)].some((w) => TITLE_WORDS.has(w) || ROLE_NOUNS.has(w) || ROLE_NOUNS.has(`ال${w}`));
  };
  return isTitle(parts[0]) && !isTitle(parts[1]) && parts[1].split(/\s+/).length <= 5 ? [parts[1], parts[0], ...parts.slice(2)] : parts;
}
