import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../server/src/identity/password.js';
import { A, B, codeOf, count, gql, makeUser, sessionFor, startWritesApp, type WritesEnv } from './writes-support.js';

const LOGIN = `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { id email roles { role municipalityCode } } }`;
const ME = `{ me { id email displayName roles { role municipalityCode organisationSlug } } }`;

describe('identity: sessions, tokens and personal data', () => {
  let env: WritesEnv;
  let editorId: number;
  const password = 'correct horse battery staple';

  beforeAll(async () => {
    env = await startWritesApp({
      LOGIN_MAX_FAILURES: '3',
      FIRST_ADMIN_EMAIL: 'root@atlas.test',
      FIRST_ADMIN_PASSWORD: 'first-admin-password',
    });
    editorId = await makeUser(env.pool, 'editor@a.test', [{ role: 'EDITOR', municipality: A }]);
    await env.pool.query(`UPDATE app_user SET password_hash = $2 WHERE id = $1`, [
      editorId,
      await hashPassword(password),
    ]);
  });
  afterAll(async () => env?.close());

  it('creates the first administrator from the configuration, once', async () => {
    const { rows } = await env.pool.query(
      `SELECT u.email, r.role FROM app_user u JOIN user_role r ON r.user_id = u.id WHERE u.email = 'root@atlas.test'`,
    );
    expect(rows).toEqual([{ email: 'root@atlas.test', role: 'ADMIN' }]);
    const login = await gql(env.base, LOGIN, { e: 'root@atlas.test', p: 'first-admin-password' });
    expect(login.body.data.login.roles).toEqual([{ role: 'ADMIN', municipalityCode: null }]);
  });

  it('anonymous: me is null', async () => {
    const r = await gql(env.base, ME);
    expect(r.body).toEqual({ data: { me: null } });
  });

  it('login: wrong password → UNAUTHENTICATED, no cookie', async () => {
    const r = await gql(env.base, LOGIN, { e: 'editor@a.test', p: 'wrong password!!' });
    expect(codeOf(r)).toBe('UNAUTHENTICATED');
    expect(r.headers.get('set-cookie')).toBeNull();
    const unknown = await gql(env.base, LOGIN, { e: 'nobody@a.test', p: 'whatever password' });
    expect(unknown.body.errors?.[0].message).toBe(r.body.errors?.[0].message);
  });

  it('login sets an httpOnly SameSite=Strict cookie whose SHA-256 alone is stored; me and logout work', async () => {
    const r = await gql(env.base, LOGIN, { e: 'EDITOR@a.test', p: password });
    expect(r.body.errors).toBeUndefined();
    const setCookie = r.headers.get('set-cookie')!;
    expect(setCookie).toMatch(/^atlas_session=[A-Za-z0-9_-]{43};/);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    const value = /^atlas_session=([^;]+)/.exec(setCookie)![1]!;
    expect(await count(env.pool, 'user_session', 'token_hash = $1', [value])).toBe(0);
    expect(await count(env.pool, 'user_session', `token_hash = encode(sha256($1::bytea), 'hex')`, [value])).toBe(1);

    const cookie = `atlas_session=${value}`;
    const me = await gql(env.base, ME, {}, { cookie });
    expect(me.body.data.me).toMatchObject({
      email: 'editor@a.test',
      roles: [{ role: 'EDITOR', municipalityCode: A, organisationSlug: null }],
    });

    const out = await gql(env.base, `mutation { logout }`, {}, { cookie });
    expect(out.body.data.logout).toBe(true);
    expect(out.headers.get('set-cookie')).toMatch(/atlas_session=;/);
    expect((await gql(env.base, ME, {}, { cookie })).body.data.me).toBeNull();
  });

  it('rate-limits failed logins per e-mail and address in the database; even the right password is refused then', async () => {
    const userId = await makeUser(env.pool, 'limited@a.test', []);
    await env.pool.query(`UPDATE app_user SET password_hash = $2 WHERE id = $1`, [
      userId,
      await hashPassword(password),
    ]);
    for (let i = 0; i < 3; i++)
      expect(codeOf(await gql(env.base, LOGIN, { e: 'limited@a.test', p: 'not the password' }))).toBe(
        'UNAUTHENTICATED',
      );
    const blocked = await gql(env.base, LOGIN, { e: 'limited@a.test', p: password });
    expect(codeOf(blocked)).toBe('UNAUTHENTICATED');
    expect(blocked.body.errors?.[0].message).toMatch(/Too many failed sign-in attempts/);
    expect(await count(env.pool, 'login_attempt', `email = 'limited@a.test' AND NOT succeeded`)).toBe(4);
    // The window passing (simulated) lifts the limit.
    await env.pool.query(
      `UPDATE login_attempt SET attempted_at = attempted_at - interval '1 hour' WHERE email = 'limited@a.test'`,
    );
    expect((await gql(env.base, LOGIN, { e: 'limited@a.test', p: password })).body.data.login.email).toBe(
      'limited@a.test',
    );
  });

  it('a deactivated user cannot sign in and their sessions stop working', async () => {
    const userId = await makeUser(env.pool, 'gone@a.test', [{ role: 'VIEWER' }]);
    const cookie = await sessionFor(env.pool, userId);
    expect((await gql(env.base, ME, {}, { cookie })).body.data.me.email).toBe('gone@a.test');
    await env.pool.query(`UPDATE app_user SET is_active = false WHERE id = $1`, [userId]);
    expect((await gql(env.base, ME, {}, { cookie })).body.data.me).toBeNull();
  });

  it('personal data: user fields only for the user themself and admins', async () => {
    const adminId = await makeUser(env.pool, 'admin@atlas.test', [{ role: 'ADMIN' }]);
    const admin = await sessionFor(env.pool, adminId);
    const viewer = await sessionFor(env.pool, await makeUser(env.pool, 'viewer@a.test', [{ role: 'VIEWER' }]));
    const USERS = `{ users(first: 100) { edges { node { id email } } } }`;
    const asAdmin = await gql(env.base, USERS, {}, { cookie: admin });
    expect(asAdmin.body.data.users.edges.map((e: { node: { email: string } }) => e.node.email)).toContain(
      'editor@a.test',
    );
    expect(codeOf(await gql(env.base, USERS, {}, { cookie: viewer }))).toBe('FORBIDDEN');
    expect(codeOf(await gql(env.base, USERS))).toBe('UNAUTHENTICATED');
    // Adoption events never expose who recorded them.
    const sdl = (await import('../../server/src/schema.js')).printSortedSchema(
      await (await import('../../server/src/schema.js')).createSchema(),
    );
    expect(/type AdoptionEvent \{[^}]*(actorUser|email|displayName)/.test(sdl)).toBe(false);
  });
});

