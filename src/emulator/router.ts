/**
 * Turns a raw REST-JSON request into (operation, input) exactly as the Clean Rooms front end
 * would: match method + path template, split the path on `/` *before* percent-decoding each
 * segment (ARN labels carry `%2F`), read query members by their model names (repeated keys for
 * lists), and read body members from a JSON object. Anything unreadable is a
 * SerializationException; an unknown route is a 404 UnknownOperationException.
 */
import { operationSpec, OPERATION_NAMES, type OperationName } from '../constraints/table';
import { isPlainObject } from '../constraints/check';
import { AwsServiceError, fail } from './errors';
import { ownField } from './own';
import type { EmulatorRequest } from './protocol';

interface Route {
  operation: OperationName;
  method: string;
  /** Template segments: literals, or `{label}`. */
  segments: string[];
}

const ROUTES: Route[] = OPERATION_NAMES.map((operation) => {
  const { method, uri } = operationSpec(operation).http;
  return { operation, method, segments: uri.split('/').slice(1) };
});

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw fail.serialization(
      `Malformed percent-encoding in path segment '${segment.slice(0, 64)}'`,
    );
  }
}

export interface RouteMatch {
  operation: OperationName;
  labels: Record<string, string>;
}

/** Finds the operation for a method and raw path; undefined when none matches. */
export function matchRoute(method: string, rawPath: string): RouteMatch | undefined {
  const segments = rawPath.split('/').slice(1);
  for (const route of ROUTES) {
    if (route.method !== method.toUpperCase() || route.segments.length !== segments.length)
      continue;
    const raw: Array<[string, string]> = [];
    const ok = route.segments.every((template, i) => {
      const actual = segments[i] ?? '';
      if (template.startsWith('{') && template.endsWith('}')) {
        raw.push([template.slice(1, -1), actual]);
        return true;
      }
      return template === actual;
    });
    if (ok) {
      // Decoded only once the route matched: a bad escape elsewhere is not this route's error.
      const labels = Object.fromEntries(raw.map(([name, value]) => [name, decodeSegment(value)]));
      return { operation: route.operation, labels };
    }
  }
  return undefined;
}

export function unknownOperation(method: string, path: string): AwsServiceError {
  return new AwsServiceError(
    'UnknownOperationException',
    `No operation matches ${method} ${path.slice(0, 200)}`,
  );
}

/** Parses a raw query string into repeated-key lists (`+` and `%20` both mean a space). */
export function parseQuery(raw: string): Map<string, string[]> {
  const params = new Map<string, string[]>();
  if (!raw) return params;
  for (const part of raw.split('&')) {
    if (!part) continue;
    const eq = part.indexOf('=');
    const [k, v] = eq < 0 ? [part, ''] : [part.slice(0, eq), part.slice(eq + 1)];
    const decode = (s: string) => decodeSegment(s.replace(/\+/g, ' '));
    const key = decode(k);
    params.set(key, [...(params.get(key) ?? []), decode(v)]);
  }
  return params;
}

/** Builds the operation input from labels, query and body, by the model's member locations. */
export function readInput(match: RouteMatch, request: EmulatorRequest): Record<string, unknown> {
  const spec = operationSpec(match.operation);
  const topLevel = spec.input.filter((e) => !/[.[{]/.test(e.path));
  const hasBody = topLevel.some((e) => e.location === 'body');
  const body = hasBody ? parseBody(request.body) : {};
  const query = parseQuery(request.query);
  const input: Record<string, unknown> = {};
  for (const entry of topLevel) {
    const name = entry.path;
    switch (entry.location) {
      case 'uri':
        input[name] = match.labels[entry.locationName ?? name];
        break;
      case 'querystring': {
        const values = query.get(entry.locationName ?? name);
        const [text] = values ?? [];
        if (!values || text === undefined) break;
        if (entry.type === 'list') input[name] = values;
        else if (entry.type === 'integer') {
          if (!/^-?\d{1,15}$/.test(text)) {
            throw fail.serialization(
              `Value '${text.slice(0, 64)}' for query parameter '${name}' is not an integer`,
            );
          }
          input[name] = Number(text);
        } else if (text !== '' || name !== 'nextToken') input[name] = text;
        break;
      }
      default: {
        const value = ownField(body, name);
        if (value !== undefined) input[name] = value;
      }
    }
  }
  return input;
}

function parseBody(raw: Buffer): Record<string, unknown> {
  if (raw.length === 0) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw.toString('utf8'));
  } catch {
    throw fail.serialization('The request body is not valid JSON');
  }
  if (!isPlainObject(parsed)) throw fail.serialization('The request body must be a JSON object');
  return parsed;
}
