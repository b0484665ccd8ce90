/**
 * The panel shown in the Google Sheets sidebar and the Excel task pane: Kiểm tra, Chỉ số, Báo cáo, Cài đặt.
 * Every piece of cell text reaches the page through textContent or an attribute, never as HTML.
 */
import { formatViDate } from '../core/dates';
import { outcomeSummary } from '../core/presenting/report';
import { formatPercent } from '../core/reading/text';
import { officialDocxBlob } from '../docx/write';
import { exchangeSection } from './exchange';
import type { Bridge, Cutoff, PanelCheck, PanelFinding, PanelIndicators, PanelInit } from './bridge';

type Child = Node | string | null | undefined | false;

/** Build an element; strings become text nodes, so task text like `<img onerror=…>` stays text. */
export function h(tag: string, attrs: Record<string, string | boolean | ((e: Event) => void)> = {}, ...children: Child[]): HTMLElement {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (typeof value === 'function') el.addEventListener(key.replace(/^on/, ''), value);
    else if (value === true) el.setAttribute(key, '');
    else if (value !== false) el.setAttribute(key, value);
  }
  for (const child of children) if (child !== null && child !== undefined && child !== false) el.append(child);
  return el;
}

const SEVERITY_TITLES = { error: 'Lỗi', warning: 'Cảnh báo', info: 'Lưu ý' } as const;
const CUTOFFS: [Cutoff, string][] = [
  ['calendar', 'Năm dương lịch'],
  ['nd09', 'NĐ 09/2019 (15 → 14)'],
];

const percent = formatPercent;

function message(err: unknown): string {
  if (err && typeof err === 'object' && 'message' in err) return String((err as { message: unknown }).message);
  return String(err);
}

/** Text cut at a word to at most `max` characters, with "…" when anything was cut. */
export function cutAtWord(text: string, max: number): string {
  if (text.length <= max) return text;
  const head = text.slice(0, max - 1);
  const space = head.lastIndexOf(' ');
  return `${(space > max / 2 ? head.slice(0, space) : head).trimEnd()}…`;
}

/**
 * A small horizontal bar chart (SVG) of on-time rates per unit. Each unit's name has the chart's whole width on its own
 * line above its bar (a name beside the bar had 18 characters: "Phòng Tổ chức cán…"); the full name is the tooltip.
 */
export function barChart(rows: { label: string; value: number | null }[]): SVGElement {
  const ns = 'http://www.w3.org/2000/svg';
  const barHeight = 14;
  const labelHeight = 13;
  const rowHeight = labelHeight + barHeight + 8;
  const width = 260;
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', `0 0 ${width} ${rows.length * rowHeight + 2}`);
  svg.setAttribute('class', 'chart');
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', 'Tỷ lệ đúng hạn theo đơn vị');
  rows.forEach((row, i) => {
    const y = 2 + i * rowHeight;
    const title = document.createElementNS(ns, 'title');
    title.textContent = `${row.label}: ${percent(row.value)}`;
    const label = document.createElementNS(ns, 'text');
    label.setAttribute('x', '0');
    label.setAttribute('y', String(y + 10));
    // About 46 characters of 10 px text fit the 260-unit width.
    label.textContent = cutAtWord(row.label, 46);
    const bar = document.createElementNS(ns, 'rect');
    const w = Math.max(1, Math.round((row.value ?? 0) * (width - 44)));
    bar.setAttribute('x', '0');
    bar.setAttribute('y', String(y + labelHeight));
    bar.setAttribute('width', String(w));
    bar.setAttribute('height', String(barHeight));
    bar.setAttribute('class', (row.value ?? 0) >= 1 ? 'bar good' : (row.value ?? 0) >= 0.7 ? 'bar' : 'bar bad');
    bar.append(title);
    const value = document.createElementNS(ns, 'text');
    value.setAttribute('x', String(w + 4));
    value.setAttribute('y', String(y + labelHeight + 11));
    value.textContent = percent(row.value);
    svg.append(label, bar, value);
  });
  return svg;
}

