import { Field, ObjectType } from 'type-graphql';
import { topics, type TopicRow } from '../../db/schema';
import { SqlTable } from '../../graphql/compiled/projection';
import { Node, registerNodeType, type Tagged } from '../../graphql/node';

@SqlTable(topics)
@ObjectType({
  implements: Node,
  description: 'A subject in a tree: filtering by a topic also matches its descendants (cybersecurity covers cybercrime).',
})
export class Topic {
  @Field(() => String)
  slug!: string;

  @Field(() => String)
  labelAr!: string;

  @Field(() => String)
  labelEn!: string;
}

registerNodeType('Topic', Topic);

/** A row of the topics table, tagged for graphql-js (see tag). */
export type TopicEntity = Tagged<TopicRow, 'Topic'>;
