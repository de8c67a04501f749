export * from "./accounts";
export * from "./notes";
export * from "./audit";
