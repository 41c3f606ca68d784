export { type AuditFilterValues, AuditLogFilters } from './AuditLogFilters'
export { AuditLogTable } from './AuditLogTable'
