/**
 * The sidebar's Bridge over google.script.run: each call is a promise, and only plain data crosses (the server
 * functions return ISO date strings, never Date objects).
 */
import type { Bridge } from '../../panel/bridge';
import { mountPanel } from '../../panel/panel';
import { toPortable } from '../../core/portable';

interface ScriptRun {
  withSuccessHandler(fn: (value: unknown) => void): ScriptRun;
  withFailureHandler(fn: (error: Error) => void): ScriptRun;
  [name: string]: unknown;
}
declare const google: { script: { run: ScriptRun } };

function call<T>(name: string, ...args: unknown[]): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const runner = google.script.run.withSuccessHandler((v) => resolve(v as T)).withFailureHandler(reject);
    (runner[name] as (...a: unknown[]) => void)(...args);
  });
}

export function gasBridge(): Bridge {
  return {
    init: () => call('panelInit'),
    check: () => call('panelCheck'),
    select: (target) => call('panelSelect', { sheet: target.sheet, row: target.row, column: target.column }),
    highlight: (on) => call('panelHighlight', on),
    indicators: (period, cutoff) => call('panelIndicators', period, cutoff),
    report: (period, cutoff) => call('panelReport', period, cutoff),
    document: (period, cutoff) => call('panelDocument', period, cutoff),
    reminders: (days) => call('panelReminders', days),
    openSheet: (name) => call('panelOpenSheet', name),
    openSettings: () => call('panelOpenSettings'),
    addTrackingColumns: () => call('panelAddTrackingColumns'),
    forms: () => call('panelForms'),
    // Dates cannot cross google.script.run: returned files travel with dates as ISO text.
    merge: (returned, unit, apply) => call('panelMerge', returned.map((r) => ({ file: r.file, workbook: toPortable(r.workbook) })), unit, apply),
    xlsxLibrary: () => call('panelXlsxLibrary'),
  };
}

mountPanel(document.getElementById('app') as HTMLElement, gasBridge());
