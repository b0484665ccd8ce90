import type { Cutoff } from '../core/measuring/periods';
import type { PanelCheck, PanelDocument, PanelFinding, PanelIndicators, PanelInit, PanelReminders, PanelReportDone, ReturnedFile } from '../core/service';
import type { UpdateForm } from '../core/consolidating/forms';
import type { MergeResult } from '../core/consolidating/merge';

export interface PanelForms {
  sheet: string;
  forms: UpdateForm[];
  /** Tasks with no named lead unit: in no form. */
  withoutUnit: number;
}

export interface PanelMerge extends MergeResult {
  /** Cells written (0 for a preview). */
  written: number;
  /** Cells not written because they hold a formula. */
  formulaCells: { row: number; column: string }[];
}

/**
 * Everything the panel needs from its host. The Google Sheets sidebar implements it over google.script.run,
 * the Excel task pane over Office.js; the panel itself never touches either. Only plain data crosses.
 */
export interface Bridge {
  init(): Promise<PanelInit>;
  check(): Promise<PanelCheck>;
  select(target: Pick<PanelFinding, 'sheet' | 'row' | 'column'>): Promise<void>;
  highlight(on: boolean): Promise<{ count: number }>;
  indicators(period: string, cutoff: Cutoff): Promise<PanelIndicators>;
  report(period: string, cutoff: Cutoff): Promise<PanelReportDone>;
  /** The official report's content; the panel lays it out as a .docx and offers it as a download. */
  document(period: string, cutoff: Cutoff): Promise<PanelDocument>;
  /** Per lead unit, what is due within `days` days and what is overdue, with a reminder e-mail's text. */
  reminders(days: number): Promise<PanelReminders>;
  openSheet(name: string): Promise<void>;
  openSettings(): Promise<{ sheet: string }>;
  addTrackingColumns(): Promise<string[]>;
  /**
   * The update forms' content, one per named lead unit (the panel writes each .xlsx). Absent in a host that does not
   * offer forms yet.
   */
  forms?(): Promise<PanelForms>;
  /**
   * Merge returned files (forms or full copies, read by the panel) into the appendix: `apply` false previews, true
   * writes the cells (after the user confirmed the preview). The same core merge as the command line's.
   */
  merge?(returned: ReturnedFile[], unit: string | null, apply: boolean): Promise<PanelMerge>;
  /**
   * ExcelJS's browser build as base64 text, for a host that cannot serve it beside the panel (the Apps Script sidebar).
   * Absent: the panel loads exceljs.min.js from beside itself.
   */
  xlsxLibrary?(): Promise<string>;
  /** Excel only: workbook names so =CCHC_ONTIME() works as in Google Sheets. Absent where not needed. */
  addFormulaNames?(): Promise<number>;
}

export type { ReturnedFile, UpdateForm, MergeResult };
export type { Cutoff, PanelCheck, PanelDocument, PanelReminders, PanelFinding, PanelIndicators, PanelInit, PanelReportDone };
