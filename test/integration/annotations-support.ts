// Shared by the annotation and audit integration tests: a workbench as one analyst, called through the
// same dispatch both transports use (so requests are validated by the contract's schemas).
import neo4j, { type Driver } from 'neo4j-driver';
import { ApiError, type OperationName, type RequestOf, type ResponseOf } from '../../contract/api';
import { dispatch } from '../../backend/dispatch';
import type { Workbench } from '../../backend/workbench';

export async function call<K extends OperationName>(workbench: Workbench, operation: K, request: RequestOf<K>): Promise<ResponseOf<K>> {
  const envelope = await dispatch(workbench.handlers, operation, request);
  if (!envelope.ok) throw new ApiError(envelope.error);
  return envelope.result as ResponseOf<K>;
}

/** The error a call failed with (the test fails if it succeeded). */
export async function refusal<K extends OperationName>(workbench: Workbench, operation: K, request: RequestOf<K>): Promise<ApiError> {
  const envelope = await dispatch(workbench.handlers, operation, request);
  if (envelope.ok) throw new Error(`${operation} was expected to fail but succeeded`);
  return new ApiError(envelope.error);
}

/** Two people from the demo data, to link. */
export async function twoPeople(driver: Driver): Promise<[string, string]> {
  const { records } = await driver.executeQuery('MATCH (p:Person) RETURN p.id AS id ORDER BY p.id LIMIT $n', { n: neo4j.int(3) });
  if (records.length < 3) throw new Error('The test database has no demo people; seed it first.');
  return [String(records[1].get('id')), String(records[2].get('id'))];
}
