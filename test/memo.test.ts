import { describe, expect, it } from 'vitest';
import { BoundedMemo } from '../src/core/memo';

describe('a bounded memo', () => {
  it('remembers up to its limit, then forgets everything and starts again with the new entry', () => {
    const memo = new BoundedMemo<string, number>(3);
    expect(memo.set('a', 1)).toBe(1);
    memo.set('b', 2);
    memo.set('c', 3);
    expect([memo.get('a'), memo.get('b'), memo.get('c'), memo.size]).toEqual([1, 2, 3, 3]);
    memo.set('d', 4);
    expect([memo.get('a'), memo.get('c'), memo.get('d'), memo.size]).toEqual([undefined, undefined, 4, 1]);
  });

  it('forgets everything when cleared', () => {
    const memo = new BoundedMemo<string, number>(3);
    memo.set('a', 1);
    memo.clear();
    expect([memo.get('a'), memo.size]).toEqual([undefined, 0]);
  });
});
