// Small process helpers shared by the start, test and e2e-server scripts.
import { spawn, type SpawnOptions } from "node:child_process";
import path from "node:path";

export const ROOT = path.resolve(import.meta.dirname, "..", "..");
export const BIN = (name: string) => path.join(ROOT, "node_modules", ".bin", name);

/** Runs a command, streaming its output; resolves with the exit code (never rejects on a non-zero exit). */
export function run(cmd: string, args: string[], opts: SpawnOptions = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: ROOT, stdio: "inherit", ...opts });
    child.on("error", reject);
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
}

/** Like run, but throws with the command line when it fails. */
export async function must(cmd: string, args: string[], opts: SpawnOptions = {}): Promise<void> {
  const code = await run(cmd, args, opts);
  if (code !== 0) throw new Error(`${path.basename(cmd)} ${args.join(" ")} exited with ${code}`);
}

export const baseEnv = (extra: Record<string, string> = {}): NodeJS.ProcessEnv => ({
  ...process.env,
  NEXT_TELEMETRY_DISABLED: "1",
  // Node in UTC like the database sessions (lib/db/pg-adapter.ts): timestamps never shift (prisma/orm#28629).
  TZ: "UTC",
  ...extra,
});

/** Runs a command with stdout and stderr captured together; resolves with the exit code and the output. */
export function captured(
  cmd: string,
  args: string[],
  opts: SpawnOptions = {},
): Promise<{ code: number; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: ROOT, ...opts, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout?.on("data", (c: Buffer) => (output += c.toString()));
    child.stderr?.on("data", (c: Buffer) => (output += c.toString()));
    child.on("error", reject);
    child.on("exit", (code, signal) => resolve({ code: code ?? (signal ? 128 : 1), output }));
  });
}

/** Runs a command with its output captured; prints the output only when it fails, then throws. */
export async function quiet(cmd: string, args: string[], opts: SpawnOptions = {}): Promise<void> {
  const { code, output } = await captured(cmd, args, opts);
  if (code === 0) return;
  process.stderr.write(output);
  throw new Error(`${path.basename(cmd)} ${args.join(" ")} exited with ${code}`);
}
