import { Field, ObjectType } from 'type-graphql';
import { Node, registerNodeType } from '../../graphql/node';
import { ConnectionType } from '../../graphql/relay';

@ObjectType({ implements: Node, description: 'A person the press names: an analyst, an official, quoted or only mentioned.' })
export class Expert {
  @Field(() => String)
  slug!: string;

  @Field(() => String, { description: 'The name as printed in Arabic.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'The name in Latin script.' })
  nameLatin!: string | null;

  @Field(() => String, { nullable: true, description: 'The title as printed, e.g. «باحث في الشؤون الاستراتيجية».' })
  title!: string | null;
}

export const ExpertConnection = ConnectionType('Expert', Expert);

registerNodeType('Expert', Expert);
