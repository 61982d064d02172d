/**
 * The HAProxy configuration in front of a gateway fleet, as text. docker/haproxy.cfg is this
 * function's output for compose (plus comments that explain each choice), and
 * test/unit/deployment.test.ts fails when the two drift apart; a test that runs gateways on local
 * ports renders its own copy with the same timeouts, health checks and retry rules, so what it
 * proves holds for the compose load balancer too.
 */

export interface HaproxyServer {
  /** Server name in HAProxy's logs and stats (compose uses the service name). */
  name: string;
  /** Host name or IPv4 address of the replica (HAProxy would read an IPv6 one's colons as a port). */
  host: string;
  port: number;
}

export interface HaproxyConfigOptions {
  /** Address of the frontend, as HAProxy's `bind` takes it: `:4000`, `127.0.0.1:14000`. */
  bind: string;
  servers: readonly HaproxyServer[];
  /**
   * A DNS server (`127.0.0.11:53` is Docker's embedded one) that HAProxy asks again at run time,
   * so a replica that is recreated with a new address is found again. Omit it for IP addresses.
   */
  nameserver?: string;
}

/** Name of the `resolvers` section when `nameserver` is given. */
const RESOLVERS = 'docker';

/** Process-wide settings: logs to stdout (the container's log stream). */
export const HAPROXY_GLOBAL: readonly string[] = ['log stdout format raw local0', 'maxconn 4096'];

/** Timeouts and logging shared by the frontend and the backend. */
export const HAPROXY_DEFAULTS: readonly string[] = [
  'mode http',
  'log global',
  'option httplog',
  'option dontlognull',
  'timeout connect 2s',
  'timeout client 30s',
  'timeout server 30s',
  'timeout http-request 10s',
  'timeout http-keep-alive 10s',
  'timeout queue 5s',
  'timeout check 3s',
];

/** Balancing, health checks and retries of the replicas (the `server` lines come after). */
export const HAPROXY_BACKEND: readonly string[] = [
  'balance roundrobin',
  'option httpchk GET /health/ready',
  'http-check expect status 200',
  'option forwardfor',
  'option http-server-close',
  'retries 3',
  'option redispatch 1',
  'retry-on conn-failure empty-response response-timeout',
  'http-request disable-l7-retry unless METH_GET || METH_OPTIONS',
  'default-server inter 1s fall 2 rise 2 init-addr last,libc,none',
];

function section(header: string, directives: readonly string[]): string {
  return [header, ...directives.map((d) => `    ${d}`)].join('\n');
}

/** Renders the whole configuration; pass it to `haproxy -f` (write it to a file first). */
export function haproxyConfig(options: HaproxyConfigOptions): string {
  if (options.servers.length === 0) throw new Error('haproxyConfig needs at least one server');
  const ipv6 = options.servers.find((s) => s.host.includes(':'));
  if (ipv6) throw new Error(`haproxyConfig: use a host name or IPv4 address, not ${ipv6.host}`);
  const resolvers = options.nameserver === undefined ? '' : ` resolvers ${RESOLVERS}`;
  const servers = options.servers.map(
    (s) => `server ${s.name} ${s.host}:${s.port} check${resolvers}`,
  );
  const sections = [
    section('global', HAPROXY_GLOBAL),
    section('defaults', HAPROXY_DEFAULTS),
    ...(options.nameserver === undefined
      ? []
      : [
          section(`resolvers ${RESOLVERS}`, [
            `nameserver dns ${options.nameserver}`,
            'hold valid 10s',
          ]),
        ]),
    section('frontend graphql', [`bind ${options.bind}`, 'default_backend gateways']),
    section('backend gateways', [...HAPROXY_BACKEND, ...servers]),
  ];
  return `${sections.join('\n\n')}\n`;
}
