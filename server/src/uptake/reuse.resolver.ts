import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../context.js';
import { DateScalar } from '../scalars.js';
import { Solution } from '../solution/solution.types.js';
import { SolutionReuse } from './reuse.types.js';
import { asOfOrToday } from './selection.js';

@Resolver(() => Solution)
export class SolutionReuseResolver {
  @FieldResolver(() => SolutionReuse, {
    description:
      'How far the solution is reused as of a date: LIVE adopters, regions covered, first and latest adoption, estimated saving.',
  })
  async reuse(
    @Root() solution: Solution,
    @Arg('asOf', () => DateScalar, {
      nullable: true,
      description: 'The date the figures describe (default: today in the Netherlands).',
    })
    asOf: string | null,
    @Ctx() ctx: Context,
  ): Promise<SolutionReuse> {
    const date = asOfOrToday(asOf);
    const row = await ctx.loaders.solutionReuse.load({ id: solution.dbId, asOf: date });
    return SolutionReuse.from(row!, date);
  }
}
