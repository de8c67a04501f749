/**
 * The addresses the server answers itself, before Next.js (server-lane.ts),
 * as the authorization matrix names them beside Next's route files.
 */
export const SERVER_ROUTES = ["GET server.ts /b/[team]/[noteId]", "GET server.ts /b/[team]/[noteId]/[edition]", "GET server.ts /b/[team]/[noteId]/[edition]/print", "GET server.ts /t/[team]/briefs"] as const;
