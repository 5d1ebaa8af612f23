import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../server/src/config.js';
import {
  A,
  codeOf,
  count,
  gql,
  makeUser,
  sessionFor,
  snapshot,
  startWritesApp,
  type WritesEnv,
} from './writes-support.js';

const CREATE = `mutation($i: CreateUserInput!) { createUser(input: $i) { id email displayName isActive roles { role } version } }`;
const GRANT = `mutation($i: RoleInput!) { grantRole(input: $i) { id roles { role municipalityCode organisationSlug } } }`;
const REVOKE = `mutation($i: RoleInput!) { revokeRole(input: $i) { id roles { role municipalityCode } } }`;
const DEACTIVATE = `mutation($id: String!, $v: Int!) { deactivateUser(userId: $id, expectedVersion: $v) { id isActive version } }`;

describe('identity: user administration', () => {
  let env: WritesEnv;
  let admin: string;
  let editor: string;
  let userId: string;

  beforeAll(async () => {
    env = await startWritesApp();
    admin = await sessionFor(env.pool, await makeUser(env.pool, 'admin@u.test', [{ role: 'ADMIN' }]));
    editor = await sessionFor(
      env.pool,
      await makeUser(env.pool, 'editor@u.test', [{ role: 'EDITOR', municipality: A }]),
    );
  });
  afterAll(async () => env?.close());

  const refused = async (q: string, v: Record<string, unknown>, cookie: string | undefined, code: string) => {
    const before = await snapshot(env.pool);
    expect(codeOf(await gql(env.base, q, v, cookie ? { cookie } : {}))).toBe(code);
    expect(await snapshot(env.pool)).toEqual(before);
  };

  it('createUser: unauthenticated → forbidden → invalid → happy path (password hashed with argon2id, never audited)', async () => {
    const i = { email: 'New.User@Gemeente.test', displayName: 'Nieuwe gebruiker', password: 'a long enough password' };
    await refused(CREATE, { i }, undefined, 'UNAUTHENTICATED');
    await refused(CREATE, { i }, editor, 'FORBIDDEN');
    await refused(CREATE, { i: { ...i, email: 'not-an-email' } }, admin, 'BAD_USER_INPUT');
    await refused(CREATE, { i: { ...i, password: 'short' } }, admin, 'BAD_USER_INPUT');
    const r = await gql(env.base, CREATE, { i }, { cookie: admin });
    expect(r.body.data.createUser).toMatchObject({
      email: 'new.user@gemeente.test',
      isActive: true,
      roles: [],
      version: 1,
    });
    userId = r.body.data.createUser.id;
    const { rows } = await env.pool.query(`SELECT password_hash FROM app_user WHERE id = $1`, [userId]);
    expect(rows[0].password_hash).toMatch(/^\$argon2id\$/);
    const audit = await env.pool.query(
      `SELECT after FROM audit_log WHERE entity_type = 'app_user' AND entity_id = $1`,
      [userId],
    );
    expect(audit.rows).toHaveLength(1);
    expect(JSON.stringify(audit.rows[0].after)).not.toMatch(/argon2|password/);
    await refused(CREATE, { i }, admin, 'CONFLICT');
  });

  it('grantRole and revokeRole: unauthenticated → forbidden → invalid → happy path', async () => {
    const i = { userId, role: 'EDITOR', municipalityCode: A };
    await refused(GRANT, { i }, undefined, 'UNAUTHENTICATED');
    await refused(GRANT, { i }, editor, 'FORBIDDEN');
    await refused(GRANT, { i: { ...i, municipalityCode: null } }, admin, 'BAD_USER_INPUT');
    await refused(
      GRANT,
      { i: { userId, role: 'COOPERATION_EDITOR', organisationSlug: 'test-supplier' } },
      admin,
      'BAD_USER_INPUT',
    );
    await refused(GRANT, { i: { ...i, userId: '999999' } }, admin, 'NOT_FOUND');
    const granted = await gql(env.base, GRANT, { i }, { cookie: admin });
    expect(granted.body.data.grantRole.roles).toEqual([
      { role: 'EDITOR', municipalityCode: A, organisationSlug: null },
    ]);
    await refused(GRANT, { i }, admin, 'CONFLICT');
    const coop = await gql(
      env.base,
      GRANT,
      { i: { userId, role: 'COOPERATION_EDITOR', organisationSlug: 'test-coop' } },
      { cookie: admin },
    );
    expect(coop.body.data.grantRole.roles).toHaveLength(2);

    await refused(REVOKE, { i }, undefined, 'UNAUTHENTICATED');
    await refused(REVOKE, { i }, editor, 'FORBIDDEN');
    await refused(REVOKE, { i: { userId, role: 'ADMIN' } }, admin, 'NOT_FOUND');
    const audits = await count(env.pool, 'audit_log');
    const revoked = await gql(env.base, REVOKE, { i }, { cookie: admin });
    expect(revoked.body.data.revokeRole.roles).toEqual([{ role: 'COOPERATION_EDITOR', municipalityCode: null }]);
    expect(await count(env.pool, 'audit_log')).toBe(audits + 1);
  });

  it('deactivateUser: unauthenticated → forbidden → invalid → happy path; the user’s sessions and tokens stop at once', async () => {
    const cookie = await sessionFor(env.pool, Number(userId));
    const token = (
      await gql(
        env.base,
        `mutation { createApiToken(input: { name: "t", scopes: [READ] }) { secret } }`,
        {},
        { cookie },
      )
    ).body.data.createApiToken.secret;
    await refused(DEACTIVATE, { id: userId, v: 1 }, undefined, 'UNAUTHENTICATED');
    await refused(DEACTIVATE, { id: userId, v: 1 }, editor, 'FORBIDDEN');
    await refused(DEACTIVATE, { id: 'x', v: 1 }, admin, 'BAD_USER_INPUT');
    const stale = await gql(env.base, DEACTIVATE, { id: userId, v: 7 }, { cookie: admin });
    expect(stale.body.errors![0].extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 1 });
    const r = await gql(env.base, DEACTIVATE, { id: userId, v: 1 }, { cookie: admin });
    expect(r.body.data.deactivateUser).toEqual({ id: userId, isActive: false, version: 2 });
    expect((await gql(env.base, `{ me { id } }`, {}, { cookie })).body.data.me).toBeNull();
    expect((await gql(env.base, `{ me { id } }`, {}, { token })).status).toBe(401);
  });

  it('users: unauthenticated → forbidden → invalid → a connection that pages, searches and filters', async () => {
    const USERS = `query($first: Int, $after: String, $filter: UserFilter) {
      users(first: $first, after: $after, filter: $filter) {
        totalCount pageInfo { hasNextPage hasPreviousPage endCursor }
        edges { cursor node { id email displayName isActive roles { role municipalityCode organisationSlug } } } } }`;
    type Conn = {
      totalCount: number;
      pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null };
      edges: { node: { email: string; displayName: string; isActive: boolean; roles: { role: string }[] } }[];
    };
    const list = async (v: Record<string, unknown>): Promise<Conn> => {
      const r = await gql(env.base, USERS, v, { cookie: admin });
      expect(r.body.errors).toBeUndefined();
      return r.body.data.users;
    };
    const emails = (c: Conn) => c.edges.map((e) => e.node.email);

    // 30 users of one domain, so other tests' users do not count: every third a SUPPLIER,
    // p05 an EDITOR of A, p30 deactivated.
    const ids: number[] = [];
    for (let n = 1; n <= 30; n++) {
      const nn = String(n).padStart(2, '0');
      const { rows } = await env.pool.query(
        `INSERT INTO app_user (email, display_name, is_active) VALUES ($1, $2, $3) RETURNING id`,
        [`p${nn}@page.test`, `Persoon ${nn} Pagina`, n !== 30],
      );
      ids.push(rows[0].id);
    }
    for (const [i, id] of ids.entries()) {
      if ((i + 1) % 3 === 0)
        await env.pool.query(
          `INSERT INTO user_role (user_id, role, organisation_id) SELECT $1, 'SUPPLIER', id FROM organisation WHERE slug = 'test-supplier'`,
          [id],
        );
    }
    await env.pool.query(
      `INSERT INTO user_role (user_id, role, municipality_id) SELECT $1, 'EDITOR', id FROM municipality WHERE code = $2`,
      [ids[4], A],
    );
    const domain = { search: 'page.test' };

    await refused(USERS, { first: 5 }, undefined, 'UNAUTHENTICATED');
    await refused(USERS, { first: 5 }, editor, 'FORBIDDEN');
    const adminToken = (
      await gql(
        env.base,
        `mutation { createApiToken(input: { name: "t", scopes: [READ] }) { secret } }`,
        {},
        { cookie: admin },
      )
    ).body.data.createApiToken.secret;
    expect(codeOf(await gql(env.base, USERS, { first: 5 }, { token: adminToken }))).toBe('FORBIDDEN');
    await refused(USERS, { first: 101 }, admin, 'BAD_USER_INPUT');
    await refused(USERS, { after: 'not-a-cursor' }, admin, 'BAD_USER_INPUT');
    await refused(USERS, { filter: { search: 'x'.repeat(201) } }, admin, 'BAD_USER_INPUT');

    // Paging: 12 + 12 + 6, by e-mail, no user twice or missing, the total on every page.
    const seen: string[] = [];
    let after: string | null = null;
    const pages: Conn[] = [];
    do {
      const page: Conn = await list({ first: 12, after, filter: domain });
      pages.push(page);
      seen.push(...emails(page));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after && pages.length < 5);
    expect(pages.map((p) => p.edges.length)).toEqual([12, 12, 6]);
    expect(pages.map((p) => p.totalCount)).toEqual([30, 30, 30]);
    expect(pages.map((p) => p.pageInfo.hasPreviousPage)).toEqual([false, true, true]);
    expect(seen).toEqual(Array.from({ length: 30 }, (_, i) => `p${String(i + 1).padStart(2, '0')}@page.test`));
    // Roles come with each node of the page.
    expect(pages[0]!.edges[2]!.node.roles).toEqual([
      { role: 'SUPPLIER', municipalityCode: null, organisationSlug: 'test-supplier' },
    ]);
    expect(pages[0]!.edges[0]!.node.roles).toEqual([]);
    // Without a filter every user is listed, beyond one page.
    const everyone = await list({ first: 100 });
    expect(everyone.totalCount).toBeGreaterThan(30);
    expect(emails(everyone)).toEqual([...emails(everyone)].sort());
    expect(emails(everyone)).toContain('admin@u.test');

    // Search: display name or e-mail, case-insensitive, LIKE characters taken literally.
    expect(emails(await list({ filter: { search: 'persoon 07' } }))).toEqual(['p07@page.test']);
    expect(emails(await list({ filter: { search: 'P12@PAGE' } }))).toEqual(['p12@page.test']);
    expect((await list({ filter: { search: 'p%' } })).totalCount).toBe(0);

    // Role (any of), and active.
    const suppliers = await list({ filter: { ...domain, role: ['SUPPLIER'] } });
    expect(suppliers.totalCount).toBe(10);
    expect(suppliers.edges.every((e) => e.node.roles.some((r) => r.role === 'SUPPLIER'))).toBe(true);
    expect((await list({ filter: { ...domain, role: ['SUPPLIER', 'EDITOR'] } })).totalCount).toBe(11);
    expect(emails(await list({ filter: { ...domain, role: ['EDITOR'] } }))).toEqual(['p05@page.test']);
    expect(emails(await list({ filter: { ...domain, active: false } }))).toEqual(['p30@page.test']);
    expect((await list({ filter: { ...domain, active: true, role: ['SUPPLIER'] } })).totalCount).toBe(9);
  });

  it('pnpm user:create makes a user with a role from the command line', async () => {
    const tsx = path.join(repoRoot, 'server', 'node_modules', '.bin', 'tsx');
    const { stdout } = await promisify(execFile)(
      tsx,
      ['src/cli/user-create.ts', '--email', 'cli@u.test', '--name', 'Via CLI', '--role', 'EDITOR', '--municipality', A],
      {
        cwd: path.join(repoRoot, 'server'),
        env: { ...process.env, DATABASE_URL: env.db.url, LOG_LEVEL: 'warn', LOG_FORMAT: 'json' },
      },
    );
    expect(stdout).toMatch(/Created user cli@u.test .* with role EDITOR/);
    const password = /Password \(shown once\): (\S+)/.exec(stdout)![1];
    const login = await gql(
      env.base,
      `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { roles { role municipalityCode } } }`,
      { e: 'cli@u.test', p: password },
    );
    expect(login.body.data.login.roles).toEqual([{ role: 'EDITOR', municipalityCode: A }]);
  }, 60_000);
});
