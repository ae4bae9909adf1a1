import { parseArgs, type ParseArgsConfig } from "node:util";

/** Parses command-line flags, turning unknown or malformed flags into a one-line error. */
export function readArgs<T extends NonNullable<ParseArgsConfig["options"]>>(options: T, allowPositionals = false) {
  try {
    return parseArgs({ options, allowPositionals, args: process.argv.slice(2) });
  } catch (error) {
    console.error((error as Error).message);
    process.exit(2);
  }
}

/** The password from PASSWORD, else the first line of standard input. */
export async function readPassword(): Promise<string> {
  if (process.env.PASSWORD) return process.env.PASSWORD;
  if (process.stdin.isTTY) process.stderr.write("Password: ");
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8").split(/\r?\n/)[0] ?? "";
}
