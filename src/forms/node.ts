/** Update forms written on the command line, with the ExcelJS package from npm. */
import ExcelJS from 'exceljs';
import type { UpdateForm } from '../core/consolidating/forms';
import { updateFormWorkbook } from './write';

export async function writeUpdateForm(form: UpdateForm): Promise<Buffer> {
  return Buffer.from(await (await updateFormWorkbook(ExcelJS, form)).xlsx.writeBuffer());
}
