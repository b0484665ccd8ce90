import { execFileSync } from 'node:child_process';

/** The command-line tests run the real bundle, as users do: build it once before they start. */
export default function setup() {
  execFileSync('npx', ['tsx', 'build/build.ts'], { stdio: 'inherit' });
}
