import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { badUserInput } from '../../graphql/errors';
import { Node } from '../../graphql/node';
import { parseGlobalId } from '../../graphql/relay';
import { articleById } from '../article/article.loaders';
import { expertById } from '../expert/expert.loaders';
import { organisationById } from '../organisation/organisation.loaders';
import { quoteById } from '../quote/quote.loaders';
import { topicById } from '../topic/topic.loaders';

const LOADERS = {
  Article: articleById,
  Quote: quoteById,
  Expert: expertById,
  Organisation: organisationById,
  Topic: topicById,
} as const;

@Resolver()
export class NodeResolver {
  @Query(() => Node, { nullable: true, description: 'Refetches any object by its global id; null when it no longer exists.' })
  async node(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<object | null> {
    const parsed = parseGlobalId(id);
    if (!parsed) throw badUserInput(`id: "${id}" is not an id issued by this API.`, 'id');
    return LOADERS[parsed.type](ctx).load(parsed.id);
  }
}
