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
  @Field(() => String, { description: 'A stable handle, e.g. cybersecurity; what topic filters take.' })
  slug!: string;

  @Field(() => String, { description: "The topic's name in Arabic." })
  name!: string;

  // Nullable as Organisation.nameEn is: one field, one type, on every Node.
  @Field(() => String, { nullable: true, description: "The topic's name in English (never null for a topic; nullable as Organisation.nameEn is)." })
  nameEn!: string;
}

registerNodeType('Topic', Topic);

/** A row of the topics table, tagged for graphql-js (see tag). */
export type TopicEntity = Tagged<TopicRow, 'Topic'>;
