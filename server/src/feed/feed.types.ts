import { Field, ID, ObjectType } from 'type-graphql';
import { AdoptionEvent } from '../adoption/adoption.types.js';
import { DateTimeScalar } from '../adoption/adoption.scalars.js';

@ObjectType({ description: 'A page of the change feed: adoption events in recording order (event id ascending).' })
export class AdoptionEventFeed {
  @Field(() => [AdoptionEvent], { description: 'Events with an id above `since`, oldest first.' })
  events: AdoptionEvent[];

  @Field(() => String, {
    nullable: true,
    description: 'Pass as `since` to get what comes next; null when there are no events at all yet.',
  })
  cursor: string | null;

  @Field(() => Boolean, { description: 'True when more events follow right away (poll again without waiting).' })
  hasMore: boolean;
}

@ObjectType({
  description: 'An endpoint that receives every new adoption event as a signed POST (see README "Change feed").',
})
export class WebhookSubscription {
  @Field(() => ID, { description: 'Stable identifier of the subscription.' })
  id: string;

  @Field(() => String, { description: 'The URL events are POSTed to.' })
  url: string;

  @Field(() => String, { nullable: true, description: 'Your note on what the subscription is for.' })
  description: string | null;

  @Field(() => Boolean, { description: 'False once deleted: nothing more is delivered.' })
  isActive: boolean;

  @Field(() => DateTimeScalar, { description: 'When it was created.' })
  createdAt: Date;
}

@ObjectType({
  description: 'A new subscription with its signing secret: store the secret now, it is never shown again.',
})
export class CreatedWebhookSubscription {
  @Field(() => WebhookSubscription, { description: 'The subscription.' })
  subscription: WebhookSubscription;

  @Field(() => String, {
    description: 'HMAC-SHA256 key: verify `X-Atlas-Signature: sha256=<hex>` over the raw body with it.',
  })
  secret: string;
}
