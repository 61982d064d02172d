import { EmulatorState, type MembershipRecord } from '../../../src/emulator/model';

const membership = (id: string): MembershipRecord => ({
  id,
  arn: `arn:aws:cleanrooms:eu-west-1:222222222222:membership/${id}`,
  accountId: '222222222222',
  collaborationId: 'c',
  collaborationArn: 'arn',
  collaborationCreatorAccountId: '111111111111',
  collaborationCreatorDisplayName: 'Creator',
  collaborationName: 'Name',
  createTime: 1,
  updateTime: 1,
  status: 'ACTIVE',
  memberAbilities: [],
  queryLogStatus: 'DISABLED',
  paymentConfiguration: { queryCompute: { isResponsible: false } },
});

describe('EmulatorState', () => {
  it('stores a region only once something is written to it', () => {
    const state = new EmulatorState();
    expect(state.region('no-such-region-1').memberships.size).toBe(0);
    expect(state.regionNames()).toEqual([]);

    state.region('eu-west-1').addMembership(membership('m1'));
    state.region('eu-west-1').setTags('arn', new Map([['k', 'v']]));
    expect(state.regionNames()).toEqual(['eu-west-1']);
    expect([...state.region('eu-west-1').memberships.keys()]).toEqual(['m1']);
    expect(state.region('us-east-1').memberships.size).toBe(0);
  });

  it('keeps regions apart, even for the same id', () => {
    const state = new EmulatorState();
    state.region('eu-west-1').addMembership(membership('same'));
    state.region('us-east-2').addMembership({ ...membership('same'), accountId: '333333333333' });
    state.region('eu-west-1').deleteMembership('same');
    expect(state.region('eu-west-1').memberships.has('same')).toBe(false);
    expect(state.region('us-east-2').memberships.get('same')?.accountId).toBe('333333333333');
  });

  it('refuses a second, detached copy of a stored region', () => {
    const state = new EmulatorState();
    const early = state.region('eu-west-1');
    const late = state.region('eu-west-1');
    early.addMembership(membership('a'));
    expect(() => late.addMembership(membership('b'))).toThrow(/stored twice/);
  });
});
