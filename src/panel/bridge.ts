import type { Cutoff } from '../core/measuring/periods';
import type { PanelCheck, PanelDocument, PanelFinding, PanelIndicators, PanelInit, PanelReminders, PanelReportDone } from '../core/service';

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
  /** Excel only: workbook names so =CCHC_ONTIME() works as in Google Sheets. Absent where not needed. */
  addFormulaNames?(): Promise<number>;
}

export type { Cutoff, PanelCheck, PanelDocument, PanelReminders, PanelFinding, PanelIndicators, PanelInit, PanelReportDone };
