import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { getIntrospectionQuery, parse, validate } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { poolOf } from '../../server/src/data-source.js';
import { createSchema } from '../../server/src/schema.js';
import { QUERY_LIMITS, queryLimitRules, withEffectivePageSizes } from '../../server/src/security/limits.js';
import { createTestDatabase, type TestDatabase } from './db.js';
import { gql, startApp, type TestApp } from './hardening-helpers.js';

/** The deepest query the API documents: municipality → adoptions → … → standard → owner → municipality. */
const DEEPEST_DOCUMENTED = `query DeepestDocumented($code: String!) {
  municipality(code: $code) { code name adoptions(first: 100) { totalCount edges { node { id status statusSince
    solution { id slug name standards { version { id label } standard { id slug name status versions { id label }
      owner { id name municipality { id code name } } } } }
    events { id status effectiveDate actorOrganisation { id name } } } } } } }`;

const graphqlFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? graphqlFiles(path.join(dir, e.name))
      : e.name.endsWith('.graphql')
        ? [path.join(dir, e.name)]
        : [],
  );
const repeat = (n: number, s: string, sep = ' ') =>
  Array.from({ length: n }, (_, i) => s.replaceAll('#', String(i))).join(sep);
/** municipality { predecessors { … { code } } }: depth = levels + 2. */
const nested = (levels: number) =>
  `{ municipality(code: "GM0363") { ${'predecessors { '.repeat(levels)}code${' }'.repeat(levels)} } }`;
/** Cost 950 + 337.5·k with literal `first: 100` (objects 2, scalars 1, ×1.5 per level, ×100). */
const wide = (k: number, first = 'first: 100') =>
  `query${first.includes('$n') ? '($n: Int)' : ''} { municipalities${first ? `(${first})` : ''} { edges { node { ${repeat(k, 'code')} } } } }`;

