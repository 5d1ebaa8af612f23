import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';

/** One HTTP request of the fuzz run, in the shape of Fastify's `inject`. */
export interface FuzzCase {
  method: 'GET' | 'POST';
  url: string;
  headers: Record<string, string>;
  payload?: string | Buffer;
}

/** A small seeded PRNG (mulberry32): the same seed gives the same cases. */
export function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)]!;
  return { next, int, pick, chance: (p: number) => next() < p };
}
type Rng = ReturnType<typeof random>;

const NASTY_STRINGS = [
  '',
  ' ',
  'GM0363',
  'GM9999',
  'PV27',
  "'; DROP TABLE municipality; --",
  '" OR 1=1 --',
  '%00',
  '\u0000',
  '\uFFFF',
  '\uD800',
  '𝔘𝔫𝔦𝔠𝔬𝔡𝔢',
  '<script>alert(1)</script>',
  '../../../../etc/passwd',
  '${jndi:ldap://x}',
  '2023-02-30',
  '9999-12-31',
  '-1',
  'NaN',
  'null',
  'eyJsYXN0IjoiJyJ9',
  'a'.repeat(5000),
];
const NASTY_NUMBERS = [0, -1, 1, 25, 100, 101, 2 ** 31, -(2 ** 31) - 1, 1e308, -0, 0.5, Number.MAX_SAFE_INTEGER];
const PUNCTUATION = [
  '{',
  '}',
  '(',
  ')',
  '[',
  ']',
  ':',
  '$',
  '@',
  '!',
  '"',
  '"""',
  '\\',
  '.',
  '...',
  ',',
  '#',
  '=',
  '|',
  '&',
  '\n',
  '\u0000',
  'é',
];

function randomJson(r: Rng, depth = 0): unknown {
  const k = r.int(depth > 3 ? 5 : 8);
  if (k === 0) return null;
  if (k === 1) return r.chance(0.5);
  if (k === 2) return r.pick(NASTY_NUMBERS);
  if (k === 3 || k === 4) return r.pick(NASTY_STRINGS);
  if (k === 5) return Array.from({ length: r.int(5) }, () => randomJson(r, depth + 1));
  return Object.fromEntries(
    Array.from({ length: r.int(4) }, () => [
      r.pick(['validOn', 'search', 'kind', 'code', 'first', 'x', '__proto__', 'constructor']),
      randomJson(r, depth + 1),
    ]),
  );
}

/** A value for an argument: of the right type, or (unless `strict`) sometimes deliberately wrong. */
function argValue(r: Rng, type: GraphQLInputType, depth = 0, strict = false): string {
  if (!strict && r.chance(0.08))
    return r.pick(['null', '"x"', '1', '[1]', '{a: 1}', 'true', 'FOO', '$undefinedVar', '1.5', '-999999999999']);
  if (isNonNullType(type)) return argValue(r, type.ofType, depth, strict);
  if (isListType(type))
    return `[${Array.from({ length: 1 + r.int(3) }, () => argValue(r, type.ofType, depth + 1, strict)).join(', ')}]`;
  if (isEnumType(type)) return strict || r.chance(0.9) ? r.pick(type.getValues()).name : 'NOT_A_VALUE';
  if (isInputObjectType(type)) {
    if (depth > 2) return '{}';
    const fields = Object.values(type.getFields());
    const chosen = fields.filter(() => r.chance(0.4));
    const required = fields.filter((f) => isNonNullType(f.type) && !chosen.includes(f));
    return `{ ${[...chosen, ...required].map((f) => `${f.name}: ${argValue(r, f.type, depth + 1, strict)}`).join(', ')} }`;
  }
  if (isScalarType(type)) {
    switch (type.name) {
      case 'Int':
        return String(r.pick(strict ? [0, 1, 5, 25, 100] : NASTY_NUMBERS.filter((n) => Number.isInteger(n))));
      case 'Float':
        return String(r.pick(strict ? [0, 1.5, 100] : NASTY_NUMBERS));
      case 'Boolean':
        return r.chance(0.5) ? 'true' : 'false';
      case 'Date':
        if (strict) return JSON.stringify(r.pick(['2018-01-01', '2022-03-24', '2025-01-01']));
        return JSON.stringify(r.pick(NASTY_STRINGS.slice(0, -1)));
      default:
        return JSON.stringify(r.pick(strict ? ['GM0363', 'GM0014', 'PV27', 'x', ''] : NASTY_STRINGS.slice(0, -1)));
    }
  }
  return 'null';
}

