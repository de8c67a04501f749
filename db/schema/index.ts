export * from "./accounts";
export * from "./notes";
export * from "./audit";
export * from "./entities";
export * from "./revisions";
export * from "./review";
export * from "./publishing";
export * from "./sessions";
