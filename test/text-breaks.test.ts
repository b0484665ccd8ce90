/** Line breaks pasted from Word and the web: every kind is one line break in the cleaned text. */
import { describe, expect, it } from 'vitest';
import { cleanText } from '../src/core/reading/text';

describe('a manual line break pasted from Word', () => {
  it.each([
    ['a vertical tab', 'Văn phòng Sở\u000BThanh tra Sở'],
    ['a Unicode line separator', 'Văn phòng Sở\u2028Thanh tra Sở'],
    ['a Unicode paragraph separator', 'Văn phòng Sở\u2029Thanh tra Sở'],
    ['a carriage return', 'Văn phòng Sở\rThanh tra Sở'],
  ])('reads %s as a line break', (_, text) => {
    expect(cleanText(text)).toBe('Văn phòng Sở\nThanh tra Sở');
  });

  it('drops one at the end of a cell', () => {
    expect(cleanText('Văn phòng Sở\u000B')).toBe('Văn phòng Sở');
  });
});
