/**
 * A local identity provider for the authentication tests: signing keys (RSA and EC), a JWKS
 * endpoint on a free port, and tokens minted on demand — valid ones and every kind of bad one.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  exportJWK,
  generateKeyPair,
  SignJWT,
  type JWK,
  type JWTPayload,
  type KeyObject,
} from 'jose';

export const ISSUER = 'https://idp.test.example/';
export const AUDIENCE = 'cleanrooms-gateway';

export interface SigningKey {
  kid: string;
  alg: 'RS256' | 'ES256';
  privateKey: KeyObject | Parameters<SignJWT['sign']>[0];
  publicJwk: JWK;
}

async function signingKey(kid: string, alg: 'RS256' | 'ES256'): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true });
  const publicJwk = { ...(await exportJWK(publicKey)), kid, alg, use: 'sig' };
  return { kid, alg, privateKey, publicJwk };
}

export interface IdentityProvider {
  jwksUrl: string;
  rsa: SigningKey;
  ec: SigningKey;
  /** A key the JWKS does not publish. */
  stranger: SigningKey;
  /** How many times the JWKS was fetched. */
  fetches(): number;
  mint(claims?: JWTPayload, options?: MintOptions): Promise<string>;
  close(): Promise<void>;
}

/** The gateway environment that verifies this provider's tokens (issuer and audience checked). */
export function jwtEnv(idp: Pick<IdentityProvider, 'jwksUrl'>): Record<string, string> {
  return {
    AUTH_MODE: 'jwt',
    AUTH_JWKS_URL: idp.jwksUrl,
    AUTH_ISSUER: ISSUER,
    AUTH_AUDIENCE: AUDIENCE,
  };
}

export interface MintOptions {
  key?: SigningKey;
  /** Header `kid` (defaults to the key's). */
  kid?: string;
  issuer?: string;
  audience?: string;
  /** Seconds from now (negative = in the past). */
  expiresIn?: number;
  notBefore?: number;
}

export async function startIdentityProvider(port = 0): Promise<IdentityProvider> {
  const [rsa, ec, stranger] = await Promise.all([
    signingKey('rsa-1', 'RS256'),
    signingKey('ec-1', 'ES256'),
    signingKey('rsa-1', 'RS256'),
  ]);
  let fetched = 0;
  const server: Server = createServer((req, res) => {
    if (req.url !== '/.well-known/jwks.json') {
      res.writeHead(404).end();
      return;
    }
    fetched++;
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ keys: [rsa.publicJwk, ec.publicJwk] }));
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const address = server.address() as AddressInfo;
  return {
    jwksUrl: `http://127.0.0.1:${address.port}/.well-known/jwks.json`,
    rsa,
    ec,
    stranger,
    fetches: () => fetched,
    async mint(claims = {}, options = {}) {
      const key = options.key ?? rsa;
      const now = Math.floor(Date.now() / 1000);
      const jwt = new SignJWT({ sub: 'user-1', ...claims })
        .setProtectedHeader({ alg: key.alg, kid: options.kid ?? key.kid, typ: 'JWT' })
        .setIssuer(options.issuer ?? ISSUER)
        .setAudience(options.audience ?? AUDIENCE)
        .setIssuedAt(now)
        .setExpirationTime(now + (options.expiresIn ?? 300));
      if (options.notBefore !== undefined) jwt.setNotBefore(now + options.notBefore);
      return jwt.sign(key.privateKey);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A port nothing listens on (taken from the OS, then released). */
export { freePort } from '../../bench/lib/gateway-process';