function selection(r: Rng, type: GraphQLObjectType, depth: number, strict: boolean): string {
  const fields = Object.values(type.getFields());
  const count = 1 + r.int(Math.min(4, fields.length));
  const parts: string[] = [];
  // Strict mode gives each field at most once (repeats with other arguments would conflict).
  const pool = strict
    ? [...fields].sort(() => r.next() - 0.5).slice(0, count)
    : Array.from({ length: count }, () => r.pick(fields));
  for (const f of pool as GraphQLField<unknown, unknown>[]) {
    const args = f.args.filter((a) => isNonNullType(a.type) || r.chance(0.4));
    const argText = args.length
      ? `(${args.map((a) => `${a.name}: ${argValue(r, a.type, 0, strict)}`).join(', ')})`
      : '';
    const alias = !strict && r.chance(0.1) ? `a${r.int(50)}: ` : '';
    const named = getNamedType(f.type);
    if (isObjectType(named)) {
      parts.push(
        depth > 4 || r.chance(0.1)
          ? `${alias}${f.name}${argText} { __typename }`
          : `${alias}${f.name}${argText} { ${selection(r, named, depth + 1, strict)} }`,
      );
    } else {
      parts.push(`${alias}${f.name}${argText}${!strict && r.chance(0.05) ? ' { x }' : ''}`);
    }
  }
  if (r.chance(0.1)) parts.push('__typename');
  return parts.join(' ');
}

/** A query that is mostly valid against the schema. */
export function schemaQuery(r: Rng, schema: GraphQLSchema, strict = false): string {
  const body = selection(r, schema.getQueryType()!, 1, strict);
  return r.chance(0.3) ? `query Fuzz${r.int(1000)} { ${body} }` : `{ ${body} }`;
}

/** Damages a query: deletes, inserts, duplicates or truncates pieces of it. */
export function mutate(r: Rng, q: string): string {
  let s = q;
  const edits = 1 + r.int(4);
  for (let i = 0; i < edits; i++) {
    const at = r.int(s.length + 1);
    switch (r.int(7)) {
      case 0:
        s = s.slice(0, at) + s.slice(at + 1 + r.int(5));
        break;
      case 1:
        s = s.slice(0, at) + r.pick(PUNCTUATION) + s.slice(at);
        break;
      case 2:
        s = s.slice(0, at) + s.slice(at, at + r.int(30)).repeat(1 + r.int(4)) + s.slice(at);
        break;
      case 3:
        s = s.slice(0, at);
        break;
      case 4:
        s =
          s.slice(0, at) +
          r.pick([
            '@include(if: true)',
            '@skip(if: $x)',
            '@deprecated',
            '...on Query { __typename }',
            'fragment F on Query { __typename }',
            '...F',
            'mutation',
            'subscription',
            '__schema { types { name } }',
          ]) +
          s.slice(at);
        break;
      case 5:
        s = s.slice(0, at) + String.fromCharCode(r.int(0x3000)) + s.slice(at);
        break;
      default:
        s = s.replace(/\w+/, r.pick(['', 'query', 'null', '__typename', 'x'.repeat(200)]));
    }
  }
  return s;
}

/** Structurally hostile documents: deep nesting, many aliases, many fragments, garbage. */
function hostile(r: Rng): string {
  switch (r.int(8)) {
    case 0:
      return `{ ${'municipality(code: "GM0363") { predecessors { '.repeat(1 + r.int(8))}code${' } }'.repeat(1 + r.int(8))} }`;
    case 1:
      return `{ ${Array.from({ length: 10 + r.int(200) }, (_, i) => `a${i}: __typename`).join(' ')} }`;
    case 2:
      return `query { ...F0 } ${Array.from({ length: 1 + r.int(30) }, (_, i) => `fragment F${i} on Query { __typename ...F${i + 1} }`).join(' ')}`;
    case 3:
      return '{'.repeat(r.int(3000)) + '}'.repeat(r.int(3000));
    case 4:
      return Array.from({ length: r.int(200) }, () => String.fromCharCode(r.int(0xffff))).join('');
    case 5:
      return `{ __typename ${'@include(if: true)'.repeat(r.int(60))} }`;
    case 6:
      return `query($v: ${r.pick(['Int', 'String!', '[Int!]!', 'MunicipalityFilter', 'Unknown', 'Date'])}) { municipalities(first: $v) { totalCount } }`;
    default:
      return `{ __schema { types { fields { type { fields { type { fields { name } } } } } } } }`;
  }
}

