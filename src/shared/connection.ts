/**
 * Connections: `{ nodes, pageInfo }`, where the cursor is the AWS `nextToken` itself. `PageInfo`
 * is `@shareable` because other subgraphs of a federated graph define the same value type.
 * `Connection(Item)` makes the connection type of one item type (type-graphql's generic-types
 * pattern), so every list has the same shape and this module knows no feature.
 */
import { ArgsType, Directive, Field, Int, ObjectType, type ClassType } from 'type-graphql';
import { AwsConstraint } from './validation';

@Directive('@shareable')
@ObjectType({ description: 'Where a page of a list ends, and whether more follows.' })
export class PageInfo {
  @Field({ description: 'True when another page can be fetched with `after: endCursor`.' })
  hasNextPage!: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'Cursor to pass as `after` for the next page; null on the last page.',
  })
  endCursor?: string | null;
}

@ArgsType()
export class PageArgs {
  @Field(() => Int, {
    nullable: true,
    description: 'Page size, 1 to 100. When omitted, Clean Rooms chooses the page size.',
  })
  @AwsConstraint('ListMemberships', 'maxResults')
  first?: number;

  @Field(() => String, {
    nullable: true,
    description: 'The `pageInfo.endCursor` of the previous page.',
  })
  @AwsConstraint('ListMemberships', 'nextToken')
  after?: string;
}

/** What a connection field resolves to: its nodes (GraphQL sources) and the paging info. */
export interface ConnectionSource<TNode> {
  nodes: TNode[];
  pageInfo: PageInfo;
}

/** The abstract connection type of `itemClass`; subclass it with `@ObjectType` to name it. */
export function Connection<TItem extends object>(itemClass: ClassType<TItem>, itemsName: string) {
  @ObjectType()
  abstract class ConnectionType {
    @Field(() => [itemClass], { description: `The ${itemsName} of this page.` })
    nodes!: TItem[];

    @Field(() => PageInfo, { description: 'Paging information.' })
    pageInfo!: PageInfo;
  }
  return ConnectionType;
}

export function pageInfo(nextToken: string | undefined): PageInfo {
  return { hasNextPage: nextToken !== undefined, endCursor: nextToken ?? null };
}
