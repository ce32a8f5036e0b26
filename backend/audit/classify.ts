// What each operation is, for the audit log and for the read-only role: read from the contract's one typed
// table (contract/operations.ts), never guessed from an operation's name.
export { OPERATION_POLICIES, type OperationPolicy } from '../../contract/operations';
export { policyOf as policyFor } from '../../contract/operations';
