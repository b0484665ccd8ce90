/** Files the bundles ship from dependencies, found the way Node finds packages (node_modules may sit above the project). */
import { createRequire } from 'node:module';

/** ExcelJS's browser build: the panels load it only when update forms are made or read. */
export const EXCELJS_BROWSER = createRequire(import.meta.url).resolve('exceljs/dist/exceljs.min.js');
