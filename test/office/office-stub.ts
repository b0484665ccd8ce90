/**
 * Stands in for Office.js in the browser test (served at the CDN's URL): an Office global whose onReady fires at
 * once, and an Excel global over an in-memory workbook that the test seeds and inspects through window.
 */
import type { WorkbookData } from '../../src/core/types';
import { createExcel, ExcelStore, plainObject } from './fake-excel';

declare global {
  interface Window {
    __workbook: WorkbookData;
    __store: ExcelStore;
    __actions: Record<string, unknown>;
    /** The handlers given to Office.addin.onVisibilityModeChanged. */
    __visibility: ((args: { visibilityMode: string }) => void)[];
  }
}

const store = ExcelStore.from(window.__workbook);
window.__store = store;
window.__actions = {};
window.__visibility = [];
const w = window as unknown as Record<string, unknown>;
w.Excel = createExcel(store, plainObject);
w.Office = {
  onReady: (cb?: () => void) => {
    cb?.();
    return Promise.resolve({ host: 'Excel', platform: 'OfficeOnline' });
  },
  actions: { associate: (name: string, fn: unknown) => (window.__actions[name] = fn) },
  addin: {
    showAsTaskpane: () => Promise.resolve(),
    onVisibilityModeChanged: (handler: (args: { visibilityMode: string }) => void) => {
      window.__visibility.push(handler);
      return Promise.resolve(() => Promise.resolve());
    },
  },
  VisibilityMode: { hidden: 'Hidden', taskpane: 'Taskpane' },
};
w.CustomFunctions = { associate: () => undefined, Error: Error, ErrorCode: { invalidValue: '#VALUE!' } };
