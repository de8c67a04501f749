import { grantedTo } from "./actor";

export interface AuditResource {
  teamId: string;
}

export const auditPolicy = {
  read: grantedTo<AuditResource>("readAudit"),
};
