import { ArrayMaxSize, IsISO31661Alpha2, Length, Matches } from 'class-validator';
import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { IsNfc, IsTrimmed, NoBidiControls, NotBlank, SLUG_PATTERN } from '../../graphql/validation';
import type { OrganisationKind } from '../../db/schema';
import { OrganisationKindEnum } from './organisation.type';

@InputType()
export class OrganisationFilter {
  @Field(() => OrganisationKindEnum, { nullable: true })
  kind?: OrganisationKind | null;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2 code, e.g. MA.' })
  country?: string | null;

  @Field(() => String, { nullable: true, description: 'Part of the name, English name, acronym or an alias.' })
  search?: string | null;
}

const SLUG_MESSAGE = 'must be lowercase latin letters, digits and single hyphens, e.g. "dgsn"';

@InputType()
export class CreateOrganisationInput {
  @Field(() => String)
  @Length(1, 80)
  @Matches(SLUG_PATTERN, { message: SLUG_MESSAGE })
  slug!: string;

  @Field(() => String, { description: 'The name in Arabic, as the press prints it.' })
  @Length(1, 300)
  @NotBlank()
  @IsNfc()
  @IsTrimmed()
  @NoBidiControls()
  name!: string;

  @Field(() => String, { nullable: true })
  @Length(1, 300)
  @IsNfc()
  @IsTrimmed()
  @NoBidiControls()
  nameEn?: string | null;

  @Field(() => String, { nullable: true })
  @Length(1, 30)
  @IsNfc()
  @IsTrimmed()
  @NoBidiControls()
  acronym?: string | null;

  @Field(() => OrganisationKindEnum, { nullable: true, description: 'OTHER by default.' })
  kind?: OrganisationKind | null;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2, e.g. MA.' })
  @IsISO31661Alpha2({ message: 'must be an ISO 3166-1 alpha-2 country code such as MA' })
  country?: string | null;

  @Field(() => [String], { nullable: true, description: 'Names the press uses for it: الإنتربول, Interpol…' })
  @ArrayMaxSize(100)
  @Length(1, 200, { each: true })
  @IsNfc({ each: true })
  @IsTrimmed({ each: true })
  @NoBidiControls({ each: true })
  aliases?: string[] | null;
}

@InputType()
export class UpdateOrganisationInput {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { nullable: true })
  @Length(1, 80)
  @Matches(SLUG_PATTERN, { message: SLUG_MESSAGE })
  slug?: string | null;

  @Field(() => String, { nullable: true })
  @Length(1, 300)
  @NotBlank()
  @IsNfc()
  @IsTrimmed()
  @NoBidiControls()
  name?: string | null;

  @Field(() => String, { nullable: true })
  @Length(1, 300)
  @IsNfc()
  @IsTrimmed()
  @NoBidiControls()
  nameEn?: string | null;

  @Field(() => String, { nullable: true })
  @Length(1, 30)
  @IsNfc()
  @IsTrimmed()
  @NoBidiControls()
  acronym?: string | null;

  @Field(() => OrganisationKindEnum, { nullable: true })
  kind?: OrganisationKind | null;

  @Field(() => String, { nullable: true })
  @IsISO31661Alpha2({ message: 'must be an ISO 3166-1 alpha-2 country code such as MA' })
  country?: string | null;
}

@ArgsType()
export class AliasArgs {
  @Field(() => ID)
  organisationId!: string;

  @Field(() => String)
  @Length(1, 200)
  @NotBlank()
  @IsNfc()
  @IsTrimmed()
  @NoBidiControls()
  alias!: string;
}
