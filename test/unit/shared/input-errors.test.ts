/** Validation trees → the dotted `{ path, message }` list of a BAD_USER_INPUT error. */
import type { ValidationError } from 'class-validator';
import { badUserInput, flattenValidationErrors } from '../../../src/shared/input-errors';

/** A class-validator error node (only the members the flattener reads). */
function node(
  property: string,
  constraints?: Record<string, string>,
  children: ValidationError[] = [],
): ValidationError {
  return { property, constraints, children } as ValidationError;
}

describe('flattenValidationErrors', () => {
  it('joins nested properties with dots', () => {
    const tree = [
      node('defaultResultConfiguration', undefined, [
        node('outputConfiguration', undefined, [
          node('s3', undefined, [node('bucket', { awsConstraint: 'bad bucket' })]),
        ]),
      ]),
    ];
    expect(flattenValidationErrors(tree)).toEqual([
      { path: 'defaultResultConfiguration.outputConfiguration.s3.bucket', message: 'bad bucket' },
    ]);
  });

  it('writes list indexes in brackets', () => {
    const tree = [
      node('tags', undefined, [
        node('0', undefined, [node('key', { awsConstraint: 'too short' })]),
        node('2', undefined, [node('value', { awsConstraint: 'too long' })]),
      ]),
      node('members', undefined, [
        node('1', undefined, [
          node('paymentConfiguration', undefined, [
            node('queryCompute', { nested: 'must be an object' }),
          ]),
        ]),
      ]),
    ];
    expect(flattenValidationErrors(tree)).toEqual([
      { path: 'tags[0].key', message: 'too short' },
      { path: 'tags[2].value', message: 'too long' },
      { path: 'members[1].paymentConfiguration.queryCompute', message: 'must be an object' },
    ]);
  });

  it('reports every constraint of a node, the node before its children', () => {
    const tree = [
      node('tags', { tagList: 'duplicate key' }, [
        node('0', undefined, [node('key', { a: 'x', b: 'y' })]),
      ]),
      node('name', { awsConstraint: 'blank' }),
    ];
    expect(flattenValidationErrors(tree)).toEqual([
      { path: 'tags', message: 'duplicate key' },
      { path: 'tags[0].key', message: 'x' },
      { path: 'tags[0].key', message: 'y' },
      { path: 'name', message: 'blank' },
    ]);
  });

  it('answers nothing for a tree without constraints', () => {
    expect(flattenValidationErrors([])).toEqual([]);
    expect(flattenValidationErrors([node('a', undefined, [node('b')])])).toEqual([]);
  });
});

describe('badUserInput', () => {
  it('is a request error (HTTP 400) by default', () => {
    const error = badUserInput('bad', [{ path: 'id', message: 'm' }]);
    expect(error.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      fields: [{ path: 'id', message: 'm' }],
      http: { status: 400 },
    });
  });

  it('is a plain field error with scope "field"', () => {
    const error = badUserInput('bad', [], { scope: 'field', path: ['a'] });
    expect(error.extensions).toEqual({ code: 'BAD_USER_INPUT', fields: [] });
    expect(error.path).toEqual(['a']);
  });
});
