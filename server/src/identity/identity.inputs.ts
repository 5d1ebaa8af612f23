import { ArrayMaxSize, ArrayMinSize, IsEmail, IsOptional, Length, MaxLength } from 'class-validator';
import { ArgsType, Field, InputType, Int } from 'type-graphql';
import { DateTimeScalar } from '../adoption/adoption.scalars.js';
import { ApiScopeName, RoleName } from './identity.types.js';

@InputType({ description: 'One grant of a token: exactly one of the two.' })
export class ApiTokenGrantInput {
  @Field(() => String, { nullable: true, description: 'CBS code of a municipality you are EDITOR of.' })
  municipalityCode?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Slug of an organisation you are COOPERATION_EDITOR or SUPPLIER of.',
  })
  organisationSlug?: string | null;
}

@InputType({ description: 'A new API token.' })
export class CreateApiTokenInput {
  @Field(() => String, { description: 'A name to recognise the token by, e.g. the system that uses it.' })
  @Length(1, 100)
  name: string;

  @Field(() => [ApiScopeName], { description: 'What the token may do.' })
  @ArrayMinSize(1)
  @ArrayMaxSize(3)
  scopes: ApiScopeName[];

  @Field(() => [ApiTokenGrantInput], {
    nullable: true,
    description: 'Where write scopes apply; required for a write scope, within your own roles.',
  })
  @IsOptional()
  @ArrayMaxSize(100)
  grants?: ApiTokenGrantInput[] | null;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'When the token stops working (at most a year ahead); null: in a year.',
  })
  @IsOptional()
  expiresAt?: string | null;
}

@InputType({ description: 'A new user account.' })
export class CreateUserInput {
  @Field(() => String, { description: 'E-mail address; stored in lower case, unique.' })
  @IsEmail()
  @MaxLength(254)
  email: string;

  @Field(() => String, { description: 'Display name.' })
  @Length(1, 200)
  displayName: string;

  @Field(() => String, {
    nullable: true,
    description: 'Initial password (at least 12 characters); omit for an OIDC-only account.',
  })
  @IsOptional()
  password?: string | null;
}

@InputType({ description: 'A role to grant or revoke.' })
export class RoleInput {
  @Field(() => String, { description: 'Id of the user.' })
  userId: string;

  @Field(() => RoleName, { description: 'The role.' })
  role: RoleName;

  @Field(() => String, { nullable: true, description: 'For EDITOR: the municipality (CBS code).' })
  municipalityCode?: string | null;

  @Field(() => String, { nullable: true, description: 'For COOPERATION_EDITOR and SUPPLIER: the organisation (slug).' })
  organisationSlug?: string | null;
}

@InputType({ description: 'Conditions the users must meet; all given conditions apply.' })
export class UserFilter {
  @Field(() => String, {
    nullable: true,
    description: 'Only users whose display name or e-mail address contains this text (case-insensitive).',
  })
  search?: string | null;

  @Field(() => [RoleName], { nullable: true, description: 'Only users holding at least one of these roles.' })
  @IsOptional()
  @ArrayMaxSize(5)
  role?: RoleName[] | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Only active users (true) or only deactivated ones (false); omit for both.',
  })
  active?: boolean | null;
}

@ArgsType()
export class UsersArgs {
  @Field(() => Int, { nullable: true, description: 'Page size, 0–100 (default 25).' })
  first?: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'Return the nodes after this cursor (from `pageInfo.endCursor`).',
  })
  after?: string | null;

  @Field(() => UserFilter, { nullable: true, description: 'Conditions the users must meet.' })
  filter?: UserFilter | null;
}
