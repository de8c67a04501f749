/** Who may read an edition: the team's members, or anyone with the link. */
export const VISIBILITIES = ["team", "public"] as const;
export type Visibility = (typeof VISIBILITIES)[number];
