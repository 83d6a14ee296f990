import type { AnalysedText, GazetteerMatch } from './gazetteer';
import { STATEMENT_LEADS, STATEMENT_NOUNS } from './lexicon';
import { verbAt } from './reported';

/**
 * Official statements reported without quote marks, found by their organisation in the catalogue:
 * «وفق بيان صادر عن ORG، …», «جاء في بلاغ لـORG أن …», «أفادت ORG، في بلاغ لها، أن …». Reported
 * speech with a verb («ذكر بيان لـORG أن …») is reported.ts's.
 */
export interface OrganisationStatement {
  start: number;
  end: number;
  verb: string;
  organisation: string;
}

const SENTENCE_END = /[.!?؟\n]/;

export function stripConjunction(norm: string): string {
  return norm.length > 3 && (norm.startsWith('و') || norm.startsWith('ف')) ? norm.slice(1) : norm;
}

/** For a statement noun (بيان، بلاغ), the word that introduces it («وفق», «جاء في»), or null. */
export function statementLead(text: AnalysedText, noun: number): number | null {
  if (!STATEMENT_NOUNS.has(text.tokens[noun].norm)) return null;
  return [noun - 1, noun - 2].find((k) => k >= 0 && STATEMENT_LEADS.has(stripConjunction(text.tokens[k].norm))) ?? null;
}

/** Printed text starting at word `w`, without a leading conjunction glued to that word. */
export function withoutConjunction(text: AnalysedText, w: number, printed: string): string {
  const norm = text.tokens[w].norm;
  return stripConjunction(norm) === norm ? printed : printed.slice(1);
}

export function findOrganisationStatements(text: AnalysedText, orgMatches: GazetteerMatch<string>[]): OrganisationStatement[] {
  const body = text.original;
  const found: OrganisationStatement[] = [];
  for (let w = 1; w < text.tokens.length; w++) {
    if (!STATEMENT_NOUNS.has(text.tokens[w].norm)) continue;
    // «وفق بيان صادر عن ORG، …», «جاء في بلاغ لـORG أن …»
    const leadWord = statementLead(text, w);
    if (leadWord === null || verbAt(text, leadWord)) continue;
    const org = orgMatches.find((m) => m.firstWord > w && m.firstWord <= w + 3);
    if (!org) continue;
    const statement = statementClause(text, org.end);
    if (!statement) continue;
    // The verb as printed, without the conjunction: «ووفق بيان صادر عن» → «وفق بيان صادر عن».
    const printed = body.slice(text.startOf(leadWord), text.startOf(org.firstWord)).trim();
    found.push({ ...statement, verb: withoutConjunction(text, leadWord, printed), organisation: org.value });
  }
  return [...found, ...organisationFirst(text, orgMatches)];
}

/** «أفادت المديرية العامة …، في بلاغ لها، أن …»: a verb, the organisation, then the statement. */
function organisationFirst(text: AnalysedText, orgMatches: GazetteerMatch<string>[]): OrganisationStatement[] {
  const body = text.original;
  const found: OrganisationStatement[] = [];
  for (const org of orgMatches) {
    const verbWord = org.firstWord - 1;
    if (verbWord < 0 || !verbAt(text, verbWord)) continue;
    const aside = body.slice(org.end).match(/^\s*[،,]\s*(?:في|ضمن)\s+(?:بلاغ|بيان)[^،,.]{0,20}[،,]\s*(?:أن|بأن)\s+/u);
    if (!aside) continue;
    const clause = clauseFrom(text, org.end + aside[0].length);
    if (!clause) continue;
    const printed = body.slice(text.startOf(verbWord), text.endOf(verbWord));
    found.push({ ...clause, verb: withoutConjunction(text, verbWord, printed), organisation: org.value });
  }
  return found;
}

/** The reported clause after an organisation: «، CLAUSE.» or «… أن CLAUSE.». */
function statementClause(text: AnalysedText, after: number): { start: number; end: number } | null {
  const rest = text.original.slice(after);
  const lead = rest.match(/^\s*(?:[،,]\s*(?:(?:في|ضمن)[^،,.]{0,40}[،,]\s*)?|(?:\s*(?:في بلاغ|في بيان)[^،,.]{0,20}[،,]?\s*)?أن\s+)/u);
  if (!lead) return null;
  return clauseFrom(text, after + lead[0].length);
}

/** From `start` to the end of its sentence, if that makes a clause of four words or more. */
function clauseFrom(text: AnalysedText, start: number): { start: number; end: number } | null {
  const body = text.original;
  const endRel = body.slice(start).search(SENTENCE_END);
  let end = endRel < 0 ? body.length : start + endRel;
  while (end > start && /[\s،,؛;]/.test(body[end - 1])) end--;
  const words = text.wordAt(end) - text.wordAt(start);
  return words >= 4 ? { start, end } : null;
}
