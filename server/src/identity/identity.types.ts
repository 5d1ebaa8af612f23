import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateTimeScalar } from '../adoption/adoption.scalars.js';
import { connectionTypes } from '../pagination.js';

export enum RoleName {
  ADMIN = 'ADMIN',
  EDITOR = 'EDITOR',
  COOPERATION_EDITOR = 'COOPERATION_EDITOR',
  SUPPLIER = 'SUPPLIER',
  VIEWER = 'VIEWER',
}
registerEnumType(RoleName, {
  name: 'Role',
  description:
    'What a user may do. EDITOR is for one municipality; COOPERATION_EDITOR and SUPPLIER for one organisation.',
  valuesConfig: {
    ADMIN: { description: 'Administrator (VNG Realisatie): everything, including users; declarations are VERIFIED.' },
    EDITOR: { description: 'Municipal official: adoptions and compliance of one municipality (SELF_DECLARED).' },
    COOPERATION_EDITOR: {
      description:
        'Cooperation official: adoptions and compliance of the cooperation’s members (COOPERATION_DECLARED).',
    },
    SUPPLIER: {
      description: 'Supplier or maintainer: its solutions in the catalogue and their adoptions (SUPPLIER_DECLARED).',
    },
    VIEWER: { description: 'Signed in, reads only; may hold API tokens with READ scope and webhooks.' },
  },
});

export enum ApiScopeName {
  READ = 'READ',
  WRITE_ADOPTIONS = 'WRITE_ADOPTIONS',
  WRITE_COMPLIANCE = 'WRITE_COMPLIANCE',
}
registerEnumType(ApiScopeName, {
  name: 'ApiScope',
  description: 'What an API token may do. Write scopes act only within the token’s grants.',
  valuesConfig: {
    READ: {
      description: 'Read the holder’s own account data (`me`, `myApiTokens`); public data needs no token at all.',
    },
    WRITE_ADOPTIONS: { description: 'Record and confirm adoptions (also by CSV) within the grants.' },
    WRITE_COMPLIANCE: { description: 'Declare and confirm standard compliance within the grants.' },
  },
});

@ObjectType({ description: 'One role of a user, with the municipality or organisation it applies to.' })
export class UserRoleGrant {
  @Field(() => ID, { description: 'Stable identifier of the role grant.' })
  id: string;

  @Field(() => RoleName, { description: 'The role.' })
  role: RoleName;

  @Field(() => String, { nullable: true, description: 'CBS code of the municipality, for EDITOR.' })
  municipalityCode: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Slug of the organisation, for COOPERATION_EDITOR and SUPPLIER.',
  })
  organisationSlug: string | null;
}

@ObjectType({
  description:
    'A person with an account. Name, e-mail and roles are personal data: only the user and administrators see them.',
})
export class User {
  @Field(() => ID, { description: 'Stable identifier of the user.' })
  id: string;

  @Field(() => String, { description: 'E-mail address (lower case); personal data.' })
  email: string;

  @Field(() => String, { description: 'Display name; personal data.' })
  displayName: string;

  @Field(() => Boolean, {
    description: 'False once an administrator deactivated the account: it can no longer sign in or use tokens.',
  })
  isActive: boolean;

  @Field(() => DateTimeScalar, { description: 'When the account was created; personal data.' })
  createdAt: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Last sign-in; personal data.' })
  lastLoginAt: Date | null;

  @Field(() => [UserRoleGrant], { description: 'The user’s roles; personal data.' })
  roles: UserRoleGrant[];

  @Field(() => Int, { description: 'Record version, incremented by every change (optimistic concurrency).' })
  version: number;
}

export const { Connection: UserConnection, Edge: UserEdge } = connectionTypes(
  User,
  'User',
  'A page of users, ordered by e-mail address (administrators only: every field is personal data).',
);
export type UserConnection = InstanceType<typeof UserConnection>;

@ObjectType({ description: 'What a write-scoped token may write for: one municipality or one organisation.' })
export class ApiTokenGrantInfo {
  @Field(() => String, { nullable: true, description: 'CBS code of a municipality the token may write for.' })
  municipalityCode: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Slug of a cooperation (its members) or supplier (its solutions) the token may write for.',
  })
  organisationSlug: string | null;
}

@ObjectType('ApiToken', {
  description: 'An integrator token. The secret is shown once, at creation; the atlas keeps only its SHA-256.',
})
export class ApiTokenInfo {
  @Field(() => ID, { description: 'Stable identifier of the token.' })
  id: string;

  @Field(() => String, { description: 'The holder’s name for the token.' })
  name: string;

  @Field(() => String, { description: 'The token’s visible prefix: a token reads `atlas_<prefix>_<secret>`.' })
  prefix: string;

  @Field(() => [ApiScopeName], { description: 'What the token may do.' })
  scopes: ApiScopeName[];

  @Field(() => [ApiTokenGrantInfo], { description: 'Where its write scopes apply.' })
  grants: ApiTokenGrantInfo[];

  @Field(() => DateTimeScalar, { description: 'When it was created.' })
  createdAt: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When it stops working; null: never.' })
  expiresAt: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When it was revoked; null while valid.' })
  revokedAt: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Last use, recorded at most once a minute.' })
  lastUsedAt: Date | null;
}

@ObjectType({ description: 'A new API token with its secret: store the secret now, it is never shown again.' })
export class CreatedApiToken {
  @Field(() => ApiTokenInfo, { description: 'The token’s details.' })
  token: ApiTokenInfo;

  @Field(() => String, {
    description: 'The secret, `atlas_<prefix>_<secret>`: send it as `Authorization: Bearer <secret>`.',
  })
  secret: string;
}
