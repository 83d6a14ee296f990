import { Field, ObjectType } from 'type-graphql';
import { Node, registerNodeType } from '../../graphql/node';

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