describe('hardening: query limits, each just under and just over', () => {
  let db: TestDatabase;
  let t: TestApp;
  beforeAll(async () => {
    db = await createTestDatabase('reference');
    t = await startApp(poolOf(await db.dataSource()));
  });
  afterAll(async () => {
    await t?.close();
    await db?.drop();
  });

  const rejected = async (query: string, pattern: RegExp, variables?: Record<string, unknown>) => {
    const res = await gql(t.base, query, variables);
    expect(res.status, res.text).toBe(400);
    expect(res.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(res.body.errors?.[0]?.message).toMatch(pattern);
    expect(res.body.data).toBeUndefined();
  };
  const accepted = async (query: string, variables?: Record<string, unknown>) => {
    const res = await gql(t.base, query, variables);
    expect(res.body.errors, res.text).toBeUndefined();
    expect(res.status).toBe(200);
    return res.body;
  };

  it('pins the limits', () => {
    expect(QUERY_LIMITS).toEqual({
      maxDepth: 12,
      maxAliases: 15,
      maxDirectives: 10,
      maxCost: 75_000,
      maxTokens: 2_000,
    });
  });

  it('lets every operation of the web app, the explorer introspection and the deepest documented query through', async () => {
    const schema = await createSchema();
    const files = graphqlFiles('client/src');
    expect(files.length).toBeGreaterThan(0);
    const documents = [
      ...files.map((f) => readFileSync(f, 'utf8')),
      getIntrospectionQuery({
        descriptions: true,
        specifiedByUrl: true,
        directiveIsRepeatable: true,
        schemaDescription: true,
        inputValueDeprecation: true,
      }),
      DEEPEST_DOCUMENTED,
    ];
    for (const source of documents) {
      const doc = withEffectivePageSizes(schema, parse(source), { first: 100 });
      expect(validate(schema, doc, queryLimitRules()).map((e) => e.message)).toEqual([]);
    }
    await accepted(DEEPEST_DOCUMENTED, { code: 'GM0363' });
  });

  it('depth: 12 passes, 13 is refused — also through fragments', async () => {
    await accepted(nested(10));
    await rejected(nested(11), /depth limit of 12 exceeded, found 13/);
    const viaFragments = `query { municipality(code: "GM0363") { ...A } }
      fragment A on Municipality { predecessors { ...B } }
      fragment B on Municipality { ${'predecessors { '.repeat(10)}code${' }'.repeat(10)} }`;
    await rejected(viaFragments, /depth limit of 12 exceeded, found 13/);
  });

  it('aliases: 15 pass, 16 are refused; __typename aliases count too (graphql-cop: 101 aliases)', async () => {
    await accepted(`{ ${repeat(15, 'a#: __typename')} }`);
    await rejected(`{ ${repeat(16, 'a#: __typename')} }`, /Aliases limit of 15 exceeded, found 16/);
    await rejected(`{ ${repeat(101, 'a#: __typename')} }`, /Aliases limit of 15 exceeded, found 101/);
    await rejected(`{ ${repeat(16, 'p#: provinces { code }')} }`, /Aliases limit of 15 exceeded/);
  });

  it('directives: 10 pass, 11 are refused (graphql-cop: directive overloading)', async () => {
    await accepted(`{ ${'__typename @include(if: true) '.repeat(10)} }`);
    await rejected(`{ ${'__typename @include(if: true) '.repeat(11)} }`, /Directives limit of 10 exceeded, found 11/);
    const res = await gql(t.base, `query cop { __typename ${'@aa'.repeat(500)} }`);
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toMatch(/Directives limit of 10 exceeded/);
  });

  it('cost: literal first — 74,862 passes, 75,200 is refused', async () => {
    await accepted(wide(219));
    await rejected(wide(220), /Cost limit of 75000 exceeded, found 75200/);
  });

  it('a thousand repeats of one field cannot make validation slow (graphql-js aborts: 400)', async () => {
    const t0 = Date.now();
    const res = await gql(t.base, `{ ${'__typename '.repeat(1500)}}`);
    expect(res.status).toBe(400);
    expect(Date.now() - t0).toBeLessThan(2_000);
  });

  it('cost counts `first: $n` by its value and an omitted `first` as the default page of 25', async () => {
    await accepted(wide(219, 'first: $n'), { n: 100 });
    await rejected(wide(220, 'first: $n'), /Cost limit of 75000 exceeded, found 75200/, { n: 100 });
    await accepted(wide(220, 'first: $n'));
    await accepted(wide(220, ''));
    // The same document is judged again with each request's variables.
    await accepted(wide(220, 'first: $n'), { n: 10 });
    await rejected(wide(220, 'first: $n'), /Cost limit of 75000 exceeded, found 75200/, { n: 100 });
    // Two nested pages of 100 (10,000 nodes) are far over.
    await rejected(
      `query($a: Int, $b: Int) { municipalities(first: $a) { edges { node { adoptions(first: $b) { edges { node { id } } } } } } }`,
      /Cost limit of 75000 exceeded/,
      { a: 100, b: 100 },
    );
  });

  it('tokens: 2,000 pass, 2,001 are a parse error (400, never 500)', async () => {
    // `{ probeEcho ( values : [ … ] ) }` is 9 tokens plus one per value.
    const echo = (n: number) => `{ probeEcho(values: [${repeat(n, '7')}]) }`;
    expect((await accepted(echo(1991))).data.probeEcho).toBe(1991);
    const res = await gql(t.base, echo(1992));
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
    expect(res.body.errors?.[0]?.message).toMatch(/more that 2000 tokens/);
  });

  it('a parse error is a 400, never a 500', async () => {
    for (const query of ['{', '}', 'query {{ x }', '{ municipality(code: ) }', '"unterminated', '\u0000']) {
      const res = await gql(t.base, query);
      expect(res.status, query).toBe(400);
      expect(res.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
    }
  });

  it('refuses batched requests (graphql-cop: array batching)', async () => {
    const res = await fetch(`${t.base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([{ query: '{ __typename }' }, { query: '{ __typename }' }]),
    });
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/batching/i);
  });

  it('refuses circular introspection (graphql-cop) while the explorer introspection works', async () => {
    const circular = `query cop { __schema { types { fields { type { fields { type { fields { type { fields { type { name } } } } } } } } } } }`;
    await rejected(circular, /Maximum introspection depth exceeded/);
    const intro = await accepted(getIntrospectionQuery());
    expect(intro.data.__schema.queryType.name).toBe('Query');
  });

  it('request bodies: 100 kB pass, one byte more is a 413 with a JSON error', async () => {
    const bodyOf = (size: number) => {
      const head = JSON.stringify({ query: '{ __typename }', variables: { pad: '' } });
      return head.replace('"pad":""', `"pad":"${'x'.repeat(size - head.length)}"`);
    };
    const post = (body: string) =>
      fetch(`${t.base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect(bodyOf(100 * 1024)).toHaveLength(102_400);
    const ok = await post(bodyOf(100 * 1024));
    expect(ok.status).toBe(200);
    const tooBig = await post(bodyOf(100 * 1024 + 1));
    expect(tooBig.status).toBe(413);
    expect(await tooBig.json()).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
  });
});
