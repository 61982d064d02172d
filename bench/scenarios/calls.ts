/**
 * AWS calls per query against the minimum any client could make for the same answer, counted
 * by the emulator. Each minimum is derived from the answer itself (the distinct ids whose
 * details were asked), not assumed.
 */
import type { EmulatorProcess } from '../lib/emulator';
import { gqlOk } from '../lib/graphql';
import type { BenchResults } from '../results-types';

type CallRow = BenchResults['calls'][number];

interface Node {
  id: string;
}
const nodesOf = <T = Node>(value: unknown): T[] => (value as { nodes: T[] }).nodes;

const DETAIL = 'id queryLogStatus jobLogStatus defaultResultConfiguration { roleArn }';

export async function measureCalls(
  url: string,
  emulator: EmulatorProcess,
  /** A gateway acting as an account with a pending invitation, for the mutations. */
  mutations: { url: string; invitedCollaboration: string },
): Promise<CallRow[]> {
  const rows: CallRow[] = [];
  const count = async (scenario: string, run: () => Promise<number>): Promise<void> => {
    const mark = await emulator.mark();
    const minimum = await run();
    const { calls } = await mark.since();
    rows.push({ scenario, awsCalls: calls, minimum, ratio: calls / minimum });
  };

  await count('summary list: memberships(first: 100) { id status collaborationName }', async () => {
    await gqlOk(url, '{ memberships(first: 100) { nodes { id status collaborationName } } }');
    return 1; // ListMemberships
  });

  for (const n of [1, 10, 50, 100]) {
    await count(
      `detail list, N = ${n}: memberships(first: ${n}) with Get-only fields`,
      async () => {
        const answer = await gqlOk(
          url,
          `query ($n: Int) { memberships(status: ACTIVE, first: $n) { nodes { ${DETAIL} } } }`,
          { n },
        );
        const nodes = nodesOf(answer.data?.memberships);
        return 1 + nodes.length; // ListMemberships + one GetMembership per membership
      },
    );
  }

  await count(
    'repeated ids: each membership reached from its collaboration and from the list',
    async () => {
      const answer = await gqlOk(
        url,
        `{
        collaborations(memberStatus: ACTIVE, first: 100) { nodes { id membership { ${DETAIL} } } }
        memberships(status: ACTIVE, first: 100) { nodes { ${DETAIL} } }
      }`,
      );
      const ids = new Set<string>();
      for (const c of nodesOf<{ membership: Node | null }>(answer.data?.collaborations)) {
        if (c.membership) ids.add(c.membership.id);
      }
      for (const m of nodesOf(answer.data?.memberships)) ids.add(m.id);
      return 2 + ids.size; // two lists + one Get per distinct membership
    },
  );

  await count(
    '_entities: 40 representations, 10 memberships and 10 collaborations twice each',
    async () => {
      const list = await gqlOk(
        url,
        '{ memberships(status: ACTIVE, first: 10) { nodes { id collaborationId } } }',
      );
      const members = nodesOf<Node & { collaborationId: string }>(list.data?.memberships);
      const representations = [
        ...members.map((m) => ({ __typename: 'Membership', id: m.id })),
        ...members.map((m) => ({ __typename: 'Collaboration', id: m.collaborationId })),
      ];
      await gqlOk(
        url,
        `query ($r: [_Any!]!) { _entities(representations: $r) {
        ... on Membership { id queryLogStatus }
        ... on Collaboration { id name description }
      } }`,
        { r: [...representations, ...representations] },
      );
      // the list + one Get per distinct membership and per distinct collaboration
      return 1 + new Set(representations.map((r) => `${r.__typename}:${r.id}`)).size;
    },
  );

  {
    const { url: writer, invitedCollaboration: collaboration } = mutations;
    await count(
      'mutation then read: createMembership (full answer), then membership(id) details',
      async () => {
        const created = await gqlOk(
          writer,
          `mutation ($c: ID!) { createMembership(input: { collaborationIdentifier: $c, queryLogStatus: DISABLED }) { ${DETAIL} status } }`,
          { c: collaboration },
        );
        const id = (created.data?.createMembership as Node).id;
        await gqlOk(writer, `query ($id: ID!) { membership(id: $id) { ${DETAIL} } }`, { id });
        return 2; // CreateMembership answers the whole membership; the next request reads it once
      },
    );
    await count('mutation then read: updateMembership, then membership(id) details', async () => {
      const created = await gqlOk(
        writer,
        '{ memberships(status: ACTIVE, first: 1) { nodes { id } } }',
      );
      const id = nodesOf(created.data?.memberships)[0]?.id;
      await gqlOk(
        writer,
        `mutation ($id: ID!) { updateMembership(input: { membershipIdentifier: $id, queryLogStatus: ENABLED }) { ${DETAIL} } }`,
        { id },
      );
      await gqlOk(writer, `query ($id: ID!) { membership(id: $id) { ${DETAIL} } }`, { id });
      return 3; // the list, UpdateMembership (answers the whole membership), the read
    });
  }
  return rows;
}
