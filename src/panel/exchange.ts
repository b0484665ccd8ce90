/**
 * The panel's part of the units' loop: update forms written as .xlsx files to download, and the files units send
 * back read and merged (a preview first, then the cells written when the user asks). ExcelJS is loaded only when
 * one of these is used: the host serves its browser build beside the panel (exceljs.min.js).
 */
import type ExcelJSModule from 'exceljs';
import { formatViDate } from '../core/dates';
import { describeValue } from '../core/consolidating/merge';
import { workbookFromExcelJS } from '../forms/read';
import { updateFormWorkbook } from '../forms/write';
import type { Bridge, PanelMerge, ReturnedFile } from './bridge';

type Child = Node | string | null | undefined | false;
type H = (tag: string, attrs?: Record<string, string | boolean | ((e: Event) => void)>, ...children: Child[]) => HTMLElement;

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

let library: Promise<typeof ExcelJSModule> | null = null;

const LIBRARY_FAILED = 'Không tải được thư viện đọc/ghi tệp .xlsx (ExcelJS). Kiểm tra kết nối rồi thử lại.';

/**
 * The browser build of ExcelJS, loaded once on first use: from beside the panel (the task pane), or as text the host
 * sends (the Apps Script sidebar has no files beside it), run as an inline script.
 */
export function loadExcelJS(source: string | (() => Promise<string>) = 'exceljs.min.js'): Promise<typeof ExcelJSModule> {
  const existing = (window as unknown as { ExcelJS?: typeof ExcelJSModule }).ExcelJS;
  if (existing) return Promise.resolve(existing);
  const loaded = () => (window as unknown as { ExcelJS?: typeof ExcelJSModule }).ExcelJS;
  library ??= new Promise<typeof ExcelJSModule>((resolve, reject) => {
    const script = document.createElement('script');
    const failed = () => {
      library = null;
      reject(new Error(LIBRARY_FAILED));
    };
    if (typeof source === 'string') {
      script.src = source;
      script.onload = () => (loaded() ? resolve(loaded()!) : failed());
      script.onerror = failed;
      document.head.append(script);
      return;
    }
    source().then((base64) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      script.textContent = new TextDecoder().decode(bytes);
      document.head.append(script);
      if (loaded()) resolve(loaded()!);
      else failed();
    }, failed);
  });
  return library;
}

