import { execFile } from 'node:child_process';

/**
 * Runs one system tool (`ip`, `tc`, `nft`, `openssl`) with its arguments as a list, never through a
 * shell, and fails with the tool's own words when it refuses.
 */
export function run(file: string, args: readonly string[], input?: string): Promise<string> {
  return new Promise((done, fail) => {
    const child = execFile(file, [...args], { timeout: 15_000 }, (error, stdout, stderr) => {
      if (error === null) done(stdout);
      else fail(new Error(`${file} ${args.join(' ')}: ${stderr.trim() || error.message}`));
    });
    if (input !== undefined) child.stdin?.end(input);
  });
}
