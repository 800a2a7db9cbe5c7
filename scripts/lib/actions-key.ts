// Next encrypts the variables that server actions close over with one AES key. Every instance behind a load balancer
// must use the same key (and the same build), or an action posted to another instance than the one that rendered the
// page fails. Set NEXT_SERVER_ACTIONS_ENCRYPTION_KEY (32 random bytes, base64) for an organisation's instances; when
// it is unset, `npm start` generates one once and keeps it in the data folder (readable by the owner only).
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

export const ACTIONS_KEY_ENV = "NEXT_SERVER_ACTIONS_ENCRYPTION_KEY";

export function validActionsKey(key: string): boolean {
  const bytes = Buffer.from(key, "base64");
  return [16, 24, 32].includes(bytes.length) && bytes.toString("base64") === key;
}

/** The key from the environment, else the stored one, else a new stored one. Sets it in process.env for children. */
export function ensureActionsKey(dataDir: string, log?: (m: string) => void): string {
  const given = process.env[ACTIONS_KEY_ENV];
  if (given) {
    if (!validActionsKey(given))
      throw new Error(`${ACTIONS_KEY_ENV} must be 16, 24 or 32 bytes in base64 (openssl rand -base64 32)`);
    return given;
  }
  const file = path.join(dataDir, "server-actions-key");
  let key = fs.existsSync(file) ? fs.readFileSync(file, "utf8").trim() : "";
  if (!validActionsKey(key)) {
    key = crypto.randomBytes(32).toString("base64");
    fs.mkdirSync(dataDir, { recursive: true });
    fs.writeFileSync(file, `${key}\n`, { mode: 0o600 });
    log?.(
      `Generated a server-actions encryption key in ${file} (set ${ACTIONS_KEY_ENV} to share one across instances).`,
    );
  }
  process.env[ACTIONS_KEY_ENV] = key;
  return key;
}
