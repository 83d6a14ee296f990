import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './helpers/app';

const MISSION = `{
  experts(filter: { search: "معتضد" }) {
    edges { node { name quotes(topic: "cybersecurity") { totalCount edges { node { text article { title } topics { slug } } } } } }
  }
}`;

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app?.close());

describe('the mission query: all quotes by an expert about cybersecurity', () => {
  it('finds Hicham Moatadid by part of his name and his cybersecurity quote', async () => {
    const { data, errors } = await app.gql(MISSION);
    expect(errors).toBeUndefined();
    const experts = data.experts.edges.map((e: any) => e.node);
    expect(experts.map((e: any) => e.name)).toEqual(['هشام معتضد']);
    const quotes = experts[0].quotes;
    expect(quotes.totalCount).toBe(1);
    const quote = quotes.edges[0].node;
    expect(quote.text).toContain('الأمن السيبراني');
    expect(quote.text.startsWith('الأولوية الأولى')).toBe(true);
    expect(quote.topics.map((t: any) => t.slug)).toContain('cybersecurity');
    expect(quote.article.title).toContain('أجهزة الشرطة');
  });

  it('counts a child topic under its parent: cybercrime quotes answer a cybersecurity filter', async () => {
    const { data, errors } = await app.gql(`{
      expert(slug: "elbouraq-chadi-abdessalam") { quotes(topic: "cybersecurity") { totalCount edges { node { text topics { slug } } } } }
    }`);
    expect(errors).toBeUndefined();
    const edges = data.expert.quotes.edges;
    expect(data.expert.quotes.totalCount).toBe(1);
    expect(edges[0].node.topics.map((t: any) => t.slug)).toContain('cybercrime');
    expect(edges[0].node.text).toContain('الجرائم الإلكترونية');
  });
});
