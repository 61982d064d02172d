/**
 * Authentication of GraphQL requests. With `AUTH_MODE=jwt` every request must carry
 * `Authorization: Bearer <JWT>`, verified with jose against the remote JSON Web Key Set
 * (cached, refetched for an unknown key id with a cooldown), the issuer, the audiences, the
 * allowed asymmetric algorithms (never `none`, never HMAC) and a clock tolerance. Anything else —
 * no token, an expired, forged or foreign one, or keys that cannot be fetched — is refused with
 * HTTP 401 before anything executes; a token is never accepted unverified. With `AUTH_MODE=none`
 * every request is the development caller, who may do everything.
 */
import { HeaderMap } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { createRemoteJWKSet, jwtVerify, type JWTPayload } from 'jose';
import type { AuthConfig } from '../config';
import type { Logger } from '../shared/logger';
import { unauthenticatedPrincipal, type Principal } from '../shared/principal';

/** Why a request was refused, for logs and metrics (never the token itself). */
export type AuthFailureReason =
  | 'missing_token'
  | 'malformed'
  | 'expired'
  | 'not_yet_valid'
  | 'wrong_issuer'
  | 'wrong_audience'
  | 'invalid_claims'
  | 'algorithm_not_allowed'
  | 'bad_signature'
  | 'unknown_key'
  | 'keys_unavailable';

export class AuthenticationFailed extends Error {
  constructor(
    readonly reason: AuthFailureReason,
    /** What the client is told: specific where it helps, vague where it would help an attacker. */
    readonly clientMessage: string,
  ) {
    super(`authentication failed: ${reason}`);
    this.name = 'AuthenticationFailed';
  }
}

export interface Authenticator {
  readonly mode: 'none' | 'jwt';
  /** The caller of a request with this Authorization header; throws AuthenticationFailed. */
  authenticate(authorization: string | undefined, clientName?: string): Promise<Principal>;
  /** Fetches the signing keys once at start (logs clearly when it cannot); never throws. */
  warmUp(): Promise<void>;
  /** False while the signing keys have never been fetched (readiness). */
  keysReady(): boolean;
}

const BEARER = /^Bearer[ \t]+([A-Za-z0-9\-_]+\.[A-Za-z0-9\-_]*\.[A-Za-z0-9\-_]*)[ \t]*$/i;

/** `scope` (space-separated, OAuth 2) or `scp` (a list, as Azure AD and Okta send it). */
export function scopesOf(payload: JWTPayload): Set<string> {
  const scopes = new Set<string>();
  const { scope, scp } = payload as { scope?: unknown; scp?: unknown };
  if (typeof scope === 'string') for (const s of scope.split(/\s+/)) if (s) scopes.add(s);
  if (Array.isArray(scp)) for (const s of scp) if (typeof s === 'string' && s) scopes.add(s);
  if (typeof scp === 'string') for (const s of scp.split(/\s+/)) if (s) scopes.add(s);
  return scopes;
}

const INVALID = 'The bearer token is not valid';

/** jose's stable error codes (matched by code: class identity differs between module copies). */
const REASONS: Record<string, AuthFailureReason> = {
  ERR_JWT_EXPIRED: 'expired',
  ERR_JOSE_ALG_NOT_ALLOWED: 'algorithm_not_allowed',
  ERR_JOSE_NOT_SUPPORTED: 'algorithm_not_allowed',
  ERR_JWS_SIGNATURE_VERIFICATION_FAILED: 'bad_signature',
  ERR_JWKS_NO_MATCHING_KEY: 'unknown_key',
  ERR_JWKS_MULTIPLE_MATCHING_KEYS: 'unknown_key',
  ERR_JWS_INVALID: 'malformed',
  ERR_JWT_INVALID: 'malformed',
  ERR_JWK_INVALID: 'malformed',
};

