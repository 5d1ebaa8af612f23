import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../server/src/database.js';
import { count, gql, startWritesApp, type WritesEnv } from './writes-support.js';

// jose is a dev dependency of the server package (the tests live outside it).
type CryptoKey = import('node:crypto').webcrypto.CryptoKey;
interface Jose {
  generateKeyPair(alg: string): Promise<{ publicKey: CryptoKey; privateKey: CryptoKey }>;
  exportJWK(key: CryptoKey): Promise<Record<string, unknown>>;
  SignJWT: new (claims: Record<string, unknown>) => {
    setProtectedHeader(h: Record<string, string>): InstanceType<Jose['SignJWT']>;
    setIssuer(v: string): InstanceType<Jose['SignJWT']>;
    setAudience(v: string): InstanceType<Jose['SignJWT']>;
    setSubject(v: string): InstanceType<Jose['SignJWT']>;
    setIssuedAt(): InstanceType<Jose['SignJWT']>;
    setExpirationTime(v: string): InstanceType<Jose['SignJWT']>;
    sign(key: CryptoKey): Promise<string>;
  };
}
const { SignJWT, exportJWK, generateKeyPair } = (await import(
  createRequire(new URL('../../server/package.json', import.meta.url)).resolve('jose')
)) as Jose;

/**
 * A tiny OIDC issuer on node:http: discovery, JWKS and a token endpoint that redeems codes the
 * test registers (checking the PKCE verifier). The authorization step itself is the test.
 */
