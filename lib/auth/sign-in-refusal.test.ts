import { describe, expect, it } from "vitest";
import { signInPageErrorMessage, singleSignOnRefusalCode } from "./sign-in-refusal";

describe("the sign-in page's message for its `error`", () => {
  it("words each refusal of a single sign-on, naming the issuer as configured", () => {
    expect(signInPageErrorMessage(singleSignOnRefusalCode("no_account"), "Google")).toBe("No Dossier account for this address; ask an owner for an invitation.");
    expect(signInPageErrorMessage(singleSignOnRefusalCode("unverified"), "single sign-on")).toBe(
      "Single sign-on has not verified your e-mail address, so Dossier cannot tell which account is yours. Verify it there, then try again.",
    );
    expect(signInPageErrorMessage(singleSignOnRefusalCode("linked_elsewhere"), "Google")).toContain("linked to another Google account");
  });

  it("says a failed single sign-on did not complete, whatever next-auth named it, and makes nothing of a made-up code", () => {
    const failed = "Signing in with Google did not complete. Try again; if it keeps failing, tell whoever runs Dossier.";
    for (const error of ["Configuration", "AccessDenied", "sso_constructor", "sso_", "<script>"]) {
      expect(signInPageErrorMessage(error, "Google")).toBe(failed);
    }
    expect(signInPageErrorMessage("Configuration", undefined)).toBe("Signing in did not complete. Try again.");
    expect(signInPageErrorMessage(undefined, "Google")).toBeNull();
  });
});