export function mountPanel(root: HTMLElement, bridge: Bridge): void {
  let init: PanelInit | null = null;
  const status = h('div', { class: 'status', role: 'status', 'aria-live': 'polite' });
  const views: Record<string, HTMLElement> = {
    check: h('section', { class: 'view', 'data-view': 'check' }),
    indicators: h('section', { class: 'view', 'data-view': 'indicators', hidden: true }),
    report: h('section', { class: 'view', 'data-view': 'report', hidden: true }),
    settings: h('section', { class: 'view', 'data-view': 'settings', hidden: true }),
  };
  const tabs = h(
    'nav',
    { class: 'tabs', role: 'tablist' },
    ...([
      ['check', 'Kiểm tra'],
      ['indicators', 'Chỉ số'],
      ['report', 'Báo cáo'],
      ['settings', 'Cài đặt'],
    ] as const).map(([key, label]) =>
      h('button', { type: 'button', role: 'tab', 'data-tab': key, 'aria-selected': key === 'check' ? 'true' : 'false', onclick: () => show(key) }, label),
    ),
  );
  root.replaceChildren(h('div', { class: 'panel' }, tabs, status, ...Object.values(views)));

  function show(key: keyof typeof views | string) {
    for (const [k, el] of Object.entries(views)) el.hidden = k !== key;
    tabs.querySelectorAll('button').forEach((b) => b.setAttribute('aria-selected', String(b.getAttribute('data-tab') === key)));
  }

  function busy(text: string) {
    status.className = 'status busy';
    status.textContent = text;
  }
  function done(text = '') {
    status.className = 'status';
    status.textContent = text;
  }
  function fail(err: unknown) {
    status.className = 'status error';
    status.textContent = message(err);
  }

  function periodPicker(name: string) {
    const period = h('select', { name: `${name}-period`, 'aria-label': 'Kỳ báo cáo' }) as HTMLSelectElement;
    const cutoff = h('select', { name: `${name}-cutoff`, 'aria-label': 'Cách tính kỳ' }) as HTMLSelectElement;
    for (const p of init?.periods ?? []) period.append(h('option', { value: p.code, selected: p.code === init?.defaultPeriod }, p.label));
    for (const [value, label] of CUTOFFS) cutoff.append(h('option', { value, selected: value === init?.cutoff }, label));
    return { period, cutoff, row: h('div', { class: 'row' }, h('label', {}, 'Kỳ ', period), h('label', {}, 'Cách tính ', cutoff)) };
  }

  // ---- Kiểm tra --------------------------------------------------------------------------------------
  const findingsBox = h('div', { class: 'findings' });
  const highlight = h('input', { type: 'checkbox', name: 'highlight' }) as HTMLInputElement;
  highlight.addEventListener('change', async () => {
    busy(highlight.checked ? 'Đang tô màu các ô có vấn đề…' : 'Đang xóa tô màu…');
    try {
      const { count } = await bridge.highlight(highlight.checked);
      done(highlight.checked ? `Đã tô màu ${count} ô.` : `Đã trả lại màu cho ${count} ô.`);
    } catch (err) {
      fail(err);
    }
  });
  views.check.append(
    h('div', { class: 'row' }, h('button', { type: 'button', class: 'primary', 'data-action': 'check', onclick: () => void runCheck() }, 'Kiểm tra lại'), h('label', { class: 'toggle' }, highlight, ' Tô màu ô có vấn đề')),
    findingsBox,
  );

  function findingItem(f: PanelFinding) {
    return h(
      'li',
      {},
      h(
        'button',
        {
          type: 'button',
          class: `finding ${f.severity}`,
          'data-code': f.code,
          title: `Đến ô ${f.column}${f.row}`,
          onclick: async () => {
            try {
              await bridge.select(f);
              done(`Đã chọn ô ${f.column}${f.row} trên trang "${f.sheet}".`);
            } catch (err) {
              fail(err);
            }
          },
        },
        h('span', { class: 'cell' }, `${f.column}${f.row}`),
        h('span', { class: 'msg' }, f.message),
      ),
    );
  }

  function renderCheck(view: PanelCheck) {
    const summary = h(
      'p',
      { class: 'summary' },
      `Trang "${view.sheet}" · ${view.tasks} nhiệm vụ · năm ${view.planYear}: `,
      h('strong', { class: 'error' }, `${view.counts.error} lỗi`),
      ', ',
      h('strong', { class: 'warning' }, `${view.counts.warning} cảnh báo`),
      ', ',
      h('strong', { class: 'info' }, `${view.counts.info} lưu ý`),
    );
    const groups = (['error', 'warning', 'info'] as const)
      .filter((s) => view.counts[s] > 0)
      .map((s) =>
        h(
          'details',
          { class: `group ${s}`, open: s !== 'info' },
          h('summary', {}, `${SEVERITY_TITLES[s]} (${view.counts[s]})`),
          h('ul', {}, ...view.findings.filter((f) => f.severity === s).map(findingItem)),
        ),
      );
    findingsBox.replaceChildren(summary, ...(groups.length ? groups : [h('p', { class: 'ok' }, 'Không phát hiện vấn đề nào.')]));
  }

  async function runCheck() {
    busy('Đang kiểm tra phụ lục…');
    try {
      renderCheck(await bridge.check());
      done();
    } catch (err) {
      findingsBox.replaceChildren();
      fail(err);
    }
  }

  // ---- Chỉ số ----------------------------------------------------------------------------------------
  const indicatorsBox = h('div', { class: 'indicators' });
  function renderIndicators(view: PanelIndicators) {
    const rates = h(
      'div',
      { class: 'rates' },
      h('div', { class: 'rate' }, h('span', { class: 'big', 'data-rate': 'completion' }, percent(view.rates.completion)), h('span', {}, 'Hoàn thành')),
      h('div', { class: 'rate' }, h('span', { class: 'big', 'data-rate': 'onTime' }, percent(view.rates.onTime)), h('span', {}, 'Đúng hạn')),
    );
    const t = view.totals;
    const facts = h('p', { class: 'summary' }, `${view.period.label}: ${outcomeSummary(t)}`);
    const chart = view.byUnit.length
      ? h('figure', {}, h('figcaption', {}, 'Tỷ lệ đúng hạn theo đơn vị chủ trì'), barChart(view.byUnit.map((u) => ({ label: u.unit, value: u.onTimeRate }))))
      : h('p', { class: 'muted' }, 'Không có nhiệm vụ đến hạn trong kỳ.');
    const table = h(
      'table',
      { class: 'targets' },
      h('thead', {}, h('tr', {}, h('th', {}, 'Chỉ số'), h('th', {}, 'Mục tiêu'), h('th', {}, 'Kết quả'), h('th', {}, 'Đánh giá'))),
      h(
        'tbody',
        {},
        ...view.indicators.map((i) =>
          h('tr', {}, h('td', {}, i.name), h('td', {}, percent(i.target)), i.actual === null ? h('td', { class: 'muted' }, 'chưa có số liệu') : h('td', {}, percent(i.actual)), h('td', { class: i.result === 'Đạt' ? 'good' : i.result ? 'bad' : 'muted' }, i.result ?? '')),
        ),
      ),
    );
    indicatorsBox.replaceChildren(rates, facts, chart, table);
  }

  // ---- Báo cáo ---------------------------------------------------------------------------------------
  const reportBox = h('div', { class: 'report-result' });
  const progress = h('progress', { hidden: true }) as HTMLProgressElement;

  // ---- Cài đặt ---------------------------------------------------------------------------------------
  views.settings.append(
    h('p', {}, 'Năm kế hoạch, cách tính kỳ báo cáo, danh mục đơn vị và các chỉ tiêu được lưu trong trang "CCHC - Cài đặt" của bảng tính; sửa trực tiếp trên trang đó.'),
    h(
      'div',
      { class: 'row' },
      h('button', { type: 'button', 'data-action': 'settings', onclick: async () => { try { const r = await bridge.openSettings(); done(`Đã mở trang "${r.sheet}".`); } catch (err) { fail(err); } } }, 'Mở trang cài đặt'),
      h(
        'button',
        {
          type: 'button',
          'data-action': 'tracking',
          onclick: async () => {
            busy('Đang thêm cột theo dõi…');
            try {
              const added = await bridge.addTrackingColumns();
              done(added.length ? `Đã thêm cột: ${added.join(', ')}.` : 'Phụ lục đã có cột Tiến độ và Ngày hoàn thành.');
            } catch (err) {
              fail(err);
            }
          },
        },
        'Thêm cột Tiến độ, Ngày hoàn thành',
      ),
      bridge.addFormulaNames &&
        h(
          'button',
          {
            type: 'button',
            'data-action': 'formula-names',
            title: 'Cho phép viết =CCHC_ONTIME() như trong Google Sheets (Excel 365)',
            onclick: async () => {
              busy('Đang thêm tên hàm…');
              try {
                const n = await bridge.addFormulaNames!();
                done(n ? `Đã thêm ${n} tên hàm CCHC_… vào sổ làm việc.` : 'Sổ làm việc đã có đủ tên hàm CCHC_….');
              } catch (err) {
                fail(err);
              }
            },
          },
          'Dùng tên hàm như Google Sheets',
        ),
    ),
  );

  async function start() {
    busy('Đang đọc bảng tính…');
    try {
      init = await bridge.init();
    } catch (err) {
      fail(err);
      return;
    }
    const ip = periodPicker('indicators');
    views.indicators.append(
      ip.row,
      h(
        'button',
        {
          type: 'button',
          class: 'primary',
          'data-action': 'indicators',
          onclick: async () => {
            busy('Đang tính chỉ số…');
            try {
              renderIndicators(await bridge.indicators(ip.period.value, ip.cutoff.value as Cutoff));
              done();
            } catch (err) {
              fail(err);
            }
          },
        },
        'Tính chỉ số',
      ),
      indicatorsBox,
    );
    const rp = periodPicker('report');
    // The button names the period it makes the report for: a quarter, six or nine months, or the year.
    const reportLabel = () => `Tạo báo cáo ${rp.period.selectedOptions[0]?.textContent ?? ''}`.trim();
    const reportButton = h(
        'button',
        {
          type: 'button',
          class: 'primary',
          'data-action': 'report',
          onclick: async () => {
            busy(`Đang tạo báo cáo ${rp.period.selectedOptions[0]?.textContent ?? ''}…`);
            progress.hidden = false;
            try {
              const r = await bridge.report(rp.period.value, rp.cutoff.value as Cutoff);
              // Through the host in both: a link to the sheet's URL would reload the whole spreadsheet tab in Sheets.
              const link = h('button', { type: 'button', class: 'link', 'data-tab-name': r.tab, onclick: () => void bridge.openSheet(r.tab) }, r.tab);
              reportBox.replaceChildren(
                h('p', {}, 'Đã tạo trang ', link, '.'),
                h('p', { class: 'summary' }, `${r.period}: hoàn thành ${percent(r.rates.completion)}, đúng hạn ${percent(r.rates.onTime)}, ${r.overdue} nhiệm vụ quá hạn, ${r.problems} vấn đề dữ liệu.`),
                h('p', { class: 'muted' }, `Hạn gửi báo cáo kỳ này: ${r.reportDueLabel}.`),
              );
              done('Đã tạo báo cáo.');
            } catch (err) {
              fail(err);
            } finally {
              progress.hidden = true;
            }
          },
        },
        reportLabel(),
      );
    rp.period.addEventListener('change', () => (reportButton.textContent = reportLabel()));
    // The official report as a .docx, laid out here from the host's content (no file goes through a server or Drive).
    const documentButton = h(
      'button',
      {
        type: 'button',
        'data-action': 'document',
        onclick: async () => {
          busy('Đang soạn văn bản báo cáo…');
          try {
            const { document: content, fileName } = await bridge.document(rp.period.value, rp.cutoff.value as Cutoff);
            const url = URL.createObjectURL(await officialDocxBlob(content));
            const link = h('a', { href: url, download: fileName, hidden: true });
            root.append(link);
            link.click();
            link.remove();
            setTimeout(() => URL.revokeObjectURL(url), 60_000);
            done(`Đã tạo "${fileName}": mở tệp, điền các phần trong ngoặc vuông rồi trình ký.`);
          } catch (err) {
            fail(err);
          }
        },
      },
      'Tải văn bản báo cáo (.docx)',
    );
    // Reminders: per lead unit what is due within 7 days and what is overdue, with an e-mail link per unit.
    const remindersBox = h('div', { class: 'reminders' });
    const remindButton = h(
      'button',
      {
        type: 'button',
        'data-action': 'reminders',
        onclick: async () => {
          busy('Đang lập danh sách nhắc hạn…');
          try {
            const r = await bridge.reminders(7);
            remindersBox.replaceChildren(
              ...(r.units.length
                ? r.units.map((u) => {
                    const mailto = `mailto:${u.email ? encodeURIComponent(u.email) : ''}?subject=${encodeURIComponent(u.mail.subject)}&body=${encodeURIComponent(u.mail.body)}`;
                    return h(
                      'div',
                      { class: 'unit-reminders', 'data-unit': u.unit },
                      h('strong', {}, u.unit),
                      ' ',
                      h('a', { href: mailto, target: '_blank', rel: 'noopener', class: 'mail' }, u.email ? 'Gửi e-mail nhắc' : 'Soạn e-mail nhắc (chưa có địa chỉ)'),
                      h(
                        'ul',
                        {},
                        ...u.overdue.map((o) => h('li', { class: 'overdue' }, `Quá hạn ${o.daysOverdue} ngày: ${o.content} (hạn ${formatViDate(o.due)})`)),
                        ...u.dueSoon.map((d) => h('li', {}, `${d.daysLeft === 0 ? 'Đến hạn hôm nay' : `Còn ${d.daysLeft} ngày`}: ${d.content} (hạn ${formatViDate(d.due)})`)),
                      ),
                    );
                  })
                : [h('p', { class: 'muted' }, `Không có nhiệm vụ quá hạn hay đến hạn trong ${r.days} ngày tới.`)]),
            );
            done(`Nhắc hạn tính đến ${formatViDate(r.asOf)}: ${r.units.length} đơn vị.`);
          } catch (err) {
            fail(err);
          }
        },
      },
      'Nhắc hạn các đơn vị',
    );
    views.report.append(
      rp.row,
      h('div', { class: 'row' }, reportButton, documentButton),
      progress,
      reportBox,
      h('div', { class: 'row' }, remindButton),
      remindersBox,
      ...(bridge.forms && bridge.merge ? [exchangeSection(h, { forms: bridge.forms.bind(bridge), merge: bridge.merge.bind(bridge), xlsxLibrary: bridge.xlsxLibrary?.bind(bridge) }, { busy, done, fail })] : []),
      h('p', { class: 'next-due' }, `Báo cáo kế tiếp: ${init.nextReport.label}, hạn ${formatViDate(init.nextReport.due)}.`),
    );
    if (init.problem) {
      fail(init.problem);
      return;
    }
    await runCheck();
  }

  void start();
}
