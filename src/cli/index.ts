import { main } from './main';

const progressWanted = Boolean(process.stderr.isTTY);
main(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(`${text}\n`),
  stderr: (text) => process.stderr.write(`${text}\n`),
  progress: (text) => {
    if (progressWanted) process.stderr.write(`${text}\n`);
  },
}).then((code) => {
  process.exitCode = code;
});
