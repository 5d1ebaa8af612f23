import { IsOptional, MaxLength } from 'class-validator';
import { Arg, Ctx, Field, InputType, Int, Mutation, Query, Resolver } from 'type-graphql';
import { ADOPTION_EVENT_COLUMNS, type AdoptionEventRow } from '../adoption/adoption.rows.js';
import { AdoptionEvent } from '../adoption/adoption.types.js';
import { runWrite } from '../audit/write.js';
import type { Context } from '../context.js';
import { AppError, ErrorCode, badInput } from '../errors.js';
import { isAdmin } from '../identity/actor.js';
import { randomSecret } from '../identity/crypto.js';
import { AdoptionEventFeed, CreatedWebhookSubscription, WebhookSubscription } from './feed.types.js';
import { checkWebhookUrl, systemResolve } from './webhook.target.js';

/** A row as pg returns it; its columns are read by name. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type DbRow = Record<string, any>;

@InputType({ description: 'A new webhook subscription.' })
export class CreateWebhookSubscriptionInput {
  @Field(() => String, {
    description:
      'Where to POST events: an https URL (http only where the server allows it, e.g. in development) whose host is, and resolves to, public internet addresses only.',
  })
  // Parsed and checked in checkWebhookUrl, whose refusals name the field and the reason.
  @MaxLength(2000)
  url: string;

  @Field(() => String, { nullable: true, description: 'A note on what the subscription is for.' })
  @IsOptional()
  @MaxLength(500)
  description?: string | null;
}

const toSubscription = (r: DbRow): WebhookSubscription =>
  Object.assign(new WebhookSubscription(), {
    id: String(r.id),
    url: r.url,
    description: r.description,
    isActive: r.is_active,
    createdAt: r.created_at,
  });

@Resolver()
export class FeedResolver {
  @Query(() => AdoptionEventFeed, {
    description:
      'The change feed for polling: adoption events with an id above `since`, oldest first. Start without `since`, then pass the returned `cursor`. Ids commit in order, so no event is skipped.',
  })
  async adoptionEvents(
    @Arg('since', () => String, {
      nullable: true,
      description: 'The `cursor` of the previous page (an event id); omit to start at the beginning.',
    })
    since: string | null | undefined,
    @Arg('first', () => Int, { nullable: true, description: 'Page size, 1–100 (default 100).' }) first: number | null,
    @Ctx() ctx: Context,
  ): Promise<AdoptionEventFeed> {
    if (since != null && !/^\d{1,18}$/.test(since))
      throw badInput('since must be a cursor returned by adoptionEvents', 'since');
    const n = first ?? 100;
    if (!Number.isInteger(n) || n < 1 || n > 100) throw badInput(`first must be between 1 and 100, got ${n}`, 'first');
    const { rows } = await ctx.pool.query<AdoptionEventRow>(
      `SELECT ${ADOPTION_EVENT_COLUMNS} FROM adoption_event e WHERE e.id > $1 ORDER BY e.id LIMIT $2`,
      [since ?? '0', n + 1],
    );
    const page = rows.slice(0, n);
    return Object.assign(new AdoptionEventFeed(), {
      events: page.map(AdoptionEvent.from),
      cursor: page.length ? page[page.length - 1]!.id : since,
      hasMore: rows.length > n,
    });
  }

  @Query(() => [WebhookSubscription], { description: 'Your webhook subscriptions, newest first.' })
  async myWebhookSubscriptions(@Ctx() ctx: Context): Promise<WebhookSubscription[]> {
    if (ctx.actor.kind === 'anonymous') return [];
    const { rows } = await ctx.pool.query(`SELECT * FROM webhook_subscription WHERE user_id = $1 ORDER BY id DESC`, [
      ctx.actor.userId,
    ]);
    return rows.map(toSubscription);
  }

  @Mutation(() => CreatedWebhookSubscription, {
    description:
      'Subscribes a URL to every new adoption event (signed POSTs with retry). The signing secret is in the answer once.',
  })
  async createWebhookSubscription(
    @Arg('input', () => CreateWebhookSubscriptionInput, { description: 'URL and note.' })
    input: CreateWebhookSubscriptionInput,
    @Ctx() ctx: Context,
  ): Promise<CreatedWebhookSubscription> {
    const url = await checkWebhookUrl(input.url, ctx.webhookUrlPolicy, systemResolve);
    return runWrite(
      ctx,
      {
        operation: 'createWebhookSubscription',
        input,
        revive: (json) => {
          const c = Object.assign(new CreatedWebhookSubscription(), json);
          c.subscription = Object.assign(new WebhookSubscription(), c.subscription);
          return c;
        },
      },
      async (tx) => {
        const secret = `whsec_${randomSecret(32)}`;
        const [row] = await tx.query(
          `INSERT INTO webhook_subscription (user_id, url, secret, description) VALUES ($1, $2, $3, $4) RETURNING *`,
          [ctx.actor.kind === 'anonymous' ? null : ctx.actor.userId, url.href, secret, input.description ?? null],
        );
        await tx.audit({ action: 'CREATE', entityType: 'webhook_subscription', entityId: row!.id, after: row });
        return Object.assign(new CreatedWebhookSubscription(), { subscription: toSubscription(row!), secret });
      },
    );
  }

  @Mutation(() => WebhookSubscription, {
    description: 'Stops a subscription (yours, or any as an administrator); pending deliveries are dropped.',
  })
  async deleteWebhookSubscription(
    @Arg('id', () => String, { description: 'Id of the subscription.' }) id: string,
    @Ctx() ctx: Context,
  ) {
    if (!/^\d{1,9}$/.test(id)) throw badInput('id must be a subscription id', 'id');
    return runWrite(
      ctx,
      {
        operation: 'deleteWebhookSubscription',
        input: { id },
        revive: (j) => Object.assign(new WebhookSubscription(), j),
      },
      async (tx) => {
        const [before] = await tx.query(`SELECT * FROM webhook_subscription WHERE id = $1 FOR UPDATE`, [Number(id)]);
        const own = before && ctx.actor.kind !== 'anonymous' && before.user_id === ctx.actor.userId;
        if (!before || !(own || isAdmin(ctx.actor)))
          throw new AppError(ErrorCode.NOT_FOUND, `No webhook subscription ${id}`);
        if (!before.is_active) return toSubscription(before);
        const [after] = await tx.query(`UPDATE webhook_subscription SET is_active = false WHERE id = $1 RETURNING *`, [
          before.id,
        ]);
        await tx.audit({ action: 'UPDATE', entityType: 'webhook_subscription', entityId: before.id, before, after });
        return toSubscription(after!);
      },
    );
  }
}
