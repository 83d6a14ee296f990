import { createUnionType } from 'type-graphql';
import type { Tagged } from '../../graphql/node';
import { Expert } from '../expert/expert.type';
import { Organisation } from '../organisation/organisation.type';

export const Speaker = createUnionType({
  name: 'Speaker',
  description: 'Who said it: a person, or an organisation for official statements.',
  types: () => [Expert, Organisation] as const,
  resolveType: (value) => (value as unknown as Tagged<object>).__typename,
});
