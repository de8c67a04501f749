import { grantedTo } from "./actor";

export interface WebhookResource {
  teamId: string;
}

/**
 * A team's webhooks (lib/webhooks/): they send what the team publishes and
 * decides to a URL outside, so only those who manage the team set them up,
 * read their delivery log and turn them off.
 */
export const webhookPolicy = {
  manage: grantedTo<WebhookResource>("manageTeam"),
};
