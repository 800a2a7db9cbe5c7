// Password rules (NIST SP 800-63B): length 8–128, no composition rules, reject known-common passwords and the
// account's own email. Returns an error code that the forms translate (lib/i18n/messages/*/auth.json → errors).
import { COMMON_PASSWORDS } from "./common-passwords";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "./policy";

export type PasswordProblem = "passwordTooShort" | "passwordTooLong" | "passwordCommon" | "passwordIsEmail";

export function passwordProblem(password: string, context: { email?: string } = {}): PasswordProblem | null {
  // Count code points, not UTF-16 units, so a Chinese or emoji passphrase is measured as the user sees it.
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return "passwordTooShort";
  if (length > PASSWORD_MAX_LENGTH) return "passwordTooLong";
  const lower = password.toLowerCase();
  if (COMMON_PASSWORDS.has(lower)) return "passwordCommon";
  if (context.email && lower === context.email.trim().toLowerCase()) return "passwordIsEmail";
  return null;
}
