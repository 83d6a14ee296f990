import { ArrayMaxSize, IsISO31661Alpha2 } from 'class-validator';
import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { CuratedText, IsSlug } from '../../graphql/validation';
import type { OrganisationKind } from '../../db/schema';
import { OrganisationKindEnum } from './organisation.type';

@InputType({ description: 'Narrows a list of organisations: every field given must hold.' })
export class OrganisationFilter {
  @Field(() => OrganisationKindEnum, { nullable: true, description: 'Only organisations of this category.' })
  category?: OrganisationKind | null;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2 code, e.g. MA.' })
  country?: string | null;

  @Field(() => String, { nullable: true, description: 'Part of the name, English name, acronym or an alias.' })
  search?: string | null;
}

/** The fields an organisation is created with and changed by alike; not a schema type of its own. */
@InputType('OrganisationFields')
abstract class OrganisationFields {
  @Field(() => String, { nullable: true, description: 'The name in English.' })
  @CuratedText(300)
  nameEn?: string | null;

  @Field(() => String, { nullable: true, description: 'The acronym the press uses, e.g. DGSN.' })
  @CuratedText(30)
  acronym?: string | null;

  @Field(() => OrganisationKindEnum, { nullable: true, description: 'What sort of body it is; OTHER when an organisation is created without one.' })
  category?: OrganisationKind | null;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2, e.g. MA.' })
  @IsISO31661Alpha2({ message: 'must be an ISO 3166-1 alpha-2 country code such as MA' })
  country?: string | null;
}

@InputType({ description: 'A new organisation for the catalogue.' })
export class CreateOrganisationInput extends OrganisationFields {
  @Field(() => String, { description: "The new organisation's handle: lower case, digits and hyphens." })
  @IsSlug()
  slug!: string;

  @Field(() => String, { description: 'The name in Arabic, as the press prints it.' })
  @CuratedText(300)
  name!: string;

  @Field(() => [String], { nullable: true, description: 'Names the press uses for it: الإنتربول, Interpol…' })
  @ArrayMaxSize(100)
  @CuratedText(200, { each: true })
  aliases?: string[] | null;
}

@InputType({ description: 'Changes to an organisation: only the fields given change.' })
export class UpdateOrganisationInput extends OrganisationFields {
  @Field(() => ID, { description: 'The organisation to change (its id).' })
  id!: string;

  @Field(() => String, { nullable: true, description: 'A new handle; left out, it stays.' })
  @IsSlug()
  slug?: string | null;

  @Field(() => String, { nullable: true, description: 'A new Arabic name; left out, it stays.' })
  @CuratedText(300)
  name?: string | null;
}

@ArgsType()
export class AliasArgs {
  @Field(() => ID, { description: 'The organisation (its id or slug).' })
  organisationId!: string;

  @Field(() => String, { description: 'The name as the press prints it, e.g. الإنتربول.' })
  @CuratedText(200)
  alias!: string;
}
