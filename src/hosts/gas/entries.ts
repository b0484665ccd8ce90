/**
 * The add-on's top-level functions, for the generated Code.js footer. Apps Script calls only top-level
 * functions: the menu's items, google.script.run's targets and the simple triggers must all be listed here.
 */
export const GAS_ENTRY_POINTS: readonly { name: string; params: string[] }[] = [
  { name: 'onOpen', params: ['e'] },
  { name: 'onInstall', params: ['e'] },
  { name: 'showSidebar', params: [] },
  { name: 'menuCheck', params: [] },
  { name: 'menuReport', params: [] },
  { name: 'menuAddTrackingColumns', params: [] },
  { name: 'menuSettings', params: [] },
  { name: 'menuUnitAccess', params: [] },
  { name: 'menuUnitUpdates', params: [] },
  { name: 'onEdit', params: ['e'] },
  { name: 'menuRemindersOn', params: [] },
  { name: 'menuRemindersOff', params: [] },
  { name: 'dailyReminders', params: ['e'] },
  { name: 'panelInit', params: [] },
  { name: 'panelCheck', params: [] },
  { name: 'panelSelect', params: ['target'] },
  { name: 'panelHighlight', params: ['on'] },
  { name: 'panelIndicators', params: ['code', 'cutoff'] },
  { name: 'panelReport', params: ['code', 'cutoff'] },
  { name: 'panelDocument', params: ['code', 'cutoff'] },
  { name: 'panelReminders', params: ['days'] },
  { name: 'panelOpenSheet', params: ['name'] },
  { name: 'panelOpenSettings', params: [] },
  { name: 'panelAddTrackingColumns', params: [] },
  { name: 'panelForms', params: [] },
  { name: 'panelMerge', params: ['returned', 'unit', 'apply'] },
  { name: 'panelXlsxLibrary', params: [] },
];
