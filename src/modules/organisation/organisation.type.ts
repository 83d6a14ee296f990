import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { SqlTable } from '../../graphql/compiled/projection';
import { ORGANISATION_KINDS, organisations, type OrganisationKind, type OrganisationRow } from '../../db/schema';
import { Node, registerNodeType, type Tagged } from '../../graphql/node';
import { ConnectionType } from '../../graphql/relay';

export const OrganisationKindEnum = Object.fromEntries(ORGANISATION_KINDS.map((k) => [k, k])) as {
  [K in OrganisationKind]: K;
};
registerEnumType(OrganisationKindEnum, { name: 'OrganisationKind', description: 'What sort of body an organisation is.' });

@SqlTable(organisations)
@ObjectType({ implements: Node, description: 'A police force, agency, international body, government or outlet.' })
export class Organisation {
  @Field(() => String)
  slug!: string;

  @Field(() => String, { description: 'Name in Arabic, as the press prints it.' })
  name!: string;

  @Field(() => String, { nullable: true })
  nameEn!: string | null;

  @Field(() => String, { nullable: true })
  acronym!: string | null;

  @Field(() => OrganisationKindEnum)
  kind!: OrganisationKind;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2 country code; null for international bodies.' })
  country!: string | null;
}

export const OrganisationConnection = ConnectionType('Organisation', Organisation);

registerNodeType('Organisation', Organisation);

/** A row of the organisations table, tagged for graphql-js (see tag). */
export type OrganisationEntity = Tagged<OrganisationRow, 'Organisation'>;
