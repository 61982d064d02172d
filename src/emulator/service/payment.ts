/**
 * Who pays for what. The creator designates payers when it creates the collaboration (the member
 * who can query pays for queries unless someone else is responsible); a member joining or
 * updating its membership may only confirm what the creator designated.
 */
import { fail } from '../errors';
import type { MemberSpecification } from '../inputs';
import type { MemberRecord, PaymentConfiguration, Responsibility } from '../model';
import { QUERY_ABILITY } from './context';

interface Designation {
  abilities: string[];
  payment?: PaymentConfiguration;
}

/**
 * Checks the creator's payment designations and returns who pays for queries by default: the
 * querier, unless some member was explicitly made responsible.
 */
export function checkDesignatedPayers(
  creator: Designation,
  members: MemberSpecification[],
): { someoneResponsible: boolean } {
  const explicit: Designation[] = [
    creator,
    ...members.map((m) => ({ abilities: m.memberAbilities, payment: m.paymentConfiguration })),
  ];
  const someoneResponsible = explicit.some((m) => m.payment?.queryCompute.isResponsible === true);
  const querierDeclined = explicit.some(
    (m) => m.abilities.includes(QUERY_ABILITY) && m.payment?.queryCompute.isResponsible === false,
  );
  if (querierDeclined && !someoneResponsible) {
    throw fail.invalidConfiguration(
      'The member who can query must pay for query compute unless another member is responsible',
    );
  }
  return { someoneResponsible };
}

/** The configuration a member without an explicit one gets: it pays for queries if it is the default payer. */
export function defaultPayment(
  abilities: string[],
  someoneResponsible: boolean,
): PaymentConfiguration {
  return {
    queryCompute: { isResponsible: !someoneResponsible && abilities.includes(QUERY_ABILITY) },
  };
}

/**
 * The member's payment acceptance: each responsibility it states must match what the creator
 * designated; a designated payer that cannot query must state it explicitly.
 */
export function memberPayment(
  me: MemberRecord,
  requested: PaymentConfiguration | undefined,
): PaymentConfiguration {
  const designated = me.paymentConfiguration;
  if (!requested) {
    if (designated.queryCompute.isResponsible && !me.abilities.includes(QUERY_ABILITY)) {
      throw fail.invalidConfiguration(
        'paymentConfiguration is required: the collaboration creator designated this member to pay for query compute',
        'paymentConfiguration',
      );
    }
    return designated;
  }
  checkResponsibilities(designated, requested, 'paymentConfiguration');
  return requested;
}

export function checkResponsibilities(
  designated: PaymentConfiguration,
  requested: Partial<PaymentConfiguration>,
  field: string,
): void {
  const pairs: Array<[string, Responsibility | undefined, Responsibility | undefined]> = [
    ['queryCompute', designated.queryCompute, requested.queryCompute],
    [
      'machineLearning.modelTraining',
      designated.machineLearning?.modelTraining,
      requested.machineLearning?.modelTraining,
    ],
    [
      'machineLearning.modelInference',
      designated.machineLearning?.modelInference,
      requested.machineLearning?.modelInference,
    ],
    [
      'machineLearning.syntheticDataGeneration',
      designated.machineLearning?.syntheticDataGeneration,
      requested.machineLearning?.syntheticDataGeneration,
    ],
    ['jobCompute', designated.jobCompute, requested.jobCompute],
  ];
  for (const [name, want, got] of pairs) {
    if (got && got.isResponsible !== (want?.isResponsible ?? false)) {
      throw fail.invalidConfiguration(
        `${field}.${name}.isResponsible must be ${want?.isResponsible ?? false}: it has to match what the collaboration creator designated`,
        `${field}.${name}.isResponsible`,
      );
    }
  }
}
