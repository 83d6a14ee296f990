import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { SqlTable } from '../../graphql/compiled/projection';
import { ORGANISATION_KINDS, organisations, type OrganisationKind, type OrganisationRow } from '../../db/schema';
import { Node, registerNodeType, type Tagged } from '../../graphql/node';
import { ConnectionType } from '../../graphql/relay';

export const OrganisationKindEnum = Object.fromEntries(ORGANISATION_KINDS.map((k) => [k, k])) as {
  [K in OrganisationKind]: K;
};
registerEnumType(OrganisationKindEnum, {
  name: 'OrganisationCategory',
  description: 'What sort of body an organisation is.',
  valuesConfig: {
    POLICE: { description: 'A police force or gendarmerie.' },
    INTELLIGENCE: { description: 'An intelligence or counter-intelligence service.' },
    INTERNATIONAL_BODY: { description: 'An international organisation or agency (Interpol, Europol, the UN…).' },
    GOVERNMENT: { description: 'A ministry, a government or a public authority.' },
    MEDIA_OUTLET: { description: 'A newspaper, site, channel or agency that publishes the press.' },
    ACADEMIC: { description: 'A university, institute or research centre.' },
    NGO: { description: 'A non-governmental organisation or association.' },
    ARMED_GROUP: { description: 'An armed or terrorist group.' },
    OTHER: { description: 'Anything else, and bodies ingest added that a curator has yet to classify.' },
  },
});

@SqlTable(organisations)
@ObjectType({ implements: Node, description: 'A police force, agency, international body, government or outlet.' })
export class Organisation {
  @Field(() => String, { description: 'A stable handle, e.g. dgsn; what organisation filters take.' })
  slug!: string;

  @Field(() => String, { description: 'Name in Arabic, as the press prints it.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'The name in English, where it has one.' })
  nameEn!: string | null;

  @Field(() => String, { nullable: true, description: 'The acronym the press uses, e.g. DGSN; null when there is none.' })
  acronym!: string | null;

  @Field(() => OrganisationKindEnum, { description: 'What sort of body it is (a quote has a kind: DIRECT or INDIRECT).' })
  category!: OrganisationKind;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2 country code; null for international bodies.' })
  country!: string | null;
}

export const OrganisationConnection = ConnectionType('Organisation', Organisation);

registerNodeType('Organisation', Organisation);

/** A row of the organisations table, tagged for graphql-js (see tag). */
export type OrganisationEntity = Tagged<OrganisationRow, 'Organisation'>;