const CLAIMS: Record<string, AuthFailureReason> = {
  iss: 'wrong_issuer',
  aud: 'wrong_audience',
  nbf: 'not_yet_valid',
};

function failureOf(error: unknown): AuthenticationFailed {
  const { code, claim } = (typeof error === 'object' && error !== null ? error : {}) as {
    code?: unknown;
    claim?: unknown;
  };
  if (code === 'ERR_JWT_EXPIRED') {
    return new AuthenticationFailed('expired', 'The bearer token has expired');
  }
  if (code === 'ERR_JWT_CLAIM_VALIDATION_FAILED') {
    const reason =
      typeof claim === 'string' && Object.hasOwn(CLAIMS, claim) ? CLAIMS[claim] : undefined;
    return new AuthenticationFailed(reason ?? 'invalid_claims', INVALID);
  }
  if (typeof code === 'string' && Object.hasOwn(REASONS, code)) {
    return new AuthenticationFailed(REASONS[code] as AuthFailureReason, INVALID);
  }
  // The key set could not be fetched or read: refuse, never accept unverified.
  return new AuthenticationFailed(
    'keys_unavailable',
    'The gateway cannot verify tokens right now (its signing keys are unavailable)',
  );
}

export function createAuthenticator(config: AuthConfig, logger: Logger): Authenticator {
  if (config.mode === 'none' || !config.jwksUrl) {
    return {
      mode: 'none',
      authenticate: async (_authorization, clientName) => unauthenticatedPrincipal(clientName),
      warmUp: async () => {},
      keysReady: () => true,
    };
  }
  const jwksUrl = new URL(config.jwksUrl);
  const keys = createRemoteJWKSet(jwksUrl, {
    cacheMaxAge: 10 * 60_000,
    cooldownDuration: 30_000,
    timeoutDuration: 5_000,
  });
  let fetchedOnce = false;
  return {
    mode: 'jwt',
    async authenticate(authorization, clientName) {
      if (!authorization) {
        throw new AuthenticationFailed('missing_token', 'A bearer token is required');
      }
      const token = BEARER.exec(authorization)?.[1];
      if (!token) {
        throw new AuthenticationFailed(
          'malformed',
          'The Authorization header is not a bearer token',
        );
      }
      try {
        const { payload } = await jwtVerify(token, keys, {
          issuer: config.issuer,
          audience: config.audience,
          algorithms: config.algorithms,
          clockTolerance: config.clockToleranceSeconds,
        });
        fetchedOnce = true;
        return {
          kind: 'jwt',
          subject: typeof payload.sub === 'string' ? payload.sub : undefined,
          scopes: scopesOf(payload),
          clientName,
        };
      } catch (error) {
        const failure = failureOf(error);
        if (failure.reason === 'keys_unavailable') {
          logger.warn(
            { err: error, jwksUrl: jwksUrl.href },
            'could not fetch the JWT signing keys',
          );
        }
        throw failure;
      }
    },
    async warmUp() {
      try {
        await keys.reload();
        fetchedOnce = true;
        logger.info({ jwksUrl: jwksUrl.href }, 'JWT signing keys fetched');
      } catch (error) {
        logger.error(
          { err: error, jwksUrl: jwksUrl.href },
          'JWKS unreachable at start-up: every token is refused until its signing keys can be fetched',
        );
      }
    },
    keysReady: () => fetchedOnce,
  };
}

/** The 401 answer: Apollo sends `extensions.http` as the status and headers (RFC 6750). */
export function unauthenticatedError(failure: AuthenticationFailed): GraphQLError {
  const challenge =
    failure.reason === 'missing_token'
      ? 'Bearer realm="cleanrooms-gateway"'
      : 'Bearer realm="cleanrooms-gateway", error="invalid_token"';
  return new GraphQLError(failure.clientMessage, {
    extensions: {
      code: 'UNAUTHENTICATED',
      http: { status: 401, headers: new HeaderMap([['www-authenticate', challenge]]) },
    },
  });
}
