/**
 * One job in a fresh process, printing its peak resident memory in MB on the last line: `report` runs the
 * command line's report, `exceljs` only reads and writes the same workbook with ExcelJS.
 */
import ExcelJS from 'exceljs';
import { runReport } from '../src/cli/commands';

async function main() {
  const [job, file, out] = process.argv.slice(2);
  if (job === 'report') {
    const quiet = { stdout: () => undefined, stderr: () => undefined, progress: () => undefined };
    await runReport([file], { period: 'H1/2024', 'as-of': '2024-07-10', out }, quiet);
  } else {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    await wb.xlsx.writeFile(out);
  }
  console.log(process.resourceUsage().maxRSS / 1024);
}

void main();