const CONTENT_TYPES = [
  'application/json',
  'application/json; charset=utf-8',
  'application/graphql-response+json',
  'application/graphql',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/json; charset=latin1',
  '',
];

/** The `i`-th case of a run with `seed`. */
export function fuzzCase(schema: GraphQLSchema, seed: number, i: number): FuzzCase {
  const r = random(seed * 1_000_003 + i);
  // A third are clean requests (valid against the schema, plain JSON POST) so that resolvers and
  // SQL run too; the rest are damaged, hostile or oddly sent.
  if (r.chance(0.33)) {
    return {
      method: 'POST',
      url: '/graphql',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ query: schemaQuery(r, schema, true) }),
    };
  }
  const kind = r.int(10);
  const query = kind < 4 ? schemaQuery(r, schema) : kind < 7 ? mutate(r, schemaQuery(r, schema)) : hostile(r);
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (r.chance(0.1)) headers['content-type'] = r.pick(CONTENT_TYPES);
  if (r.chance(0.1))
    headers['x-request-id'] = r.pick([
      'short',
      'a'.repeat(100),
      'ok-request-id-123',
      '../../x',
      '\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9',
    ]);
  if (r.chance(0.05)) headers.accept = r.pick(['text/html', 'application/graphql-response+json', '*/*', 'image/png']);
  if (r.chance(0.03))
    headers.authorization = r.pick(['Bearer ', 'Bearer x', 'Basic Zm9vOmJhcg==', 'Bearer ' + 'a'.repeat(500)]);
  if (r.chance(0.03))
    headers.cookie = r.pick(['atlas_session=', 'atlas_session=x; atlas_session=y', '=;=;', 'a'.repeat(300)]);

  if (r.chance(0.15)) {
    const params = new URLSearchParams();
    if (r.chance(0.9)) params.set('query', query);
    if (r.chance(0.3)) params.set('variables', r.chance(0.5) ? JSON.stringify(randomJson(r)) : '{bad json');
    if (r.chance(0.2)) params.set('operationName', r.pick(['Fuzz1', '', 'x'.repeat(100)]));
    const getHeaders: Record<string, string> = r.chance(0.7) ? { 'apollo-require-preflight': 'true' } : {};
    return {
      method: 'GET',
      url: `/graphql?${params.toString()}`,
      headers: { ...getHeaders, ...(headers.accept ? { accept: headers.accept } : {}) },
    };
  }

  let payload: string | Buffer;
  const shape = r.int(12);
  if (shape < 7) {
    const body: Record<string, unknown> = { query };
    if (r.chance(0.5)) body.variables = r.chance(0.8) ? randomJson(r) : r.pick(['{', [], 'x', 1]);
    if (r.chance(0.2)) body.operationName = r.pick(['Fuzz1', null, 1, '', 'x'.repeat(100)]);
    if (r.chance(0.1))
      body.extensions = r.pick([{ persistedQuery: { version: 1, sha256Hash: 'abc' } }, 'x', [1], { a: randomJson(r) }]);
    payload = JSON.stringify(body);
  } else if (shape === 7) {
    payload = JSON.stringify(
      r.pick([
        [{ query }],
        { query: 1 },
        { query: null },
        { query: [query] },
        { query: { a: 1 } },
        {},
        null,
        'query',
        42,
      ]),
    );
  } else if (shape === 8) {
    payload = JSON.stringify({ query }).slice(0, r.int(50));
  } else if (shape === 9) {
    payload = Buffer.from(Array.from({ length: r.int(500) }, () => r.int(256)));
  } else if (shape === 10) {
    payload = `{"query": ${JSON.stringify(query)}, "variables": ${'['.repeat(r.int(5000))}}`;
  } else {
    payload = query;
  }
  return {
    method: 'POST',
    url: r.chance(0.02) ? r.pick(['/graphql/', '/graphql?x=1', '/GRAPHQL', '/graphql#x']) : '/graphql',
    headers,
    payload,
  };
}
