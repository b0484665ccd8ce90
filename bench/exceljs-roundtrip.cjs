// The baseline for `npm run bench`: what the command line did before it read packages itself, as a whole process:
// load ExcelJS, read the workbook, write it back.
const ExcelJS = require('exceljs');

async function main() {
  const [file, out] = process.argv.slice(2);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  await wb.xlsx.writeFile(out);
}

void main();
