import { main } from './main';

const progressWanted = Boolean(process.stderr.isTTY);
main(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(`${text}\n`),
  // COLUMNS (set by shells, or by hand) wins; a terminal says its own width; a pipe or a file gets whole lines.
  columns: Number(process.env.COLUMNS) || (process.stdout.isTTY ? process.stdout.columns : undefined),
  stderr: (text) => process.stderr.write(`${text}\n`),
  progress: (text) => {
    if (progressWanted) process.stderr.write(`${text}\n`);
  },
}).then((code) => {
  process.exitCode = code;
});
