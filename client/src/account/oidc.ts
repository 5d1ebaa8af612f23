/**
 * Whether to offer "Inloggen met uw organisatie-account" (the server's /auth/oidc/login). The
 * server registers that route only when OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_REDIRECT_URI are
 * set, and the API does not say so, so the build states it: VITE_OIDC_SIGN_IN=true.
 */
export const OIDC_LOGIN_PATH = '/auth/oidc/login';

export function oidcSignInOffered(): boolean {
  return import.meta.env.VITE_OIDC_SIGN_IN === 'true';
}
