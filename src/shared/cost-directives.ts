/**
 * The demand-control weights routers read (federation `@cost` / `@listSize`), declared on the
 * fields themselves: `@AwsCall()` on every field whose resolver may call AWS, `@PagedList()` on
 * every connection field, sized by `first` (or the largest AWS page when it is omitted). The
 * gateway's own estimate (plugins/cost/estimate.ts) follows the same rules, more precisely: it
 * knows which fields a list already returned.
 */
import { Directive } from 'type-graphql';

/** The most items AWS returns in one page (`maxResults` 1–100): the size of an unsized list. */
export const LARGEST_PAGE = 100;

export function AwsCall(): MethodDecorator & PropertyDecorator {
  return Directive('@cost(weight: 1)');
}

export function PagedList(): MethodDecorator & PropertyDecorator {
  return Directive(
    `@listSize(assumedSize: ${LARGEST_PAGE}, slicingArguments: ["first"], sizedFields: ["nodes"], requireOneSlicingArgument: false)`,
  );
}
