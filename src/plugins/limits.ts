/**
 * What one request may ask for, checked after parsing and before execution — so a refused
 * operation makes no AWS call: its depth (fragments flattened, so a router's `_entities` query
 * with named fragments counts like the same query inline; introspection exempt), aliases and
 * directives (GraphQL Armor's rules, HTTP 400 GRAPHQL_VALIDATION_FAILED), its tokens (Apollo's
 * own parser limit: Armor's token rule answers HTTP 500), and batched HTTP requests (refused:
 * one operation per request, so every operation gets its own context, budget and limits).
 * Each message names the limit and its value.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { ValidationRule } from 'graphql';
import type { Limits } from '../config';

export type LimitName = 'depth' | 'aliases' | 'directives' | 'tokens' | 'batch' | 'aws_calls';

/** Told about every refused request (metrics). */
export type RefusalObserver = (limit: LimitName) => void;

export interface StaticLimits {
  validationRules: ValidationRule[];
  plugins: ApolloServerPlugin[];
  parseOptions: { maxTokens: number };
}

export function staticLimits(limits: Limits, refused: RefusalObserver): StaticLimits {
  const counting = (limit: LimitName) => ({
    exposeLimits: true,
    propagateOnRejection: true,
    onReject: [() => refused(limit)],
  });
  const armor = new ApolloArmor({
    maxDepth: {
      n: limits.maxDepth,
      flattenFragments: true,
      ignoreIntrospection: true,
      ...counting('depth'),
    },
    maxAliases: { n: limits.maxAliases, ...counting('aliases') },
    maxDirectives: { n: limits.maxDirectives, ...counting('directives') },
    // Replaced by Apollo's parseOptions.maxTokens below (Armor's answers HTTP 500).
    maxTokens: { enabled: false },
    // The AWS-call estimate is this gateway's cost limit (plugins/cost).
    costLimit: { enabled: false },
    // Hints are hidden by Apollo when introspection is off; in development they help.
    blockFieldSuggestion: { enabled: false },
  }).protect();
  const tokens: ApolloServerPlugin = {
    async requestDidStart() {
      return {
        async parsingDidStart() {
          return async (error) => {
            // graphql-js: "Document contains more that N tokens. Parsing aborted."
            if (error && /more th\w+ \d+ tokens/.test(error.message)) refused('tokens');
          };
        },
      };
    },
  };
  return {
    validationRules: armor.validationRules,
    plugins: [...armor.plugins, tokens],
    parseOptions: { maxTokens: limits.maxTokens },
  };
}
