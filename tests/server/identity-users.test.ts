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
