import { Field, Int, ObjectType } from 'type-graphql';
import type { QuoteKind } from '../../db/schema';
import { Expert } from '../expert/expert.type';
import { Organisation } from '../organisation/organisation.type';
import { QuoteKindEnum } from '../quote/quote.type';
import { Topic } from '../topic/topic.type';
import { Bounded } from '../../graphql/list-bound';

@ObjectType({ description: 'Who the extractor says spoke: a person (known or new) or an organisation.' })
export class ExtractedSpeaker {
  @Field(() => String, { description: 'The name as printed, or the organisation’s name.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'A person’s role, from the apposition (Expert.role).' })
  role!: string | null;

  @Field(() => Expert, { nullable: true, description: 'The expert already in the graph, if any.' })
  expert!: object | null;

  @Field(() => Organisation, { nullable: true, description: 'The organisation, when an organisation spoke (a statement).' })
  organisation!: object | null;
}

@ObjectType({ description: 'A quote as the extractor found it, before anything is saved.' })
export class ExtractedQuote {
  @Field(() => String, { description: 'The words said, exactly as in the body: body.slice(start, end).' })
  text!: string;

  @Field(() => Int, { description: 'Offset of the first character in body.' })
  start!: number;

  @Field(() => Int, { description: 'Offset just past the last character in body.' })
  end!: number;

  @Field(() => Int, { description: '1 for the first quote, 2 for the next…' })
  position!: number;

  @Field(() => QuoteKindEnum, { description: 'DIRECT for words in quote marks, INDIRECT for reported speech.' })
  kind!: QuoteKind;

  @Field(() => String, { nullable: true, description: 'The words the speaker was read from, as printed.' })
  attribution!: string | null;

  @Field(() => String, { nullable: true, description: 'The attribution verb as printed: قال، أضاف، أوضح…' })
  verb!: string | null;

  @Field(() => ExtractedSpeaker, { nullable: true, description: 'Who said it, as the extractor reads it; null when it names no one.' })
  speaker!: ExtractedSpeaker | null;

  @Field(() => [Topic], { description: 'At most 30.' })
  @Bounded(30)
  topics!: object[];

  @Field(() => [Organisation], { description: 'At most 50.' })
  @Bounded(50)
  organisations!: object[];
}

@ObjectType({ description: 'What ingestArticle would save, for a preview.' })
export class ExtractionPreview {
  @Field(() => String, { description: 'The headline, trimmed and in Unicode NFC.' })
  title!: string;

  @Field(() => String, { description: 'The text as it would be stored (NFC, trimmed): the offsets index into it.' })
  body!: string;

  @Field(() => String, { description: 'The first paragraph.' })
  lede!: string;

  @Field(() => String, { description: 'BCP 47 language tag, e.g. ar.' })
  language!: string;

  @Field(() => Organisation, { nullable: true, description: 'The outlet the input named, if the catalogue knows it.' })
  source!: object | null;

  @Field(() => [ExtractedQuote], { description: 'The first 500 quotes.' })
  @Bounded(500)
  quotes!: ExtractedQuote[];

  @Field(() => [ExtractedSpeaker], { description: 'Every person the article names (the first 200).' })
  @Bounded(200)
  people!: ExtractedSpeaker[];

  @Field(() => [Organisation], { description: 'At most 100.' })
  @Bounded(100)
  organisations!: object[];

  @Field(() => [Topic], { description: 'At most 50.' })
  @Bounded(50)
  topics!: object[];
}
