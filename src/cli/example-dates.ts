/** The example workbook's as-of date and period, apart from its builder so that reading them loads no ExcelJS. */
export const EXAMPLE_AS_OF = '2024-07-10';
export const EXAMPLE_PERIOD = 'H1/2024';
