import { AwsServiceError } from '../../../src/emulator/errors';
import { Faults, parseFaultRule } from '../../../src/emulator/faults';

const OPERATIONS = ['GetMembership', 'ListMemberships'];

/** A random source that returns the given values in turn. */
function sequence(...values: number[]): () => number {
  let i = 0;
  return () => values[i++ % values.length] as number;
}

describe('Faults.apply', () => {
  it('does nothing without rules', async () => {
    expect(await new Faults().apply('GetMembership')).toBeUndefined();
  });

  it('fails when the random draw is below errorRate', async () => {
    const faults = new Faults(sequence(0.29, 0.3, 0.9));
    faults.add({ errorType: 'ThrottlingException', errorRate: 0.3 });
    const first = await faults.apply('GetMembership');
    expect(first).toBeInstanceOf(AwsServiceError);
    expect(first).toMatchObject({ errorType: 'ThrottlingException', status: 429 });
    expect(await faults.apply('GetMembership')).toBeUndefined(); // 0.3 is not < 0.3
    expect(await faults.apply('GetMembership')).toBeUndefined();
  });

  it('fires every time when errorType is given without a rate', async () => {
    const faults = new Faults(sequence(0.999));
    faults.add({ errorType: 'InternalServerException' });
    for (let i = 0; i < 3; i++) {
      expect(await faults.apply('ListMemberships')).toMatchObject({
        errorType: 'InternalServerException',
        status: 500,
        message: 'Injected fault: InternalServerException',
      });
    }
  });

  it('defaults to InternalServerException when only a rate is given', async () => {
    const faults = new Faults(sequence(0));
    faults.add({ errorRate: 1 });
    expect(await faults.apply('GetMembership')).toMatchObject({
      errorType: 'InternalServerException',
    });
  });

  it('stops after `times` errors', async () => {
    const faults = new Faults(sequence(0));
    faults.add({ errorType: 'ThrottlingException', times: 2 });
    const results = [];
    for (let i = 0; i < 4; i++) results.push((await faults.apply('GetMembership'))?.errorType);
    expect(results).toEqual(['ThrottlingException', 'ThrottlingException', undefined, undefined]);
  });

  it('counts `times` only for errors that fired', async () => {
    const faults = new Faults(sequence(0.9, 0.1, 0.9, 0.1, 0.1));
    faults.add({ errorType: 'ThrottlingException', errorRate: 0.5, times: 2 });
    const results = [];
    for (let i = 0; i < 5; i++) results.push((await faults.apply('GetMembership'))?.errorType);
    expect(results).toEqual([
      undefined,
      'ThrottlingException',
      undefined,
      'ThrottlingException',
      undefined,
    ]);
  });

  it('applies an operation rule only to that operation', async () => {
    const faults = new Faults(sequence(0));
    faults.add({ operation: 'GetMembership', errorType: 'ThrottlingException' });
    expect(await faults.apply('ListMemberships')).toBeUndefined();
    expect(await faults.apply('GetMembership')).toBeDefined();
  });

  it('never fails for a latency-only rule, and waits the sum of the matching latencies', async () => {
    const waits: number[] = [];
    const faults = new Faults(sequence(0), async (ms) => {
      waits.push(ms);
    });
    faults.add({ latencyMs: 30 });
    faults.add({ operation: 'GetMembership', latencyMs: 12 });
    faults.add({ operation: 'ListMemberships', latencyMs: 1000 });
    expect(await faults.apply('GetMembership')).toBeUndefined();
    expect(await faults.apply('DeleteMembership')).toBeUndefined();
    expect(waits).toEqual([42, 30]);
  });

  it('does not wait at all without latency', async () => {
    const sleep = jest.fn(async () => {});
    const faults = new Faults(sequence(0), sleep);
    faults.add({ errorType: 'ThrottlingException' });
    await faults.apply('GetMembership');
    expect(sleep).not.toHaveBeenCalled();
  });

  it('waits on a timer by default', async () => {
    jest.useFakeTimers();
    try {
      const faults = new Faults(sequence(0));
      faults.add({ latencyMs: 30 });
      let done = false;
      const applied = faults.apply('GetMembership').then(() => {
        done = true;
      });
      await jest.advanceTimersByTimeAsync(29);
      expect(done).toBe(false);
      await jest.advanceTimersByTimeAsync(1);
      await applied;
      expect(done).toBe(true);
    } finally {
      jest.useRealTimers();
    }
  });

  it('answers the first matching rule that fires', async () => {
    const faults = new Faults(sequence(0));
    faults.add({ operation: 'ListMemberships', errorType: 'ConflictException' });
    faults.add({ errorType: 'ThrottlingException' });
    expect((await faults.apply('ListMemberships'))?.errorType).toBe('ConflictException');
    expect((await faults.apply('GetMembership'))?.errorType).toBe('ThrottlingException');
  });

  it.each([
    ['ResourceNotFoundException', 404, { resourceId: 'injected', resourceType: 'MEMBERSHIP' }],
    ['ServiceQuotaExceededException', 402, { quotaName: 'Injected quota', quotaValue: 0 }],
    ['ConflictException', 409, { reason: 'INVALID_STATE' }],
    ['ValidationException', 400, { reason: 'FIELD_VALIDATION_FAILED', fieldList: [] }],
    ['AccessDeniedException', 403, { reason: 'INSUFFICIENT_PERMISSIONS' }],
    ['ThrottlingException', 429, {}],
    ['InternalServerException', 500, {}],
    ['SerializationException', 400, {}],
  ])('injects %s with status %i and the modeled fields required', async (type, status, fields) => {
    const faults = new Faults(sequence(0));
    faults.add({ errorType: type });
    const error = await faults.apply('GetMembership');
    expect(error?.status).toBe(status);
    expect(error?.fields).toEqual(fields);
  });

  it('clear() removes every rule and list() hides the counters', async () => {
    const faults = new Faults(sequence(0));
    faults.add({ errorType: 'ThrottlingException', times: 1 });
    await faults.apply('GetMembership');
    expect(faults.list()).toEqual([{ errorType: 'ThrottlingException', times: 1 }]);
    faults.clear();
    expect(faults.list()).toEqual([]);
  });
});

describe('parseFaultRule', () => {
  it('accepts a full rule', () => {
    const rule = {
      operation: 'GetMembership',
      latencyMs: 20,
      errorRate: 0.3,
      errorType: 'ThrottlingException',
      times: 2,
    };
    expect(parseFaultRule(rule, OPERATIONS)).toEqual(rule);
  });

  it('accepts an empty rule (it does nothing)', () => {
    expect(parseFaultRule({}, OPERATIONS)).toEqual({});
  });

  it.each([
    ['a non-object', 'x', /JSON object/],
    ['an array', [], /JSON object/],
    ['null', null, /JSON object/],
    ['an unknown operation', { operation: 'DeleteEverything' }, /operation must be one of/],
    ['a latency above 60 s', { latencyMs: 60_001 }, /latencyMs/],
    ['a string latency', { latencyMs: '20' }, /latencyMs/],
    ['a negative rate', { errorRate: -0.1 }, /errorRate/],
    ['a rate above 1', { errorRate: 1.01 }, /errorRate/],
    ['an unknown error type', { errorType: 'BoomException' }, /errorType/],
    ['fractional times', { times: 1.5 }, /times/],
    ['zero times', { times: 0 }, /times/],
  ])('refuses %s', (_kind, body, message) => {
    const result = parseFaultRule(body, OPERATIONS);
    expect(typeof result).toBe('string');
    expect(result).toMatch(message);
  });
});
