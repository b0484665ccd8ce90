/// <reference types="office-js" />
/**
 * The shared runtime's page: the panel (task pane) and the ribbon's commands. The custom functions are in
 * functions.js, loaded by the same page.
 */
import { mountPanel } from '../../panel/panel';
import { officeBridge, officeInit, officeReport } from './host';

/** Ribbon: "Tạo báo cáo định kỳ" for the period that ended last (or the plan year's first). */
async function generateReportCommand(event: Office.AddinCommands.Event) {
  try {
    const init = await officeInit();
    await officeReport(init.defaultPeriod, init.cutoff);
  } finally {
    event.completed();
  }
}

async function showTaskpaneCommand(event: Office.AddinCommands.Event) {
  try {
    await Office.addin.showAsTaskpane();
  } finally {
    event.completed();
  }
}

/**
 * The shared runtime starts this page whenever the add-in loads, also hidden (a custom function in a cell starts it):
 * the panel, which reads and checks the workbook, is mounted only once the pane is shown.
 */
export function mountWhenShown(mount: () => void): void {
  let mounted = false;
  const once = () => {
    if (mounted) return;
    mounted = true;
    mount();
  };
  if (document.visibilityState === 'visible') return once();
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') once();
  });
  Office.addin.onVisibilityModeChanged((args) => {
    if (args.visibilityMode === Office.VisibilityMode.taskpane) once();
  });
}

Office.onReady(() => {
  Office.actions.associate('generateReport', generateReportCommand);
  Office.actions.associate('showTaskpane', showTaskpaneCommand);
  const root = document.getElementById('app');
  if (root) mountWhenShown(() => mountPanel(root, officeBridge()));
});
