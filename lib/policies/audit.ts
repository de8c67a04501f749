import { holds, type Actor } from "./actor";

export interface AuditResource {
  teamId: string;
}

export const auditPolicy = {
  read: (actor: Actor | null, log: AuditResource) => holds(actor, log.teamId, "readAudit"),
};
