import { isObjectType, type GraphQLResolveInfo, type GraphQLSchema } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Context } from '../../server/src/context.js';
import { Municipality } from '../../server/src/geography/geography.types.js';
import type { MunicipalityRow, ProvinceRow } from '../../server/src/geography/geography.rows.js';
import { callFieldResolversDirectly } from '../../server/src/performance/direct-resolvers.js';
import { buildResolverSchema, createSchema } from '../../server/src/schema.js';

const province: ProvinceRow = {
  id: 7,
  code: 'PV27',
  name: 'Noord-Holland',
  tooi_uri: 'https://identifier.overheid.nl/tooi/id/provincie/pv27',
};
const row = {
  id: 363,
  code: 'GM0363',
  name: 'Amsterdam',
  official_name: 'Gemeente Amsterdam',
  population: 931_298,
  size_class: 'XL',
  area_land_ha: 16_500,
  province_id: 7,
  province,
} as unknown as MunicipalityRow;

/** A context whose loaders fail loudly: a resolver that reaches for one here has not used the joined row. */
const noLoaders = {
  loaders: new Proxy({}, { get: (_, name) => ({ load: () => Promise.reject(new Error(`loader ${String(name)}`)) }) }),
} as unknown as Context;
const info = {} as GraphQLResolveInfo;

function field(schema: GraphQLSchema, type: string, name: string) {
  const t = schema.getType(type);
  if (!isObjectType(t)) throw new Error(`${type} is not an object type`);
  return t.getFields()[name]!;
}

describe('field resolvers called without TypeGraphQL’s wrapper', () => {
  let rewired: string[];
  let schema: GraphQLSchema;
  beforeAll(async () => {
    const built = await buildResolverSchema();
    rewired = callFieldResolversDirectly(built);
    schema = await createSchema();
  });

  it('takes the resolvers of root and context only, never those with arguments', () => {
    expect(rewired).toEqual(
      expect.arrayContaining(['Adoption.municipality', 'Adoption.solution', 'Municipality.province']),
    );
    // Arguments are converted and validated by TypeGraphQL: those resolvers keep its wrapper.
    for (const withArgs of ['Solution.adoptions', 'Municipality.adoptions', 'Municipality.peerComparison'])
      expect(rewired, withArgs).not.toContain(withArgs);
  });

  it('answers from the joined row synchronously, as the method does', () => {
    const m = Municipality.from(row);
    const answer = field(schema, 'Municipality', 'province').resolve!(m, {}, noLoaders, info);
    expect(answer).not.toBeInstanceOf(Promise);
    expect(answer).toMatchObject({ id: 'PV27', code: 'PV27', name: 'Noord-Holland', dbId: 7 });
  });

  it('still goes through the loader when the row was not joined', async () => {
    const m = Municipality.from({ ...row, province: undefined } as unknown as MunicipalityRow);
    await expect(field(schema, 'Municipality', 'province').resolve!(m, {}, noLoaders, info)).rejects.toThrow(
      'loader provinceById',
    );
  });
});