describe('identity: API tokens', () => {
  let env: WritesEnv;
  let cookie: string;

  beforeAll(async () => {
    env = await startWritesApp();
    cookie = await sessionFor(
      env.pool,
      await makeUser(env.pool, 'integrator@a.test', [{ role: 'EDITOR', municipality: A }]),
    );
  });
  afterAll(async () => env?.close());

  const CREATE = `mutation($i: CreateApiTokenInput!) { createApiToken(input: $i) { secret token { id name prefix scopes grants { municipalityCode } lastUsedAt } } }`;

  it('createApiToken: unauthenticated → forbidden (token) → invalid → happy path; the secret is shown once and stored hashed', async () => {
    const input = { name: 'sync', scopes: ['READ', 'WRITE_ADOPTIONS'], grants: [{ municipalityCode: A }] };
    expect(codeOf(await gql(env.base, CREATE, { i: input }))).toBe('UNAUTHENTICATED');

    const invalid = await gql(env.base, CREATE, { i: { ...input, grants: [] } }, { cookie });
    expect(codeOf(invalid)).toBe('BAD_USER_INPUT');
    const outside = await gql(env.base, CREATE, { i: { ...input, grants: [{ municipalityCode: B }] } }, { cookie });
    expect(codeOf(outside)).toBe('FORBIDDEN');

    const ok = await gql(env.base, CREATE, { i: input }, { cookie });
    expect(ok.body.errors).toBeUndefined();
    const { secret, token } = ok.body.data.createApiToken;
    expect(secret).toMatch(new RegExp(`^atlas_${token.prefix}_[A-Za-z0-9_-]{43}$`));
    expect(token.grants).toEqual([{ municipalityCode: A }]);
    expect(await count(env.pool, 'api_token', `token_hash = encode(sha256($1::bytea), 'hex')`, [secret])).toBe(1);
    expect(JSON.stringify(await env.pool.query(`SELECT * FROM api_token`).then((r) => r.rows))).not.toContain(
      secret.slice(15),
    );

    // A token cannot mint tokens.
    expect(codeOf(await gql(env.base, CREATE, { i: input }, { token: secret }))).toBe('FORBIDDEN');

    // Bearer works; last use is recorded; the list never shows the secret.
    const me = await gql(env.base, `{ me { email } myApiTokens { id prefix lastUsedAt } }`, {}, { token: secret });
    expect(me.body.data.me.email).toBe('integrator@a.test');
    expect(JSON.stringify(me.body)).not.toContain(secret);
    await new Promise((r) => setTimeout(r, 100));
    expect(await count(env.pool, 'api_token', 'id = $1 AND last_used_at IS NOT NULL', [Number(token.id)])).toBe(1);
  });

  it('a token in the query string is refused with 400 / UNAUTHENTICATED', async () => {
    for (const param of ['token', 'access_token']) {
      const res = await fetch(`${env.base}/graphql?${param}=atlas_00000000_${'x'.repeat(43)}&query=%7Bme%7Bid%7D%7D`);
      expect(res.status).toBe(400);
      expect(((await res.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe(
        'UNAUTHENTICATED',
      );
    }
  });

  it('malformed, unknown, revoked and expired tokens → 401 UNAUTHENTICATED', async () => {
    const make = await gql(env.base, CREATE, { i: { name: 'short-lived', scopes: ['READ'] } }, { cookie });
    const { secret, token } = make.body.data.createApiToken;
    expect((await gql(env.base, `{ me { email } }`, {}, { token: secret })).body.data.me.email).toBe(
      'integrator@a.test',
    );

    for (const bad of ['nonsense', `atlas_00000000_${'A'.repeat(43)}`]) {
      const r = await gql(env.base, `{ me { email } }`, {}, { token: bad });
      expect(r.status).toBe(401);
      expect(codeOf(r)).toBe('UNAUTHENTICATED');
    }

    await env.pool.query(`UPDATE api_token SET expires_at = now() - interval '1 second' WHERE id = $1`, [
      Number(token.id),
    ]);
    const expired = await gql(env.base, `{ me { email } }`, {}, { token: secret });
    expect([expired.status, codeOf(expired)]).toEqual([401, 'UNAUTHENTICATED']);
    await env.pool.query(`UPDATE api_token SET expires_at = now() + interval '1 day' WHERE id = $1`, [
      Number(token.id),
    ]);

    // revokeApiToken: unauthenticated → someone else's token (NOT_FOUND, no existence leak) → happy path.
    const REVOKE = `mutation($id: String!) { revokeApiToken(id: $id) { id revokedAt } }`;
    expect(codeOf(await gql(env.base, REVOKE, { id: token.id }))).toBe('UNAUTHENTICATED');
    const other = await sessionFor(env.pool, await makeUser(env.pool, 'other@a.test', [{ role: 'VIEWER' }]));
    expect(codeOf(await gql(env.base, REVOKE, { id: token.id }, { cookie: other }))).toBe('NOT_FOUND');
    expect(codeOf(await gql(env.base, REVOKE, { id: 'abc' }, { cookie }))).toBe('BAD_USER_INPUT');
    const revoked = await gql(env.base, REVOKE, { id: token.id }, { cookie });
    expect(revoked.body.data.revokeApiToken.revokedAt).not.toBeNull();
    const after = await gql(env.base, `{ me { email } }`, {}, { token: secret });
    expect([after.status, codeOf(after)]).toEqual([401, 'UNAUTHENTICATED']);
  });

  it('a token stops working when its holder loses the role its grant relies on', async () => {
    const holder = await makeUser(env.pool, 'holder@a.test', [{ role: 'EDITOR', municipality: B }]);
    const c = await sessionFor(env.pool, holder);
    const { secret } = (
      await gql(
        env.base,
        CREATE,
        { i: { name: 'b', scopes: ['WRITE_ADOPTIONS'], grants: [{ municipalityCode: B }] } },
        { cookie: c },
      )
    ).body.data.createApiToken;
    const RECORD = `mutation($i: RecordAdoptionStatusInput!) { recordAdoptionStatus(input: $i) { adoption { status } } }`;
    const input = {
      municipalityCode: B,
      solutionSlug: 'open-solution',
      status: 'PLANNED',
      effectiveDate: '2025-01-01',
    };
    expect(
      (await gql(env.base, RECORD, { i: input }, { token: secret })).body.data.recordAdoptionStatus.adoption.status,
    ).toBe('PLANNED');
    await env.pool.query(`DELETE FROM user_role WHERE user_id = $1`, [holder]);
    expect(
      codeOf(await gql(env.base, RECORD, { i: { ...input, expectedVersion: 1, status: 'LIVE' } }, { token: secret })),
    ).toBe('FORBIDDEN');
  });
});
