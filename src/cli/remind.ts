/**
 * The reminders' files: one ready-to-send e-mail draft (.eml, RFC 5322 with a UTF-8 body) per unit, and one calendar
 * (.ics, RFC 5545) of the deadlines. Mail clients open and import both; nothing is sent from here.
 */
import { reminderMail, type Reminders, type UnitReminders } from '../core/measuring/reminders';

const CRLF = '\r\n';

/** "=?UTF-8?B?…?=": a header value in UTF-8 (RFC 2047), in words short enough for one line each. */
function encodedWord(text: string): string {
  const words: string[] = [];
  let chunk = '';
  for (const ch of text) {
    if (Buffer.byteLength(chunk + ch) > 45) {
      words.push(chunk);
      chunk = '';
    }
    chunk += ch;
  }
  if (chunk) words.push(chunk);
  return words.map((w) => `=?UTF-8?B?${Buffer.from(w).toString('base64')}?=`).join(`${CRLF} `);
}

/** A draft e-mail to the unit: X-Unsent makes Outlook open it ready to send. */
export function reminderEml(unit: UnitReminders, reminders: Reminders, sender: string): string {
  const { subject, body } = reminderMail(unit, reminders.asOf, reminders.days, sender);
  const base64 = Buffer.from(body.replace(/\n/g, CRLF)).toString('base64').replace(/.{76}/g, `$&${CRLF}`);
  return [
    ...(unit.email ? [`To: ${encodedWord(unit.unit)} <${unit.email}>`] : []),
    `Subject: ${encodedWord(subject)}`,
    'X-Unsent: 1',
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=UTF-8',
    'Content-Transfer-Encoding: base64',
    '',
    base64,
    '',
  ].join(CRLF);
}

/** Text for an iCalendar value: backslash, comma, semicolon and line breaks escaped. */
function icsText(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/([,;])/g, '\\$1').replace(/\n/g, '\\n');
}

/** Lines of at most 75 octets, continued with a space (RFC 5545 folding), never cutting a character. */
function fold(line: string): string {
  const out: string[] = [];
  let current = '';
  for (const ch of line) {
    if (Buffer.byteLength(current + ch) > (out.length ? 74 : 75)) {
      out.push(current);
      current = '';
    }
    current += ch;
  }
  out.push(current);
  return out.join(`${CRLF} `);
}

/** Every reminded deadline as an all-day event, one per task and due date, named with its unit. */
export function deadlinesIcs(reminders: Reminders, stamp: Date): string {
  const dtstamp = stamp.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
  const events = new Map<string, string[]>();
  for (const unit of reminders.units) {
    for (const item of [...unit.overdue, ...unit.dueSoon]) {
      const uid = `cchc-${item.row}-${item.due}@cchc`;
      const date = item.due.replace(/-/g, '');
      const prior = events.get(uid);
      if (prior) {
        prior[0] += `, ${unit.unit}`;
        continue;
      }
      events.set(uid, [unit.unit, date, item.content, String(item.row)]);
    }
  }
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//cchc//Nhac han CCHC//VI', 'CALSCALE:GREGORIAN'];
  for (const [uid, [units, date, content, row]] of events) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${uid}`,
      `DTSTAMP:${dtstamp}`,
      `DTSTART;VALUE=DATE:${date}`,
      `SUMMARY:${icsText(`Hạn CCHC: ${content} (${units})`)}`,
      `DESCRIPTION:${icsText(`Phụ lục kế hoạch CCHC, dòng ${row}. Đơn vị chủ trì: ${units}.`)}`,
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.map(fold).join(CRLF) + CRLF;
}