export function exchangeSection(h: H, bridge: Required<Pick<Bridge, 'forms' | 'merge'>> & Pick<Bridge, 'xlsxLibrary'>, status: { busy(t: string): void; done(t?: string): void; fail(e: unknown): void }): HTMLElement {
  const formsBox = h('div', { class: 'forms' });
  const library = () => loadExcelJS(bridge.xlsxLibrary ? () => bridge.xlsxLibrary!() : undefined);
  const formsButton = h(
    'button',
    {
      type: 'button',
      'data-action': 'forms',
      onclick: async () => {
        status.busy('Đang tạo phiếu cập nhật…');
        try {
          const [{ forms, withoutUnit }, lib] = await Promise.all([bridge.forms(), library()]);
          const links: HTMLElement[] = [];
          for (const form of forms) {
            const buffer = await (await updateFormWorkbook(lib, form)).xlsx.writeBuffer();
            const url = URL.createObjectURL(new Blob([buffer], { type: XLSX_TYPE }));
            links.push(h('li', { 'data-unit': form.unit }, h('a', { href: url, download: form.fileName, class: 'form-link' }, form.unit), ` — ${form.tasks.length} nhiệm vụ${form.email ? `, gửi ${form.email}` : ''}`));
          }
          formsBox.replaceChildren(
            h('p', {}, 'Bấm tên đơn vị để tải phiếu, rồi gửi cho đơn vị:'),
            h('ul', { class: 'form-list' }, ...links),
            ...(withoutUnit ? [h('p', { class: 'muted' }, `${withoutUnit} nhiệm vụ chưa có đơn vị chủ trì cụ thể nên không có trong phiếu nào.`)] : []),
          );
          status.done(`Đã tạo ${forms.length} phiếu cập nhật.`);
        } catch (err) {
          status.fail(err);
        }
      },
    },
    'Tạo phiếu cập nhật',
  );

  // The browser's own file button speaks its own language: a Vietnamese button opens the hidden input instead.
  const files = h('input', { type: 'file', multiple: true, accept: '.xlsx,.xlsm', name: 'returned', class: 'hidden-input', 'aria-label': 'Tệp đơn vị gửi lại' }) as HTMLInputElement;
  const chosen = h('span', { class: 'muted chosen' }, 'Chưa chọn tệp nào.');
  files.addEventListener('change', () => {
    const names = Array.from(files.files ?? []).map((f) => f.name);
    chosen.textContent = names.length ? names.join(', ') : 'Chưa chọn tệp nào.';
  });
  const pick = h('button', { type: 'button', 'data-action': 'pick-returned', onclick: () => files.click() }, 'Chọn tệp đơn vị gửi lại…');
  const unit = h('input', { type: 'text', name: 'copy-unit', placeholder: 'Đơn vị của bản sao phụ lục (nếu cần)', 'aria-label': 'Đơn vị của bản sao phụ lục' }) as HTMLInputElement;
  const mergeBox = h('div', { class: 'merge' });
  let returned: ReturnedFile[] = [];

  async function readReturned(): Promise<ReturnedFile[]> {
    const lib = await library();
    const out: ReturnedFile[] = [];
    for (const file of Array.from(files.files ?? [])) {
      const wb = new lib.Workbook();
      try {
        await wb.xlsx.load(await file.arrayBuffer());
      } catch {
        throw new Error(`Không đọc được tệp "${file.name}": cần tệp .xlsx (phiếu cập nhật hoặc bản sao phụ lục).`);
      }
      out.push({ file: file.name, workbook: workbookFromExcelJS(wb) });
    }
    return out;
  }

  function render(result: PanelMerge, applied: boolean) {
    const count = result.applied.length;
    const lines = [
      h('p', { class: 'summary' }, applied ? `Đã ghi ${result.written} ô vào trang "${result.sheet}".` : `Sẽ ghi ${count} ô vào trang "${result.sheet}":`),
      h('ul', { class: 'applied' }, ...result.applied.map((a) => h('li', {}, `Dòng ${a.row}, cột ${a.column} (${a.header}): ${describeValue(a.previous)} → ${describeValue(a.value)} — ${a.from}`))),
      ...result.addedColumns.map((c) => h('p', { class: 'muted' }, `Thêm cột ${c.column} "${c.header}".`)),
      result.conflicts.length || result.formulaCells.length ? h('p', { class: 'summary' }, `Không ghi, cần xem lại (${result.conflicts.length + result.formulaCells.length}):`) : null,
      h(
        'ul',
        { class: 'conflicts' },
        ...result.conflicts.map((c) => h('li', { class: 'overdue' }, `Dòng ${c.row}${c.column ? `, cột ${c.column}` : ''} (${c.header}): đang là ${describeValue(c.current)}, ${c.from} gửi ${describeValue(c.incoming)}. ${c.message}`)),
        ...result.formulaCells.map((f) => h('li', { class: 'overdue' }, `Dòng ${f.row}, cột ${f.column}: ô có công thức, không ghi đè.`)),
      ),
      result.unmatched.length ? h('p', { class: 'muted' }, `Dòng không khớp nhiệm vụ nào: ${result.unmatched.map((u) => `${u.from} dòng ${u.row}`).join('; ')}.`) : null,
      h('p', { class: 'missing' }, result.missingUnits.length ? `Đơn vị chưa gửi lại: ${result.missingUnits.join(', ')}.` : 'Mọi đơn vị chủ trì đã gửi lại.'),
    ];
    const apply =
      !applied && count
        ? h(
            'button',
            {
              type: 'button',
              class: 'primary',
              'data-action': 'merge-apply',
              onclick: async () => {
                status.busy('Đang ghi vào phụ lục…');
                try {
                  render(await bridge.merge(returned, unit.value.trim() || null, true), true);
                  status.done(`Đã tổng hợp ngày ${formatViDate(new Date().toISOString().slice(0, 10))}.`);
                } catch (err) {
                  status.fail(err);
                }
              },
            },
            `Ghi ${count} ô vào phụ lục`,
          )
        : null;
    mergeBox.replaceChildren(...lines.filter((l): l is HTMLElement => l !== null), ...(apply ? [apply] : []));
  }

  const previewButton = h(
    'button',
    {
      type: 'button',
      'data-action': 'merge-preview',
      onclick: async () => {
        if (!files.files?.length) return status.fail('Chọn các tệp đơn vị gửi lại (phiếu cập nhật hoặc bản sao phụ lục).');
        status.busy('Đang đọc các tệp gửi lại…');
        try {
          returned = await readReturned();
          render(await bridge.merge(returned, unit.value.trim() || null, false), false);
          status.done('Xem lại trước khi ghi: chỉ các ô theo dõi của nhiệm vụ đơn vị chủ trì được ghi.');
        } catch (err) {
          status.fail(err);
        }
      },
    },
    'Xem trước tổng hợp',
  );

  return h(
    'div',
    { class: 'exchange' },
    h('h3', {}, 'Phiếu cập nhật của các đơn vị'),
    h('div', { class: 'row' }, formsButton),
    formsBox,
    h('div', { class: 'row' }, pick, files, chosen),
    h('div', { class: 'row' }, unit),
    h('div', { class: 'row' }, previewButton),
    mergeBox,
  );
}
