import { expect } from "vitest";
import { AppError } from "@/lib/errors";

/**
 * The error a call fails with, to check its code and its sentence together.
 * Fails the test when the call succeeds or fails with anything but an AppError.
 */
export async function rejectionOf(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}
