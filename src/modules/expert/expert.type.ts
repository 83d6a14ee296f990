import { Field, ObjectType } from 'type-graphql';
import { Node, registerNodeType, type Tagged } from '../../graphql/node';
import { ConnectionType } from '../../graphql/relay';
import { experts, type ExpertRow } from '../../db/schema';
import { SqlTable } from '../../graphql/compiled/projection';

@SqlTable(experts)
@ObjectType({ implements: Node, description: 'A person the press names: an analyst, an official, quoted or only mentioned.' })
export class Expert {
  @Field(() => String, { description: 'A stable handle, made from the name; what expert filters take.' })
  slug!: string;

  @Field(() => String, { description: 'The name as printed in Arabic.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'The name in Latin script.' })
  nameLatin!: string | null;

  @Field(() => String, { nullable: true, description: 'The role as printed after the name, e.g. «باحث في الشؤون الاستراتيجية»; null when the press gave none.' })
  role!: string | null;
}

export const ExpertConnection = ConnectionType('Expert', Expert);

registerNodeType('Expert', Expert);

/** A row of the experts table, tagged for graphql-js (see tag). */
export type ExpertEntity = Tagged<ExpertRow, 'Expert'>;
