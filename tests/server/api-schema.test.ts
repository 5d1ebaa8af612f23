// graphql is a dependency of the server only; this is the very module the Vitest alias pins.
import { graphql, getIntrospectionQuery, type IntrospectionQuery } from '../../server/node_modules/graphql/index.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { createSchema } from '../../server/src/schema.js';

/** The schema is the integrators' manual, and it never publishes personal data. */
describe('API schema', () => {
  let types: IntrospectionQuery['__schema']['types'];

  beforeAll(async () => {
    const schema = await createSchema();
    const res = await graphql({ schema, source: getIntrospectionQuery({ inputValueDeprecation: true }) });
    expect(res.errors).toBeUndefined();
    types = (res.data as unknown as IntrospectionQuery).__schema.types.filter((t) => !t.name.startsWith('__'));
  });

  it('never has a password or token hash field, anywhere', () => {
    const offenders = types.flatMap((t) => {
      const fields = 'fields' in t && t.fields ? t.fields : 'inputFields' in t && t.inputFields ? t.inputFields : [];
      return fields.filter((f) => /hash/i.test(f.name)).map((f) => `${t.name}.${f.name}`);
    });
    expect(offenders).toEqual([]);
  });

  it('publishes no personal data from the public read graph (solutions, adoptions, events, standards, ...)', () => {
    // Walk every type reachable from the public read entry points. Accounts (`User`, for the
    // signed-in user and administrators) must not be reachable from here, nor any actor user.
    const byName = new Map(types.map((t) => [t.name, t]));
    const query = byName.get('Query')!;
    const roots = [
      'solution',
      'solutions',
      'standard',
      'standards',
      'initiative',
      'initiatives',
      'region',
      'regions',
      'organisation',
      'organisations',
      'adoption',
      'adoptions',
      'municipality',
      'municipalities',
    ];
    const named = (ref: any): string => (ref.ofType ? named(ref.ofType) : ref.name); // eslint-disable-line @typescript-eslint/no-explicit-any
    const seen = new Set<string>();
    const queue = ('fields' in query ? query.fields : [])
      .filter((f) => roots.includes(f.name))
      .map((f) => named(f.type));
    expect(queue).toHaveLength(roots.length);
    while (queue.length) {
      const name = queue.pop()!;
      if (seen.has(name)) continue;
      seen.add(name);
      const t = byName.get(name);
      if (t && 'fields' in t && t.fields) for (const f of t.fields) queue.push(named(f.type));
    }
    expect(seen).toContain('AdoptionEvent');
    expect(seen).toContain('StandardCompliance');
    expect(seen).not.toContain('User');
    const forbidden =
      /^(email|e-?mail|displayName|password|actorUser|actorUserId|declaredBy|declaredByUser|userId|oidcSubject)$/i;
    const offenders: string[] = [];
    for (const name of seen) {
      const t = byName.get(name);
      if (t && 'fields' in t && t.fields)
        for (const f of t.fields) if (forbidden.test(f.name)) offenders.push(`${name}.${f.name}`);
    }
    expect(offenders).toEqual([]);
  });

  it('describes every type, field, argument and enum value', () => {
    const missing: string[] = [];
    for (const t of types) {
      // The root operation types carry no description of their own.
      if (!t.description?.trim() && !['Query', 'Mutation', 'Subscription'].includes(t.name)) missing.push(t.name);
      if ('fields' in t && t.fields) {
        for (const f of t.fields) {
          if (!f.description?.trim()) missing.push(`${t.name}.${f.name}`);
          for (const a of f.args) if (!a.description?.trim()) missing.push(`${t.name}.${f.name}(${a.name})`);
        }
      }
      if ('inputFields' in t && t.inputFields)
        for (const f of t.inputFields) if (!f.description?.trim()) missing.push(`${t.name}.${f.name}`);
      if ('enumValues' in t && t.enumValues)
        for (const v of t.enumValues) if (!v.description?.trim()) missing.push(`${t.name}.${v.name}`);
    }
    expect(missing).toEqual([]);
  });

  it('offers the entry points integrators build on, with connections for every list', () => {
    const query = types.find((t) => t.name === 'Query');
    const fields = new Map(('fields' in query! ? query.fields : []).map((f) => [f.name, f]));
    for (const name of ['solution', 'standard', 'initiative', 'region', 'organisation', 'adoption', 'municipality']) {
      expect(fields.get(name), name).toBeDefined();
      expect(fields.get(name)!.type.kind, `${name} is nullable: unknown → null`).not.toBe('NON_NULL');
    }
    for (const name of [
      'solutions',
      'standards',
      'initiatives',
      'regions',
      'organisations',
      'adoptions',
      'municipalities',
    ]) {
      const f = fields.get(name);
      expect(f, name).toBeDefined();
      expect(f!.args.map((a) => a.name).sort()).toEqual(['after', 'filter', 'first']);
      const type = f!.type.kind === 'NON_NULL' ? f!.type.ofType : f!.type;
      expect('name' in type && type.name).toMatch(/Connection$/);
    }
  });

  it('has the enums of the domain with their values', () => {
    const enumValues = (name: string) => {
      const t = types.find((x) => x.name === name);
      return t && 'enumValues' in t ? t.enumValues!.map((v) => v.name) : undefined;
    };
    expect(enumValues('AdoptionStatus')).toEqual([
      'CONSIDERING',
      'PLANNED',
      'IMPLEMENTING',
      'LIVE',
      'RETIRED',
      'RETRACTED',
    ]);
    expect(enumValues('RegionKind')).toEqual([
      'PROVINCE',
      'COOPERATION',
      'COROP',
      'SAFETY_REGION',
      'GGD_REGION',
      'LABOUR_MARKET_REGION',
      'NETWORK',
      'CUSTOM',
    ]);
    for (const name of [
      'AdoptionMode',
      'Provenance',
      'SolutionKind',
      'SolutionLifecycle',
      'StandardStatus',
      'ComplianceStatus',
      'InitiativeStage',
      'DecisionBody',
      'DecisionOutcome',
      'ParticipantRole',
      'FundingSource',
      'OrganisationKind',
    ]) {
      expect(enumValues(name)?.length, name).toBeGreaterThan(2);
    }
  });
});
