/**
 * A memo for values that repeat down a sheet (folded text, time frames, header scores, unit names). It is bounded: once
 * it holds `limit` entries it forgets them all and starts again, so a huge export cannot grow it forever, and the cost
 * of forgetting is only recomputation.
 */
export class BoundedMemo<K, V> {
  private readonly entries = new Map<K, V>();

  constructor(private readonly limit: number) {}

  get(key: K): V | undefined {
    return this.entries.get(key);
  }

  /** Remember a value and give it back. */
  set(key: K, value: V): V {
    if (this.entries.size >= this.limit) this.entries.clear();
    this.entries.set(key, value);
    return value;
  }

  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}
