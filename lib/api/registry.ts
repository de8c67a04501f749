import "server-only";
import type { Endpoint } from "./endpoint";
import { editionEndpoints } from "./endpoints/editions";
import { entityEndpoints } from "./endpoints/entities";
import { noteEndpoints } from "./endpoints/notes";
import { searchEndpoints } from "./endpoints/search";

/**
 * Every endpoint of the API under /api/v1, in the order the document lists
 * them. The dispatcher answers only these, and the OpenAPI document is made
 * from them: an endpoint is added here, nowhere else.
 */
export const ENDPOINTS: readonly Endpoint[] = [...noteEndpoints, ...entityEndpoints, ...editionEndpoints, ...searchEndpoints];
