import { Arg, Args, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import { runWrite } from '../audit/write.js';
import type { Context } from '../context.js';
import { AppError, ErrorCode } from '../errors.js';
import type { Actor } from './actor.js';
import { pageSize, type Page } from '../pagination.js';
import { CreateApiTokenInput, CreateUserInput, RoleInput, UsersArgs } from './identity.inputs.js';
import { ApiTokenInfo, CreatedApiToken, User, UserConnection } from './identity.types.js';
import { login, logout } from './session.service.js';
import { createApiToken, listTokens, reviveCreatedToken, reviveToken, revokeApiToken } from './token.service.js';
import { deactivateUser, grantRole, insertUser, listUsers, loadUser, reviveUser, revokeRole } from './user.service.js';

/** The policy gate has let only signed-in users through; this narrows the type. */
function sessionUser(actor: Actor): Actor & { kind: 'user' } {
  if (actor.kind !== 'user') throw new AppError(ErrorCode.FORBIDDEN, 'Sign in with a session for this');
  return actor;
}

@Resolver()
export class IdentityResolver {
  @Query(() => User, {
    nullable: true,
    description: 'The signed-in user (session or token holder); null when anonymous.',
  })
  async me(@Ctx() ctx: Context): Promise<User | null> {
    if (ctx.actor.kind === 'anonymous') return null;
    return loadUser(ctx.pool, ctx.actor.userId);
  }

  @Query(() => [ApiTokenInfo], {
    description: 'Your API tokens, newest first, revoked ones included. Secrets are never shown again.',
  })
  async myApiTokens(@Ctx() ctx: Context): Promise<ApiTokenInfo[]> {
    if (ctx.actor.kind === 'anonymous') return [];
    return listTokens(ctx.pool, ctx.actor.userId);
  }

  @Query(() => UserConnection, {
    description:
      'Users, ordered by e-mail address, as a cursor connection, filtered by name or e-mail, role and whether active (administrators only).',
  })
  async users(@Args(() => UsersArgs) args: UsersArgs, @Ctx() ctx: Context): Promise<Page<User>> {
    return listUsers(ctx.pool, args.filter, pageSize(args.first), args.after);
  }

  @Mutation(() => User, {
    description:
      'Signs in with e-mail and password and sets the httpOnly `atlas_session` cookie. Failed attempts per e-mail and address are limited; wrong credentials give UNAUTHENTICATED.',
  })
  async login(
    @Arg('email', () => String, { description: 'E-mail address.' }) email: string,
    @Arg('password', () => String, { description: 'Password.' }) password: string,
    @Ctx() ctx: Context,
  ): Promise<User> {
    if (email.length > 254 || password.length > 256)
      throw new AppError(ErrorCode.BAD_USER_INPUT, 'email or password is too long');
    const session = await login(ctx.pool, ctx.loginSettings, {
      email,
      password,
      ip: ctx.clientIp,
      requestId: ctx.requestId,
    });
    ctx.sessionCookie.set(session.token, session.expiresAt);
    return Object.assign((await loadUser(ctx.pool, session.userId))!, { signedInAs: true });
  }

  @Mutation(() => Boolean, {
    description: 'Ends the current session and clears its cookie; true when a session was ended.',
  })
  async logout(@Ctx() ctx: Context): Promise<boolean> {
    const cookie = ctx.sessionCookie.current;
    ctx.sessionCookie.clear();
    return cookie ? logout(ctx.pool, cookie, ctx.requestId) : false;
  }

  @Mutation(() => CreatedApiToken, {
    description:
      'Creates an API token for yourself. The secret (`atlas_<prefix>_<secret>`) is in the answer once and never again.',
  })
  async createApiToken(
    @Arg('input', () => CreateApiTokenInput, { description: 'Name, scopes, grants and expiry of the token.' })
    input: CreateApiTokenInput,
    @Ctx() ctx: Context,
  ): Promise<CreatedApiToken> {
    const actor = sessionUser(ctx.actor);
    return runWrite(ctx, { operation: 'createApiToken', input, revive: reviveCreatedToken }, (tx) =>
      createApiToken(tx, actor, input),
    );
  }

  @Mutation(() => ApiTokenInfo, { description: 'Revokes a token at once: your own, or any as an administrator.' })
  async revokeApiToken(
    @Arg('id', () => String, { description: 'Id of the token.' }) id: string,
    @Ctx() ctx: Context,
  ): Promise<ApiTokenInfo> {
    const actor = sessionUser(ctx.actor);
    return runWrite(ctx, { operation: 'revokeApiToken', input: { id }, revive: reviveToken }, (tx) =>
      revokeApiToken(tx, actor, id),
    );
  }

  @Mutation(() => User, {
    description: 'Creates a user without roles (administrators only); grant roles with grantRole.',
  })
  async createUser(
    @Arg('input', () => CreateUserInput, { description: 'E-mail, name and optional password.' }) input: CreateUserInput,
    @Ctx() ctx: Context,
  ): Promise<User> {
    return runWrite(ctx, { operation: 'createUser', input, revive: reviveUser }, async (tx) => {
      const id = await insertUser(tx, input);
      return (await loadUser({ query: async (s, p) => ({ rows: await tx.query(s, p) }) }, id))!;
    });
  }

  @Mutation(() => User, { description: 'Grants a role (administrators only); CONFLICT when the user has it already.' })
  async grantRole(
    @Arg('input', () => RoleInput, { description: 'User, role and its target.' }) input: RoleInput,
    @Ctx() ctx: Context,
  ): Promise<User> {
    return runWrite(ctx, { operation: 'grantRole', input, revive: reviveUser }, (tx) => grantRole(tx, input));
  }

  @Mutation(() => User, {
    description: 'Revokes a role (administrators only); NOT_FOUND when the user does not have it.',
  })
  async revokeRole(
    @Arg('input', () => RoleInput, { description: 'User, role and its target.' }) input: RoleInput,
    @Ctx() ctx: Context,
  ): Promise<User> {
    return runWrite(ctx, { operation: 'revokeRole', input, revive: reviveUser }, (tx) => revokeRole(tx, input));
  }

  @Mutation(() => User, {
    description: 'Deactivates a user (administrators only): sessions and tokens stop working at once.',
  })
  async deactivateUser(
    @Arg('userId', () => String, { description: 'Id of the user.' }) userId: string,
    @Arg('expectedVersion', () => Int, {
      description: 'The user record version you last read (optimistic concurrency).',
    })
    expectedVersion: number,
    @Ctx() ctx: Context,
  ): Promise<User> {
    return runWrite(
      ctx,
      { operation: 'deactivateUser', input: { userId, expectedVersion }, revive: reviveUser },
      (tx) => deactivateUser(tx, userId, expectedVersion),
    );
  }
}
