import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { QUOTE_KINDS, QUOTE_ORIGINS, quotes, type QuoteKind, type QuoteOrigin, type QuoteRow } from '../../db/schema';
import { SqlTable } from '../../graphql/compiled/projection';
import { Node, registerNodeType, type Tagged } from '../../graphql/node';
import { ConnectionType } from '../../graphql/relay';

export const QuoteKindEnum = Object.fromEntries(QUOTE_KINDS.map((k) => [k, k])) as { [K in QuoteKind]: K };
registerEnumType(QuoteKindEnum, {
  name: 'QuoteKind',
  valuesConfig: { DIRECT: { description: 'Words in quote marks, as printed.' }, INDIRECT: { description: 'Reported speech: what someone or a statement said, without marks.' } },
  description: 'DIRECT: words in quote marks. INDIRECT: reported speech, e.g. what a statement said.',
});

export const QuoteOriginEnum = Object.fromEntries(QUOTE_ORIGINS.map((k) => [k, k])) as { [K in QuoteOrigin]: K };
registerEnumType(QuoteOriginEnum, {
  name: 'QuoteOrigin',
  valuesConfig: {
    EXTRACTED: { description: 'Read by the extractor; read again by npm run reextract.' },
    CURATED: { description: 'Annotated or edited by a curator; kept as it is.' },
  },
  description:
    'Where the quote comes from. EXTRACTED: read by the extractor, and read again by `npm run reextract`. CURATED: annotated or edited by a curator (updateQuote, mergeExperts), kept as it is.',
});

@SqlTable(quotes)
@ObjectType({ implements: Node, description: 'Words attributed to a speaker in an article.' })
export class Quote {
  @Field(() => String, {
    nullable: true,
    description:
      'The words the speaker was read from, as printed («المسؤول الأمني», «وزارة الهجرة»). Where they name no one the catalogue or the name gate accepts, speaker is null and these words are what a curator has to fix it.',
  })
  attribution!: string | null;

  @Field(() => QuoteOriginEnum, { description: 'Whether the extractor read the quote or a curator made or edited it.' })
  origin!: QuoteOrigin;

  @Field(() => String, { description: 'Exactly as in the article, without quote marks: article.body.slice(start, end).' })
  text!: string;

  @Field(() => QuoteKindEnum, { description: 'DIRECT for words in quote marks, INDIRECT for reported speech.' })
  kind!: QuoteKind;

  @Field(() => String, { nullable: true, description: 'The attribution verb as printed: قال، أضاف، أوضح…' })
  verb!: string | null;

  @Field(() => Int, { description: 'Offset of the first character in article.body (JavaScript string index).' })
  start!: number;

  @Field(() => Int, { description: 'Offset just past the last character in article.body.' })
  end!: number;

  @Field(() => Int, { description: '1 for the first quote of the article, 2 for the next…' })
  position!: number;
}

export const QuoteConnection = ConnectionType('Quote', Quote);

registerNodeType('Quote', Quote);

/** A row of the quotes table, tagged for graphql-js (see tag). */
export type QuoteEntity = Tagged<QuoteRow, 'Quote'>;
