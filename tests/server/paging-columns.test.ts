import {
  getNamedType,
  isEnumType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLSchema,
} from '../../server/node_modules/graphql/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adoptionPageSelect, ADOPTION_COLUMNS, ADOPTION_FIELDS } from '../../server/src/adoption/adoption.rows.js';
import { allColumns, type FieldColumns } from '../../server/src/columns.js';
import {
  MUNICIPALITY_COLUMNS,
  MUNICIPALITY_FIELDS,
  PROVINCE_COLUMNS,
  PROVINCE_FIELDS,
} from '../../server/src/geography/geography.rows.js';
import { selectionTree } from '../../server/src/lookahead.js';
import { SOLUTION_COLUMNS, SOLUTION_FIELDS } from '../../server/src/solution/solution.rows.js';
import { parse, type FieldNode, type OperationDefinitionNode } from '../../server/node_modules/graphql/index.js';
import { openApi, type ApiHarness } from './api-fixtures.js';

/** A select list's columns, whitespace-normalised, in a set. */
const columnSet = (list: string) => new Set(list.split(/,(?![^(]*\))/).map((c) => c.trim().replace(/\s+/g, ' ')));

/** The plain fields of a type: scalars and enums without required arguments. */
function plainFields(schema: GraphQLSchema, type: string): string[] {
  const t = schema.getType(type);
  if (!isObjectType(t)) throw new Error(`${type} is not an object type`);
  return Object.values(t.getFields())
    .filter((f) => !f.args.some((a) => isNonNullType(a.type) && a.defaultValue === undefined))
    .filter((f) => {
      const named = getNamedType(f.type);
      return isScalarType(named) || isEnumType(named);
    })
    .map((f) => f.name);
}

describe('columns per field', () => {
  it('splits each full select list exactly: no column lost, none added', () => {
    const pairs: [FieldColumns, string][] = [
      [ADOPTION_FIELDS, ADOPTION_COLUMNS],
      [MUNICIPALITY_FIELDS, MUNICIPALITY_COLUMNS],
      [PROVINCE_FIELDS, PROVINCE_COLUMNS],
      [SOLUTION_FIELDS, SOLUTION_COLUMNS],
    ];
    for (const [fields, list] of pairs) expect(columnSet(allColumns(fields))).toEqual(columnSet(list));
  });

  it('reads only the asked fields’ columns, merging fragments and aliases', () => {
    const doc = parse(`{ solution(slug: "x") { adoptions { edges { node { ...A s: status
      municipality { name ... on Municipality { province { name } } } } } } } }
      fragment A on Adoption { liveSince }`);
    const op = doc.definitions[0] as OperationDefinitionNode;
    const adoptions = (op.selectionSet.selections[0] as FieldNode).selectionSet!.selections as FieldNode[];
    const fragments = Object.fromEntries(
      doc.definitions.filter((d) => d.kind === 'FragmentDefinition').map((d) => [d.name.value, d]),
    );
    const tree = selectionTree({ fieldNodes: adoptions, fragments });
    const node = tree?.get('edges')?.get('node');
    expect([...node!.keys()].sort()).toEqual(['liveSince', 'municipality', 'status']);
    const select = adoptionPageSelect(node, { municipality: true, solution: true });
    expect(select.columns).toContain('a.status');
    expect(select.columns).toContain('a.live_since');
    expect(select.columns).not.toContain('a.notes');
    expect(select.joined?.columns).toContain('jm.name AS "municipality.name"');
    expect(select.joined?.columns).toContain('jp.name AS "municipality.province.name"');
    expect(select.joined?.columns).not.toContain('jm.population');
    // The solution is not asked for: not joined.
    expect(select.joined?.joins('r')).not.toContain('solution');
    // A child page reads the municipality from its own join, and joins only the province.
    const own = adoptionPageSelect(node, { municipality: true, solution: true, fromOwnJoins: true });
    expect(own.nested).toBe(true);
    expect(own.columns).toContain('m.name AS "municipality.name"');
    expect(own.columns).not.toContain('m.population');
    expect(own.joined?.joins('r')).toBe('LEFT JOIN province jp ON jp.id = r."municipality.province_id"');
    expect(own.joined?.columns).toContain('jp.name AS "municipality.province.name"');
    // An unknown fragment: nothing is known, everything is read.
    expect(selectionTree({ fieldNodes: adoptions, fragments: {} })).toBeUndefined();
  });
});

/**
 * Every plain field, read through a narrowed page, equals the same field read on its own
 * (`adoption(municipalityCode, solutionSlug)`, whose rows carry every column). A plain field added
 * to a type without its columns in *_FIELDS comes back null here and fails the test.
 */
describe('narrowed pages answer every field', () => {
  let api: ApiHarness;
  beforeAll(async () => {
    api = await openApi('demo', false);
  });
  afterAll(async () => {
    await api?.db.drop();
  });

  const nodeSelection = () => {
    const a = plainFields(api.schema, 'Adoption').join(' ');
    const m = plainFields(api.schema, 'Municipality').join(' ');
    const p = plainFields(api.schema, 'Province').join(' ');
    const s = plainFields(api.schema, 'Solution').join(' ');
    return `${a} municipality { ${m} province { ${p} } } solution { ${s} }`;
  };

  async function expectSameAsSingle(nodes: { municipality: { code: string }; solution: { slug: string } }[]) {
    expect(nodes.length).toBeGreaterThan(2);
    for (const node of nodes.slice(0, 5)) {
      const single = await api.data(
        `query($m: String!, $s: String!) { adoption(municipalityCode: $m, solutionSlug: $s) { ${nodeSelection()} } }`,
        { m: node.municipality.code, s: node.solution.slug },
      );
      expect(node).toEqual(single.adoption);
    }
  }

  it('on a solution’s adopters, a municipality’s adoptions and the adoption list', async () => {
    const bySolution = await api.data(
      `{ solution(slug: "open-formulieren") { adoptions(first: 5) { edges { node { ${nodeSelection()} } } } } }`,
    );
    await expectSameAsSingle(bySolution.solution.adoptions.edges.map((e: { node: never }) => e.node));
    const byMunicipality = await api.data(
      `{ municipality(code: "GM0363") { adoptions(first: 5) { edges { node { ${nodeSelection()} } } } } }`,
    );
    await expectSameAsSingle(byMunicipality.municipality.adoptions.edges.map((e: { node: never }) => e.node));
    const list = await api.data(`{ adoptions(first: 5) { edges { node { ${nodeSelection()} } } } }`);
    await expectSameAsSingle(list.adoptions.edges.map((e: { node: never }) => e.node));
  });

  it('a page asked only for its keys still pages and counts', async () => {
    const narrow = await api.data(
      `{ solution(slug: "open-formulieren") { adoptions(first: 3) { totalCount edges { cursor node { id } } } } }`,
    );
    const full = await api.data(
      `{ solution(slug: "open-formulieren") { adoptions(first: 3) { totalCount edges { cursor node { id status municipality { code } } } } } }`,
    );
    expect(narrow.solution.adoptions.totalCount).toBe(full.solution.adoptions.totalCount);
    expect(narrow.solution.adoptions.edges.map((e: { cursor: string }) => e.cursor)).toEqual(
      full.solution.adoptions.edges.map((e: { cursor: string }) => e.cursor),
    );
  });
});