async function startIssuer() {
  const { publicKey, privateKey } = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'test-key', alg: 'RS256', use: 'sig' };
  const codes = new Map<string, { challenge: string; nonce: string; sub: string; email: string; name: string }>();
  let issuer = '';
  const server: Server = createServer((req, res) => {
    const send = (status: number, body: unknown) =>
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    if (req.url === '/.well-known/openid-configuration') {
      return send(200, {
        issuer,
        authorization_endpoint: `${issuer}/authorize`,
        token_endpoint: `${issuer}/token`,
        jwks_uri: `${issuer}/jwks`,
        response_types_supported: ['code'],
        subject_types_supported: ['public'],
        id_token_signing_alg_values_supported: ['RS256'],
        code_challenge_methods_supported: ['S256'],
        token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
      });
    }
    if (req.url === '/jwks') return send(200, { keys: [jwk] });
    if (req.url === '/token' && req.method === 'POST') {
      let raw = '';
      req.on('data', (c) => (raw += c));
      req.on('end', async () => {
        const form = new URLSearchParams(raw);
        const grant = codes.get(form.get('code') ?? '');
        codes.delete(form.get('code') ?? '');
        const verifier = form.get('code_verifier') ?? '';
        if (!grant || createHash('sha256').update(verifier).digest('base64url') !== grant.challenge)
          return send(400, { error: 'invalid_grant' });
        const idToken = await new SignJWT({ nonce: grant.nonce, email: grant.email, name: grant.name })
          .setProtectedHeader({ alg: 'RS256', kid: 'test-key' })
          .setIssuer(issuer)
          .setAudience('atlas')
          .setSubject(grant.sub)
          .setIssuedAt()
          .setExpirationTime('5m')
          .sign(privateKey);
        send(200, { access_token: 'opaque', token_type: 'Bearer', expires_in: 300, id_token: idToken });
      });
      return;
    }
    send(404, { error: 'not_found' });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { issuer, codes, close: () => new Promise<void>((r) => server.close(() => r())) };
}

describe('identity: OIDC sign-in against a local test issuer', () => {
  let issuer: Awaited<ReturnType<typeof startIssuer>>;
  let env: WritesEnv;

  beforeAll(async () => {
    issuer = await startIssuer();
    const port = await freePort();
    env = await startWritesApp(
      {
        OIDC_ISSUER: issuer.issuer,
        OIDC_CLIENT_ID: 'atlas',
        OIDC_CLIENT_SECRET: 'client-secret',
        OIDC_REDIRECT_URI: `http://127.0.0.1:${port}/auth/oidc/callback`,
        OIDC_ALLOW_HTTP: 'true',
      },
      port,
    );
  });
  afterAll(async () => {
    await env?.close();
    await issuer?.close();
  });

  /** /auth/oidc/login → the issuer's authorize URL and the state cookie. */
  async function start() {
    const res = await fetch(`${env.base}/auth/oidc/login`, { redirect: 'manual' });
    expect(res.status).toBe(302);
    const location = new URL(res.headers.get('location')!);
    expect(location.origin + location.pathname).toBe(`${issuer.issuer}/authorize`);
    expect(location.searchParams.get('code_challenge_method')).toBe('S256');
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/atlas_oidc_state=.*HttpOnly.*SameSite=Lax/i);
    return { params: location.searchParams, stateCookie: cookie.split(';')[0]! };
  }

  async function callback(code: string, state: string, stateCookie: string) {
    return fetch(`${env.base}/auth/oidc/callback?code=${code}&state=${state}`, {
      redirect: 'manual',
      headers: { cookie: stateCookie },
    });
  }

  it('creates a VIEWER on first sign-in, maps later sign-ins by issuer + subject, and signs the browser in', async () => {
    const { params, stateCookie } = await start();
    issuer.codes.set('code-1', {
      challenge: params.get('code_challenge')!,
      nonce: params.get('nonce')!,
      sub: 'sub-42',
      email: 'Ambtenaar@Gemeente.test',
      name: 'Ambtenaar',
    });
    const res = await callback('code-1', params.get('state')!, stateCookie);
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/');
    const session = /atlas_session=[^;]+/.exec(res.headers.get('set-cookie') ?? '')![0];
    const me = await gql(env.base, `{ me { email displayName roles { role } } }`, {}, { cookie: session });
    expect(me.body.data.me).toEqual({
      email: 'ambtenaar@gemeente.test',
      displayName: 'Ambtenaar',
      roles: [{ role: 'VIEWER' }],
    });

    const again = await start();
    issuer.codes.set('code-2', {
      challenge: again.params.get('code_challenge')!,
      nonce: again.params.get('nonce')!,
      sub: 'sub-42',
      email: 'changed@gemeente.test',
      name: 'X',
    });
    expect((await callback('code-2', again.params.get('state')!, again.stateCookie)).status).toBe(302);
    expect(await count(env.pool, 'app_user', `oidc_subject = 'sub-42' AND oidc_issuer = $1`, [issuer.issuer])).toBe(1);
    expect(await count(env.pool, 'oidc_login')).toBe(0);
  });

  it('refuses a callback without the matching state cookie, a replayed state, and an ID token with the wrong nonce', async () => {
    const { params } = await start();
    issuer.codes.set('code-3', {
      challenge: params.get('code_challenge')!,
      nonce: params.get('nonce')!,
      sub: 'sub-7',
      email: 'x@gemeente.test',
      name: 'X',
    });
    expect((await callback('code-3', params.get('state')!, 'atlas_oidc_state=forged')).status).toBe(400);

    const fresh = await start();
    issuer.codes.set('code-4', {
      challenge: fresh.params.get('code_challenge')!,
      nonce: 'not-the-nonce',
      sub: 'sub-8',
      email: 'y@gemeente.test',
      name: 'Y',
    });
    const wrongNonce = await callback('code-4', fresh.params.get('state')!, fresh.stateCookie);
    expect(wrongNonce.status).toBe(401);
    expect(wrongNonce.headers.get('set-cookie') ?? '').not.toMatch(/atlas_session=[A-Za-z0-9]/);
    expect((await callback('code-4', fresh.params.get('state')!, fresh.stateCookie)).status).toBe(400);
    expect(await count(env.pool, 'app_user', `oidc_subject IN ('sub-7', 'sub-8')`)).toBe(0);
  });

  it('never links an OIDC identity to an existing account by e-mail', async () => {
    await env.pool.query(`INSERT INTO app_user (email, display_name) VALUES ('local@gemeente.test', 'Local')`);
    const { params, stateCookie } = await start();
    issuer.codes.set('code-5', {
      challenge: params.get('code_challenge')!,
      nonce: params.get('nonce')!,
      sub: 'sub-9',
      email: 'local@gemeente.test',
      name: 'Z',
    });
    expect((await callback('code-5', params.get('state')!, stateCookie)).status).toBe(409);
    expect(await count(env.pool, 'app_user', `email = 'local@gemeente.test' AND oidc_subject IS NULL`)).toBe(1);
  });
});
